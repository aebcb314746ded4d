"""The safeguarding review of issue 13, held in place: what the review found is checked on the
shipped bank as the installed game loads it (English and the Welsh draft), so a finding that
comes back fails here. Three answers to nearly every question; the advice that was missing
(Report Remove, keeping the evidence, the signs of grooming, seeing something by accident, threats
for money, age limits, school officers, the road-safety comparison) in the bands agreed, by id;
the claims that went past the sources or the law gone; every item citing a listed source; and
the Welsh draft's fixes."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import pytest
import yaml

from game.content.loader import load_bank
from game.content.model import Bank, Message, Question
from game.paths import content_dir

BANDS = {"young": "7-9", "middle": "10-12", "teen": "13-15"}


@cache
def bank(lang: str = "en") -> Bank:
    loaded = load_bank(content_dir(), lang=lang)
    assert loaded.messages and loaded.questions and not loaded.broken
    return loaded


def messages(lang: str = "en") -> dict[str, Message]:
    return {m.id: m for m in bank(lang).messages}


def questions(lang: str = "en") -> dict[str, Question]:
    return {q.id: q for q in bank(lang).questions}


def message_words(m: Message) -> str:
    return " ".join((m.title, m.text, m.do, *m.discuss))


def question_words(q: Question) -> str:
    return " ".join((q.text, *(a.text for a in q.answers), *(a.explain for a in q.answers)))


def texts(lang: str = "en", band: str | None = None) -> Iterator[tuple[str, str]]:
    """(id, everything a child reads in it) for each message and question (of `band`)."""
    for m in bank(lang).messages:
        if band is None or band in m.ages:
            yield m.id, message_words(m)
    for q in bank(lang).questions:
        if band is None or band in q.ages:
            yield q.id, question_words(q)


def said(pattern: str, lang: str = "en", band: str | None = None) -> list[str]:
    """The ids of the items (of `band`) whose words match `pattern` (any case)."""
    found = re.compile(pattern, re.IGNORECASE)
    return [ident for ident, words in texts(lang, band) if found.search(words)]


def safe_answer(q: Question) -> str:
    return next(a.text for a in q.answers if a.safe)


# --- questions that make a child think ------------------------------------------------------

def test_at_least_95_percent_of_questions_have_three_answers() -> None:
    shipped = bank().questions
    three = [q for q in shipped if len(q.answers) == 3]
    assert len(shipped) >= 134  # none were dropped to get there
    assert len(three) >= 0.95 * len(shipped), \
        [q.id for q in shipped if len(q.answers) != 3]


def test_the_questions_the_review_named_have_three_answers_and_telling_in_the_right_one() -> None:
    q = questions()
    for ident in ("q-pic-pressure-middle", "q-live-requests-teen"):
        assert len(q[ident].answers) == 3, ident
        assert re.search(r"\btell|\breport", safe_answer(q[ident]), re.IGNORECASE), \
            (ident, safe_answer(q[ident]))
    far = q["q-str-far-young"]  # a fact with no action became one with an action
    assert len(far.answers) == 3
    assert re.search(r"\btell|\bgrown-up|\bask", safe_answer(far), re.IGNORECASE), \
        safe_answer(far)


# --- the advice that was missing ------------------------------------------------------------

# point: (topic, {message id: what it must say}, {question id: its message}); the band is the
# id's last word. What it must say: a pattern (any case) its title, text and do must match.
PLAN = {
    "Report Remove": ("pictures", {
        "pic-report-remove-middle": r"report remove", "pic-report-remove-teen": r"report remove"},
        {"q-pic-remove-middle": "pic-report-remove-middle",
         "q-pic-remove-teen": "pic-report-remove-teen"}),
    "keep the evidence": ("tell-someone", {
        "tell-evidence-young": r"don['\u2019]t delete",
        "tell-evidence-middle": r"screenshot.*\bnever\b|\bnever screenshot",
        "tell-evidence-teen": r"screenshot.*\bnever\b|\bnever screenshot"},
        {"q-tell-evidence-young": "tell-evidence-young",
         "q-tell-evidence-middle": "tell-evidence-middle",
         "q-tell-evidence-teen": "tell-evidence-teen"}),
    "signs of grooming": ("strangers-online", {
        "str-signs-young": r"secret", "str-signs-middle": r"gifts.*another app.*secret.*meet",
        "str-signs-teen": r"gifts.*another app.*secret.*meet"},
        {"q-str-bad-secret-young": "str-signs-young", "q-str-gifts-middle": "str-signs-middle",
         "q-str-move-app-middle": "str-signs-middle", "q-str-signs-teen": "str-signs-teen",
         "q-str-meet-teen": "str-signs-teen"}),
    "seeing something by accident": ("tell-someone", {
        "seen-upsetting-young": r"close it.*trouble", "seen-upsetting-middle": r"close it.*trouble",
        "seen-upsetting-teen": r"close it.*trouble"},
        {"q-seen-upsetting-young": "seen-upsetting-young",
         "q-seen-upsetting-middle": "seen-upsetting-middle",
         "q-seen-upsetting-teen": "seen-upsetting-teen"}),
    "threats for money": ("threats", {"thr-money-teen": r"don['\u2019]t pay.*evidence.*not your fault"},
                          {"q-thr-money-teen": "thr-money-teen",
                           "q-thr-pay-more-teen": "thr-money-teen"}),
    "age limits and privacy settings": ("settings-and-controls", {
        "set-age-limits-middle": r"13.*privacy settings",
        "set-age-limits-teen": r"13.*privacy settings"},
        {"q-set-age-middle": "set-age-limits-middle", "q-set-age-teen": "set-age-limits-teen",
         "q-set-private-teen": "set-age-limits-teen"}),
    "school and police liaison officers": ("tell-someone", {"tell-officer-middle": r"officer"},
                                           {"q-tell-officer-middle": "tell-officer-middle"}),
    "the road-safety comparison": ("settings-and-controls", {"fam-road-teen": r"road"},
                                   {"q-fam-road-teen": "fam-road-teen"}),
}


def band_of(ident: str) -> str:
    return BANDS[ident.rsplit("-", 1)[1]]


@pytest.mark.parametrize("point", PLAN)
def test_each_new_point_has_its_messages_in_its_bands_with_discussion(point: str) -> None:
    topic, wanted, _ = PLAN[point]
    shipped = messages()
    for ident, says in wanted.items():
        assert ident in shipped, f"{point}: no message '{ident}'"
        m = shipped[ident]
        assert (m.topic, m.ages) == (topic, (band_of(ident),)), ident
        assert m.discuss, f"{ident} has no discussion prompts"
        assert re.search(says, f"{m.title} {m.text} {m.do}", re.IGNORECASE | re.DOTALL), \
            f"{ident} does not say {says!r}: {m.text}"


@pytest.mark.parametrize("point", PLAN)
def test_each_new_point_has_its_questions_in_its_bands_pointing_at_its_messages(
        point: str) -> None:
    topic, _, wanted = PLAN[point]
    shipped = questions()
    for ident, message in wanted.items():
        assert ident in shipped, f"{point}: no question '{ident}'"
        q = shipped[ident]
        assert (q.topic, q.ages, q.message) == (topic, (band_of(ident),), message), ident
        assert len(q.answers) == 3, ident


@pytest.mark.parametrize("point", PLAN)
def test_each_new_point_is_in_the_welsh_draft(point: str) -> None:
    _, wanted_messages, wanted_questions = PLAN[point]
    welsh = bank("cy")
    assert [i for i in wanted_messages if welsh.language.in_english("messages", i)] == []
    assert [i for i in wanted_questions if welsh.language.in_english("questions", i)] == []


def test_the_report_remove_help_link_is_childline_s() -> None:
    link = {h.id: h for h in bank().help}["report-remove"]
    assert "childline" in link.url.lower() or "childline" in link.text.lower()
    assert "18" in link.text


# --- claims that went past the sources or the law --------------------------------------------

def test_no_7_to_9_item_says_a_child_can_go_live() -> None:
    assert said(r"\byou can go live\b|\bthen you can go live\b", band="7-9") == []
    assert said(r"\b[ge]lli di fynd yn fyw\b", "cy", band="7-9") == []
    for ident in ("live-young", "q-live-ask-young", "q-live-start-middle"):
        words = dict(texts())[ident]
        assert "13" in words, f"{ident} should say most apps are for 13 and over: {words}"


def test_the_law_is_about_nude_or_private_parts_pictures_not_any_photo_of_a_body() -> None:
    body = set(said(r"(?:photos?|pictures?) of (?:your|their|a child's|his|her) body"))
    law = set(said(r"against the law|\bcrime\b|\billegal\b|\blaws?\b"))
    assert body & law == set()  # the offence is about nude or private-parts pictures
    for ident in ("law-asking-young", "pic-body-young", "q-law-photos-young"):
        words = dict(texts())[ident]
        assert re.search(r"private parts|no clothes|nude", words, re.IGNORECASE), words
    assert "o'i gorff" not in dict(texts("cy"))["law-asking-young"]


def test_the_trend_is_sending_not_being_asked() -> None:
    text = messages()["pic-trend-teen"].text
    assert re.search(r"\bsending\b", text, re.IGNORECASE), text
    assert not re.search(r"\basked to send\b", text, re.IGNORECASE), text


def test_the_commissioner_is_quoted_as_he_spoke() -> None:
    assert said(r"one of the best") == []
    assert said(r"\bun o['\u2019]r (?:gwefannau )?gorau\b|\bun o['\u2019]r goreuon\b", "cy") == []
    text = messages()["set-ncsc-middle"].text
    assert "most useful" in text and "commissioner" in text, text  # his words, not 'police say'


def test_ceop_is_offered_for_sexual_abuse_and_grooming_not_anything_unsafe() -> None:
    for lang, unsafe in (("en", r"\bunsafe\b"), ("cy", r"\banniogel\b")):
        ceop = {h.id: h for h in bank(lang).help}["ceop"]
        assert not re.search(unsafe, ceop.text, re.IGNORECASE), ceop.text
        for q in bank(lang).questions:
            if "ceop" in safe_answer(q).lower():
                assert not re.search(unsafe, q.text, re.IGNORECASE), (lang, q.id, q.text)
    assert re.search(r"nude|sex|meet", {h.id: h for h in bank().help}["ceop"].text)


def test_no_overclaims_about_controls_catching_offenders_or_the_government() -> None:
    assert said(r"\bcontrols? stops?\b") == []
    assert said(r"\b(?:offenders|they|people) (?:always )?get caught\b") == []
    assert said(r"\bthe government wants\b") == []
    assert "Online Safety Act 2023" in messages()["gs-report-teen"].text


def test_no_school_officer_as_a_right_answer() -> None:
    for lang, officer in (("en", r"school officer"), ("cy", r"swyddog ysgol")):
        assert [q.id for q in bank(lang).questions
                if re.search(officer, safe_answer(q), re.IGNORECASE)] == []


def test_no_acronym_a_7_year_old_cannot_know_in_a_7_to_9_question() -> None:
    for lang in ("en", "cy"):
        assert [q.id for q in bank(lang).questions if "7-9" in q.ages and
                re.search(r"\bNCSC\b", question_words(q), re.IGNORECASE)] == []


# --- sources ------------------------------------------------------------------------------------

def _written(kind: str) -> list[dict]:
    """The items of content/<kind>.yaml as written (an item the loader refused is still here)."""
    with open(content_dir() / f"{kind}.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)[kind]


def test_every_message_and_question_cites_a_source_listed_in_sources_yaml() -> None:
    listed = {s["id"] for s in _written("sources")}
    assert listed == {s.id for s in bank().sources}
    for kind in ("messages", "questions"):
        written = _written(kind)
        assert [item["id"] for item in written if item.get("source") not in listed] == []
        assert len(written) == len(getattr(bank(), kind))  # none left out by the loader


# --- the Welsh draft ------------------------------------------------------------------------------

def _welsh_files() -> str:
    """The Welsh draft's words: its files whole, but of the game's words (ui.yaml) the Welsh
    alone, since each line there starts with the English it translates."""
    folder = content_dir() / "cy"
    catalogue = yaml.safe_load((folder / "ui.yaml").read_text(encoding="utf-8"))["ui"]
    return "\n".join([path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.yaml"))
                      if path.name != "ui.yaml"] + list(catalogue.values()))


def test_welsh_says_rhoi_gwybod_for_report_and_names_ceop_s_centre_in_welsh() -> None:
    written = _welsh_files()
    assert "riportio" not in written.lower()
    assert "ceop safety centre" not in written.lower()
    assert {h.id: h for h in bank("cy").help}["ceop"].title == "Canolfan Ddiogelwch CEOP"


def test_welsh_views_are_not_viewers() -> None:
    """Where the English says 'views' (not 'viewers'), the Welsh does not say 'gwylwyr'."""
    english, welsh = questions(), questions("cy")
    checked = 0
    for ident, q in english.items():
        pairs = [(q.text, welsh[ident].text)] + [
            (a.text, b.text) for a, b in zip(q.answers, welsh[ident].answers)] + [
            (a.explain, b.explain) for a, b in zip(q.answers, welsh[ident].answers)]
        for en, cy in pairs:
            if re.search(r"\bviews\b", en, re.IGNORECASE):
                checked += 1
                assert "gwylwyr" not in cy.lower(), (ident, en, cy)
    assert checked  # q-live-requests-teen's "Views aren't worth it"


def test_no_bare_na_answer_in_welsh() -> None:
    bare = [(q.id, a.text) for q in bank("cy").questions for a in q.answers
            if a.text.strip(" .!").lower() == "na"]
    assert bare == []
    q = questions("cy")
    for ident in ("q-pic-getback-young", "q-police-trouble"):
        assert not bank("cy").language.in_english("questions", ident)
        assert any(a.text.startswith(("Na allaf", "Na fydd")) for a in q[ident].answers), \
            [a.text for a in q[ident].answers]


def test_welsh_draft_fixes_of_titles_and_borrowed_words_hold() -> None:
    cy = messages("cy")
    assert not bank("cy").language.in_english("messages", "pictures-middle")
    assert "anfon" in cy["pictures-middle"].title.lower()  # the title says 'sent'
    assert "trystio" not in question_words(questions("cy")["q-pic-prove-teen"]).lower()
    assert bank("cy").language.reviewed is False  # until a fluent speaker signs it off


def test_sources_md_maps_every_item_and_names_none_that_is_gone() -> None:
    """SOURCES.md (shipped beside the bank) names every message, question and chat in its
    tables, and every id it names in backticks that looks like an item's is in the bank, so an
    item added, renamed or removed without its line in the table fails here."""
    shipped = bank()
    table = (content_dir() / "SOURCES.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z0-9]+(?:-[a-z0-9]+)+)`", table))
    items = {m.id for m in shipped.messages} | {q.id for q in shipped.questions}
    others = {h.id for h in shipped.help} | {lesson.id for lesson in shipped.lessons} | \
        {t.id for t in shipped.topics} | {c.id for c in shipped.chats}
    assert items - named == set(), "items SOURCES.md does not map to a seed"
    assert {c.id for c in shipped.chats} - named == set(), "chats SOURCES.md does not trace"
    assert {n for n in named if n.startswith(("q-", "m-")) or n in items} <= items
    stale = {n for n in named - items - others if not n.endswith((".txt", ".yaml", ".md"))
             and not n.startswith(("safety-dash", "take-home"))}
    assert stale == set(), "ids in SOURCES.md that are in no file of the bank"
