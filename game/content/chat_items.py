"""Reading a Chat Check scenario (content/chats.yaml) out of located YAML into a Chat
(game.rules.chat), every problem at its line and column. The story's checks (a next step that
does not exist, a path that never ends, the tone rules...) are game.content.chat_checks."""
from __future__ import annotations

import difflib

from game.content import chat_checks
from game.content.chat_checks import step_id
from game.content.located import Located
from game.content.reader import Reader, kind_of
from game.rules.chat import ACTIONS, AVATARS, SIGNS, Chat, Choice, Ending, Option, Says, Step

STEP_KINDS = ("says", "note", "choose", "end")  # a step has exactly one of these
_STEP_FIELDS = {"says": {"id": True, "says": True, "next": False, "sign": False, "why": False},
                "note": {"id": True, "note": True, "next": False},
                "choose": {"id": True, "choose": True},
                "end": {"id": True, "end": True}}
_OPTION_FIELDS = {"do": True, "say": False, "safe": True, "next": False, "why": False}


def chat(r: Reader, item: Located) -> Chat | None:
    """One scenario, or None if anything in it is wrong (each mistake reported)."""
    spec = {"id": True, "topic": True, "ages": True, "source": True, "contact": True,
            "steps": True, "discuss": False}
    f = r.fields(item, spec, "chat")
    if f is None:
        return None
    before = len(r.problems)
    values = (r.ident(f, "id"), r.ident(f, "topic"), r.ages(f), r.text(f, "source"),
              _contact(r, f["contact"]), _steps(r, f["steps"]), r.text_list(f, "discuss"))
    if any(v is None for v in values) or _errors(r, before):
        return None
    cid, topic, ages, source, (name, avatar), steps, discuss = values  # type: ignore[misc]
    built = Chat(cid, topic, ages, source, name, avatar, steps, discuss)
    chat_checks.check(r, built, item)
    return None if _errors(r, before) else built


def _errors(r: Reader, since: int) -> bool:
    return any(p.severity == "error" for p in r.problems[since:])


def _contact(r: Reader, loc: Located) -> tuple[str, str] | None:
    f = r.fields(loc, {"name": True, "avatar": True}, "contact")
    if f is None:
        return None
    name, avatar = r.text(f, "name"), r.text(f, "avatar")
    if avatar is not None and avatar not in AVATARS:
        r.error(f["avatar"], "bad-avatar", f"'{avatar}' is not one of the drawn avatars "
                                           f"({', '.join(AVATARS)})", _meant("avatar", avatar,
                                                                              AVATARS))
        return None
    return None if name is None or avatar is None else (name, avatar)


def _meant(name: str, value: str, known: tuple[str, ...]) -> str:
    """A hint naming the value an editor most likely meant."""
    close = difflib.get_close_matches(value.lower(), known, n=1, cutoff=0.5)
    if close:
        return f"did you mean '{close[0]}'? write {name}: {close[0]}"
    return f"write one of: {', '.join(known)}"


def _steps(r: Reader, loc: Located) -> tuple[Step, ...] | None:
    if type(loc.value) is not list or not loc.value:
        what = "lists no step" if isinstance(loc.value, list) else \
            "must be a list of steps"
        r.error(loc, "wrong-type", f"'steps' {what}",
                "start each step with '- id: ...', then one of says, note, choose or end")
        return None
    entries = loc.value
    out: list[Step] = []
    seen: dict[str, Located] = {}
    for i, entry in enumerate(entries):
        following = step_id(entries[i + 1]) if i + 1 < len(entries) else ""
        built = _step(r, entry, following)
        if built is None:
            continue
        first = seen.setdefault(built.id, entry)
        if first is not entry:
            r.error(entry.field("id"), "duplicate-step", f"the step id '{built.id}' is already "
                                                         f"used at line {first.line}",
                    "give each step of a chat an id of its own")
            continue
        out.append(built)
    return tuple(out) if len(out) == len(entries) else None


