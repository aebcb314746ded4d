"""The reassurance rule (game.content.reassurance): a message or an answer's explain line that
names a consequence (can't get it back, lose control, copied or recorded, a crime or an arrest,
bullying) also says it is not the child's fault, that they won't be in trouble for telling, and
who can help. The detector on each kind of phrase, in English and Welsh; the validator's warning
at the item's place; and every message and explain line of the shipped bank held to the rule."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.commands.validate import check_bank
from game.content import reassurance
from game.content.loader import load_bank
from game.content.model import ENGLISH, Bank
from game.content.translation import languages
from game.paths import content_dir

ALL_THREE = ("fault", "trouble", "help")
REASSURED = " It is not your fault. You won't be in trouble for telling. A grown-up can help."
REASSURED_CY = " Nid dy fai di. Fyddi di ddim mewn trwbl am ddweud. Gall oedolyn helpu."

# --- what counts as a consequence -----------------------------------------------------------

CONSEQUENCES = {
    "gone": ["Once a photo is sent, you can't get it back.",
             "You cannot take it back once it is out.",
             "Once it is posted you won\u2019t ever get it back.",
             "You can't undo it.",
             "It stays online forever."],
    "control": ["When you send a picture, you lose control of it.",
                "You have lost control of where it goes.",
                "You can't control where it goes next."],
    "copied": ["Pictures can be copied and shared.",
               "A live stream could be recorded.",
               "Anyone watching can record the screen.",
               "People can screenshot it.",
               "Someone could share it with the whole school."],
    "law": ["Sharing nude images of under-18s is a crime.",
            "It is against the law to ask a child for a nude picture.",
            "That is illegal.",
            "The police can arrest them.",
            "They were charged and went to prison.",
            "Sharing it could get you into trouble with the police."],
    "bullying": ["It can lead to bullying.", "That is cyberbullying.",
                 "It can lead to cyber-bullying.",
                 "A shared picture can be embarrassing.",
                 "They used it to humiliate her."],
}


@pytest.mark.parametrize("kind,text", [(k, t) for k, texts in CONSEQUENCES.items()
                                       for t in texts])
def test_each_kind_of_consequence_is_found_and_all_three_reassurances_are_missing(
        kind: str, text: str) -> None:
    found = reassurance.find(text)
    assert found is not None, text
    assert found.kind == kind
    assert found.phrase and found.phrase in text
    assert text[found.start:found.start + len(found.phrase)] == found.phrase
    assert found.missing == ALL_THREE


@pytest.mark.parametrize("kind,text", [(k, t) for k, texts in CONSEQUENCES.items()
                                       for t in texts])
def test_each_consequence_with_all_three_reassurances_passes(kind: str, text: str) -> None:
    found = reassurance.find(text + REASSURED)
    assert found is not None and found.kind == kind
    assert found.missing == ()


NO_CONSEQUENCE = [
    "Keep your address to yourself.",
    "Think about what you share online.",  # 'share' alone: advice, not a consequence
    "Don't share it. Tell a grown-up.",
    "You can share your worries with a grown-up.",
    "Anyone can copy how young people talk. You can't be sure.",  # not a picture copied
    "Come back to the game later.",  # 'back' with nothing lost
    "Tell the police and crime commissioner what you think.",  # a job title, not a crime
    "Parental controls block some sites.",
    "You will not be in trouble.",
    "Nobody is in trouble for telling.",
    "It isn't a crime to tell someone.",  # negated: reassurance
    "You won't get into trouble with the police for telling.",
    "Don't join in with bullying.",
]


@pytest.mark.parametrize("text", NO_CONSEQUENCE)
def test_advice_and_negated_phrases_name_no_consequence(text: str) -> None:
    assert reassurance.find(text) is None, reassurance.find(text)


# --- each reassurance -----------------------------------------------------------------------

REASSURANCES = {
    "fault": ["It is not your fault.", "It's never your fault.", "It isn't your fault.",
              "You are not to blame.", "Victims are never to blame.",
              "You did nothing wrong.", "You have done nothing wrong.",
              "It is never the child's fault.", "Blame lies with offenders, never with the child.",
              "Nobody will blame you."],
    "trouble": ["You won't be in trouble for telling.", "You will not be in trouble.",
                "Nobody is in trouble for telling.", "You are not in trouble.",
                "You won't get into trouble.", "You won't be told off."],
    "help": ["A grown-up can help.", "Get help.", "They can help you report it.",
             "Talk to Childline on 0800 1111.", "Report it to CEOP.",
             "Report Remove can get it taken down.", "Support is there."],
}


@pytest.mark.parametrize("name,text", [(n, t) for n, texts in REASSURANCES.items()
                                       for t in texts])
def test_each_reassurance_is_recognised_alone(name: str, text: str) -> None:
    assert reassurance.reassurances(text) == {name}
    found = reassurance.find("You can't get it back. " + text)
    assert found is not None
    assert found.missing == tuple(n for n in ALL_THREE if n != name)


def test_a_threat_of_trouble_is_not_the_trouble_reassurance() -> None:
    assert "trouble" not in reassurance.reassurances("Tell no one, or you will be in trouble.")
    assert "fault" not in reassurance.reassurances("It is your fault, they said.")


def test_the_guide_s_example_message_passes_and_its_rewritten_explain_names_nothing() -> None:
    """The two examples in content/README.md's 'The reassurance rule'."""
    message = ("Think before you send\nOnce a photo is sent, you can't get it back. If you have "
               "sent one, it is not your fault, and you won't be in trouble for telling.\n"
               "Tell a grown-up you trust. They can help.")
    found = reassurance.find(message)
    assert found is not None and found.kind == "gone" and found.missing == ()
    assert reassurance.find("Keep your pictures private. Tell a grown-up you trust.") is None


