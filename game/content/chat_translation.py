"""A Chat Check scenario's words in another language (content/cy/chats.yaml): per chat id the
contact's name (optional), per step id the words of its message or note, its sign's why, and its
options' say and why lines in the English order, and the discussion prompts. Everything else
(the steps' order and links, which option is safe, the signs, the ending) is the English chat's.
Used by game.content.translation; no pygame here."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from game.content import chat_checks
from game.content.chat_checks import step_id
from game.content.located import Located
from game.content.reader import Reader
from game.rules.chat import Chat, Choice, Says

FIELDS = {"id": True, "contact": False, "steps": True, "discuss": False}
_STEP = {"id": True, "says": False, "note": False, "why": False, "choose": False}
_OPTION = {"say": False, "why": False}


def words(r: Reader, name: str, loc: Located) -> Any:
    """The translated words of the field `name` of a chat ("contact" or "steps"); None if they
    cannot be read (each problem reported)."""
    if name == "contact":
        f = r.fields(loc, {"name": False}, "contact")
        return None if f is None else {"name": r.text(f, "name", "")}
    if type(loc.value) is not list:
        r.error(loc, "wrong-type", "'steps' must be a list, each step starting with '- id: '",
                "give the words of each English step under its id")
        return None
    out: dict[str, tuple[dict[str, Any], Located]] = {}
    for entry in loc.value:
        f = r.fields(entry, _STEP, "step")
        if f is None or r.ident(f, "id") is None:
            return None
        texts: dict[str, Any] = {}
        for field in ("says", "note", "why"):
            if field in f:
                texts[field] = r.text(f, field)
                if texts[field] is None:
                    return None
        if "choose" in f:
            texts["choose"] = _options(r, f["choose"])
            if texts["choose"] is None:
                return None
        out.setdefault(step_id(entry), (texts, entry))
    return out


def _options(r: Reader, loc: Located) -> list[tuple[str, str, Located]] | None:
    if type(loc.value) is not list:
        r.error(loc, "wrong-type", "'choose' must be a list, each option starting with '- say: '",
                "give one option for each of the English choice's options, in the same order")
        return None
    out = []
    for entry in loc.value:
        f = r.fields(entry, _OPTION, "option")
        if f is None:
            return None
        say, why = r.text(f, "say", ""), r.text(f, "why", "")
        if say is None or why is None:
            return None
        out.append((say, why, entry))
    return out


def apply(item: Chat, w: dict[str, Any], at: Located, r: Reader) -> Chat | None:
    """The English chat with the translation's words; None (the chat stays in English) if any
    words it needs are missing."""
    steps: dict[str, tuple[dict[str, Any], Located]] = w["steps"]
    translated = []
    for step in item.steps:
        if isinstance(step, (Says, Choice)) and step.id not in steps:
            r.error(at.field("steps"), "missing-field", f"the step '{step.id}' has no "
                                                        "translation; the chat is shown in English",
                    f"add '- id: {step.id}' under 'steps:' with its words translated")
            return None
        texts, entry = steps.get(step.id, ({}, at))
        done = _step(step, texts, entry, r)
        if done is None:
            return None
        translated.append(done)
    if item.discuss and not w.get("discuss"):
        r.error(at, "missing-field", "this chat has no 'discuss' prompts, but the English chat "
                                     "has them; the chat is shown in English",
                "translate its prompts in a list under 'discuss:'")
        return None
    before = len(r.problems)
    chat_checks.tone(r, item.ages, at, Path(r.path).parent.name)  # the folder is the language
    if any(p.severity == "error" for p in r.problems[before:]):
        return None
    name = (w.get("contact") or {}).get("name") or item.contact
    return replace(item, contact=name, steps=tuple(translated),
                   discuss=w.get("discuss") or item.discuss)


def _step(step: Any, texts: dict[str, Any], entry: Located, r: Reader) -> Any:
    if isinstance(step, Says):
        field = "note" if step.narrator else "says"
        needed = [field] + (["why"] if step.why else [])
        missing = [name for name in needed if not texts.get(name)]
        if missing:
            r.error(entry, "missing-field", f"the step '{step.id}' has no '{missing[0]}', but "
                                            "the English step has one; the chat is shown in "
                                            "English", f"add '{missing[0]}: ...' translated")
            return None
        return replace(step, text=texts[field], why=texts.get("why", ""))
    if not isinstance(step, Choice):
        return step
    options = texts.get("choose") or []
    if len(options) != len(step.options):
        r.error(entry, "option-count", f"this translation of '{step.id}' has {len(options)} "
                                       f"options but the English choice has "
                                       f"{len(step.options)}; the chat is shown in English",
                "give one option for each English option, in the same order")
        return None
    out = []
    for option, (say, why, where) in zip(step.options, options):
        for name, english, given in (("say", option.text, say), ("why", option.why, why)):
            if english and not given:
                r.error(where, "missing-field", f"this option has no '{name}', but the English "
                                                "option has one; the chat is shown in English",
                        f"add '{name}: ...' translated")
                return None
        out.append(replace(option, text=say or option.text, why=why or option.why))
    return replace(step, options=tuple(out))