def _step(r: Reader, entry: Located, following: str) -> Step | None:
    written = entry.fields()
    kinds = [k for k in STEP_KINDS if k in written]
    if type(entry.value) is dict and len(kinds) != 1:
        _wrong_kind(r, entry, kinds)
        return None
    f = r.fields(entry, _STEP_FIELDS[kinds[0]] if kinds else {"id": True}, "step")
    if f is None:
        return None
    kind, sid = kinds[0], r.ident(f, "id")
    if kind == "end":
        message = r.ident(f, "end")
        return None if sid is None or message is None else Ending(sid, message)
    if kind == "choose":
        options = _options(r, f["choose"])
        return None if sid is None or options is None else Choice(sid, options)
    text = r.text(f, kind)
    nxt = r.ident(f, "next") if "next" in f else following
    sign = r.text(f, "sign", "")
    why = r.text(f, "why", "")
    if sign and sign not in SIGNS:
        r.error(f["sign"], "bad-sign", f"'{sign}' is not one of the warning signs "
                                       f"({', '.join(SIGNS)})", _meant("sign", sign, SIGNS))
        return None
    if sign and not why:
        r.error(f["sign"], "missing-why", "a warning sign needs a 'why': the few words the "
                                          "review shows about it",
                "add 'why: ...' under the sign, like: why: A stranger does not need your school.")
        return None
    if None in (sid, text, nxt, why):
        return None
    return Says(sid, text, nxt, sign, why, narrator=kind == "note")  # type: ignore[arg-type]


def _wrong_kind(r: Reader, entry: Located, kinds: list[str]) -> None:
    if kinds:
        names = " and ".join(f"'{k}'" for k in kinds)
        r.error(entry.key_at(kinds[1]), "step-kind", f"a step is one message, note, choice or "
                                                     f"end, but this one has {names}",
                "split it into two steps, each with its own id")
        return
    known = {name for spec in _STEP_FIELDS.values() for name in spec}
    for name in entry.fields():
        close = difflib.get_close_matches(name.lower(), STEP_KINDS, n=1, cutoff=0.6)
        if name not in known and close:
            r.error(entry.key_at(name), "misspelt-field", f"unknown field '{name}' (did you "
                                                          f"mean '{close[0]}'?)",
                    f"rename '{name}' to '{close[0]}'")
            return
    r.error(entry, "step-kind", "this step has none of 'says', 'note', 'choose' or 'end'",
            "add 'says: ...' (the contact's message), 'note: ...' (a line from the game), "
            "'choose:' (the options) or 'end: <message id>'")


def _options(r: Reader, loc: Located) -> tuple[Option, ...] | None:
    if type(loc.value) is not list:
        r.error(loc, "wrong-type", f"'choose' must be a list of options, not {kind_of(loc.value)}",
                "start each option with '- do: ...' on its own line under 'choose:'")
        return None
    out = []
    for entry in loc.value:
        option = _option(r, entry)
        if option is None:
            return None
        out.append(option)
    return tuple(out)


def _option(r: Reader, entry: Located) -> Option | None:
    f = r.fields(entry, _OPTION_FIELDS, "option")
    if f is None:
        return None
    action, say, why = r.text(f, "do"), r.text(f, "say", ""), r.text(f, "why", "")
    nxt = r.ident(f, "next") if "next" in f else ""
    safe = f["safe"].value
    if action is not None and action not in ACTIONS:
        r.error(f["do"], "bad-action", f"'{action}' is not one of the actions "
                                       f"({', '.join(ACTIONS)})", _meant("do", action, ACTIONS))
        return None
    if type(safe) is not bool:
        r.error(f["safe"], "wrong-type", "'safe' must be true or false",
                "write safe: true on a safe option and safe: false on the others")
        return None
    if action == "reply" and not say and "say" not in f:
        r.error(entry, "missing-field", "a reply needs the line the child sends: 'say: ...'",
                "add a line 'say: ...' to this option")
        return None
    if not safe and not why and "why" not in f:
        r.error(entry, "missing-why", "an unsafe option needs a 'why': Scout's one kind line on "
                                      "why it is not safe",
                "add 'why: ...' to this option, like: why: Free coins from a stranger are often "
                "a trick.")
        return None
    if None in (action, say, why, nxt):
        return None
    return Option(action, say, safe, nxt, why)  # type: ignore[arg-type]