def test_the_consequence_found_is_the_first_in_the_text() -> None:
    found = reassurance.find("It can lead to bullying, and sharing it is a crime.")
    assert found is not None and (found.kind, found.phrase) == ("bullying", "bullying")


# --- Welsh ----------------------------------------------------------------------------------

CONSEQUENCES_CY = {
    "gone": ["Unwaith mae llun wedi'i anfon, alli di ddim ei gael yn ôl.",
             "Does dim modd ei gymryd yn ôl."],
    "control": ["Pan fyddi di'n anfon llun, rwyt ti'n colli rheolaeth arno.",
                "Alli di ddim rheoli ble mae'n mynd.",
                "Dwyt ti ddim yn rheoli pwy sy'n ei weld."],
    "copied": ["Gall lluniau gael eu copïo a'u rhannu.",
               "Gall unrhyw un sy'n gwylio recordio'r sgrin.",
               "Gall unrhyw un sy'n gwylio ei recordio."],
    "law": ["Mae rhannu lluniau noeth o blant yn drosedd.",
            "Mae'n anghyfreithlon.",
            "Gall fod yn erbyn y gyfraith hefyd.",
            "Mae'n erbyn y gyfraith i oedolyn ofyn am luniau heb ddillad.",
            "Gall yr heddlu eu harestio."],
    "bullying": ["Gall hynny arwain at fwlio.", "Gall godi cywilydd arnat ti."],
}


@pytest.mark.parametrize("kind,text", [(k, t) for k, texts in CONSEQUENCES_CY.items()
                                       for t in texts])
def test_welsh_consequences_are_found_and_welsh_reassurance_satisfies_them(
        kind: str, text: str) -> None:
    found = reassurance.find(text, "cy")
    assert found is not None and found.kind == kind, text
    assert found.missing == ALL_THREE
    reassured = reassurance.find(text + REASSURED_CY, "cy")
    assert reassured is not None and reassured.missing == ()
    # English reassurance is not Welsh reassurance
    english = reassurance.find(text + REASSURED, "cy")
    assert english is not None and {"fault", "trouble"} <= set(english.missing)


@pytest.mark.parametrize("name,text", [
    ("fault", "Nid dy fai di."), ("fault", "Dim dy fai di yw e."), ("fault", "Byth dy fai di."),
    ("fault", "Nid bai'r plentyn yw hynny, byth."),
    ("fault", "Dwyt ti ddim wedi gwneud dim o'i le."), ("fault", "Dwyt ti ddim ar fai."),
    ("fault", "Fydd neb yn dy feio di."), ("trouble", "Fyddi di ddim mewn trafferth."),
    ("trouble", "Fyddi di ddim mewn trwbl."), ("trouble", "Dwyt ti ddim mewn trwbl."),
    ("trouble", "Does neb mewn trwbl am ddweud."),
    ("help", "Gall oedolyn dy helpu."), ("help", "Mae help ar gael."),
])
def test_welsh_reassurances(name: str, text: str) -> None:
    assert reassurance.reassurances(text, "cy") == {name}


@pytest.mark.parametrize("text", [
    "Dere yn ôl i'r gêm.",  # 'yn ôl' (back) with nothing lost
    "Fyddi di ddim mewn trwbl.",
    "Cadwa'n ddiogel ar-lein.",
    "Meddylia am beth rwyt ti'n ei rannu.",
    "Dywedodd Comisiynydd Heddlu a Throsedd hyn.",  # a job title
    "Gall ei rannu gyda dy deulu ddechrau sgwrs dda.",  # sharing advice with family
])
def test_welsh_advice_names_no_consequence(text: str) -> None:
    assert reassurance.find(text, "cy") is None, reassurance.find(text, "cy")


def test_a_language_without_phrase_lists_is_not_checked() -> None:
    assert reassurance.find("You can't get it back.", "fr") is None
    assert set(reassurance.languages()) == {"en", "cy"}


# --- the validator's warning ----------------------------------------------------------------

BASE = Path(__file__).resolve().parent / "broken" / "base"


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SAFETY_DASH_SEEDS", str(BASE / "seeds"))
    dest = tmp_path / "bank"
    shutil.copytree(BASE, dest, ignore=shutil.ignore_patterns("seeds"))
    return dest


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def rule_warnings(folder: Path) -> list:
    report = check_bank(folder, fits=False)
    assert not report.errors, [str(p) for p in report.problems]
    return [p for p in report.problems if p.code == "consequence-without-reassurance"]


def line_of(path: Path, words: str) -> tuple[int, int]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if words in line:
            return n, line.index(words) + 1
    raise AssertionError(words)


def test_the_base_bank_gives_no_warning(bank: Path) -> None:
    assert rule_warnings(bank) == []


def test_a_message_naming_a_consequence_is_a_warning_at_the_message_naming_what_is_missing(
        bank: Path) -> None:
    path = bank / "messages.yaml"
    edit(path, "Keep them to yourself online.",
         "Once you share them, you can't get them back. Keep them to yourself online.")
    [p] = rule_warnings(bank)
    assert p.severity == "warning"
    assert Path(p.path).resolve() == path.resolve()
    assert (p.line, p.col) == line_of(path, "id: keep-details-private")
    assert "message 'keep-details-private'" in p.message
    assert "can't get them back" in p.message
    assert "not the child's fault" in p.message and "trouble for telling" in p.message
    assert "who can help" in p.message
    assert "It is not your fault." in p.hint and "no room" in p.hint


def test_what_is_said_already_is_not_asked_for(bank: Path) -> None:
    path = bank / "messages.yaml"
    edit(path, "Keep them to yourself online.",
         "Once you share them, you can't get them back. A grown-up can help.")
    [p] = rule_warnings(bank)
    assert "who can help" not in p.message and "A grown-up you trust can help." not in p.hint
    assert "not the child's fault" in p.message and "trouble for telling" in p.message


def test_the_do_line_counts_as_part_of_the_message(bank: Path) -> None:
    path = bank / "messages.yaml"
    edit(path, "Keep them to yourself online.",
         "Once you share them, you can't get them back.")
    edit(path, "do: Ask a grown-up first if you want to share something.",
         "do: \"It is not your fault, and you won't be in trouble for telling. Ask a grown-up "
         "to help.\"")
    assert rule_warnings(bank) == []


def test_an_explain_line_is_a_warning_at_that_line(bank: Path) -> None:
    path = bank / "questions.yaml"
    edit(path, "explain: Your address is private. Keep it to yourself.",
         "explain: Your address can be shared with anyone. Keep it to yourself.")
    [p] = rule_warnings(bank)
    assert (p.line, p.col) == line_of(path, "Your address can be shared")
    assert "explain line" in p.message and "'can be shared'" in p.message


def test_a_reassured_explain_line_passes(bank: Path) -> None:
    edit(bank / "questions.yaml", "explain: Your address is private. Keep it to yourself.",
         "explain: \"It can be shared. It's not your fault, you're not in trouble, and a "
         "grown-up can help.\"")
    assert rule_warnings(bank) == []


def test_the_warning_leaves_the_item_in_the_game(bank: Path) -> None:
    edit(bank / "messages.yaml", "Keep them to yourself online.",
         "Once you share them, you can't get them back.")
    assert rule_warnings(bank)
    assert "keep-details-private" in {m.id for m in load_bank(bank).messages}


WELSH_MESSAGES = """language: cy
reviewed: false
messages:
  - id: keep-details-private
    title: Mae dy fanylion yn eiddo i ti
    text: Unwaith mae llun wedi'i anfon, alli di ddim ei gael yn ôl.
    do: Gofynna i oedolyn yn gyntaf.
    discuss:
      - Beth sy'n breifat?
"""


def test_a_welsh_message_is_checked_with_the_welsh_phrases_at_its_place(bank: Path) -> None:
    (bank / "cy").mkdir()
    path = bank / "cy" / "messages.yaml"
    path.write_text(WELSH_MESSAGES, encoding="utf-8")
    warned = [p for p in rule_warnings(bank) if Path(p.path).resolve() == path.resolve()]
    assert len(warned) == 1
    assert (warned[0].line, warned[0].col) == line_of(path, "id: keep-details-private")
    assert "'gael yn ôl'" in warned[0].message and "Nid dy fai di" in warned[0].hint
    path.write_text(WELSH_MESSAGES.replace(
        "Gofynna i oedolyn yn gyntaf.", "Nid dy fai di. Fyddi di ddim mewn trwbl. Gall oedolyn "
                                         "helpu."), encoding="utf-8")
    assert not [p for p in rule_warnings(bank) if Path(p.path).resolve() == path.resolve()]


# --- the shipped bank ---------------------------------------------------------------------------

def _banks() -> list[tuple[str, Bank]]:
    folder = content_dir()
    return [(lang, load_bank(folder, lang=lang)) for lang in [ENGLISH, *languages([folder])]]


def test_every_shipped_message_and_explain_that_names_a_consequence_reassures() -> None:
    """Read as the installed game loads them, in English and in each translation (an item
    shown in English in a translation is read in English)."""
    failing, named = [], 0
    banks = _banks()
    assert [lang for lang, _ in banks] == [ENGLISH, "cy"]
    for lang, bank in banks:
        for kind in ("messages", "questions"):
            items = getattr(bank, kind)
            assert items
            for item in items:
                shown_in = ENGLISH if bank.language.in_english(kind, item.id) else lang
                for what, text, n in reassurance.item_texts(kind, item):
                    found = reassurance.find(text, shown_in)
                    if found is None:
                        continue
                    named += 1
                    if found.missing:
                        where = item.id if n < 0 else f"{item.id} answer {n + 1}"
                        failing.append(f"{lang} {what} {where}: '{found.phrase}' without "
                                       f"{', '.join(found.missing)}")
    assert named > 20  # the bank does name consequences: the check reads them
    assert not failing, f"{len(failing)} items name a consequence without reassurance:\n" + \
        "\n".join(failing)
