"""The teacher's lesson pack: complete, filtered by age, escaped, well-formed, written safely."""
from __future__ import annotations

import datetime
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape as _escape

from game.commands.lesson import default_name, lesson
from game.content import load_bank
from game.content.model import (
    AGE_BANDS, Answer, Bank, HelpLink, Message, Question, Source, Topic,
)
from game.reports.lesson import lesson_html

ROOT = Path(__file__).resolve().parent.parent
EVIL = "<script>alert(1)</script> & co"
DAY = datetime.date(2025, 3, 14)


def escape(text: str) -> str:
    """Text as Jinja2's autoescape writes it."""
    return str(_escape(text))


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


@pytest.fixture(scope="module")
def pack(bank) -> str:
    return lesson_html(bank, None, today=DAY)


def evil_bank() -> Bank:
    """A bank whose every shown text carries markup and an ampersand."""
    message = Message("m1", "t1", ("7-9",), f"Title {EVIL}", f"Text {EVIL}", f"Do {EVIL}",
                      "h1", "s1.txt", (f"Prompt {EVIL}",))
    question = Question("q1", "t1", ("10-12",), f"Question {EVIL}",
                        (Answer(f"Safe {EVIL}", True), Answer(f"Wrong {EVIL}", False,
                                                              f"Why {EVIL}")),
                        "s1.txt", "m1")
    return Bank(topics=(Topic("t1", f"Topic {EVIL}", "#123456"),), messages=(message,),
                questions=(question,),
                help=(HelpLink("h1", f"Help {EVIL}", f"Help text {EVIL}",
                               "https://x.example/?a=1&b=2", "0800 1111"),),
                sources=(Source("s1.txt", f"Publisher {EVIL}", f"Article {EVIL}"),))


class Balance(HTMLParser):
    """Checks that every opened element is closed in order (void elements excepted)."""

    VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.ids += [v for k, v in attrs if k == "id"]
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> at {self.getpos()} closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def check_well_formed(html: str) -> Balance:
    parser = Balance()
    parser.feed(html)
    parser.close()
    assert parser.errors == []
    assert parser.stack == []
    assert len(parser.ids) == len(set(parser.ids)), "duplicate id attributes"
    return parser


def test_the_all_ages_pack_holds_every_message_question_and_prompt(bank, pack):
    assert bank.messages and bank.questions
    for m in bank.messages:
        assert f'id="message-{m.id}"' in pack
        for text in (m.title, m.text, m.do, *m.discuss):
            assert escape(text) in pack, text
    for q in bank.questions:
        assert f'id="question-{q.id}"' in pack
        assert escape(q.text) in pack
        for a in q.answers:
            assert escape(a.text) in pack
            assert escape(a.explain) in pack
    for topic in bank.topics:
        assert f'href="#topic-{topic.id}"' in pack  # in the contents list


def test_the_pack_names_its_sources_help_and_title_block(bank, pack):
    for source_id in {i.source for i in (*bank.messages, *bank.questions)}:
        source = bank.source_by_id[source_id]
        assert source_id in pack
        assert escape(source.publisher) in pack and escape(source.title) in pack
    for link in bank.help:
        assert escape(link.title) in pack
        if link.phone:
            assert link.phone in pack
        if link.url:
            assert f'href="{link.url}"' in pack
    assert "All ages" in pack and "14 March 2025" in pack and "Safety Dash" in pack
    assert "Never blame the child" in pack
    assert "Telling an adult never gets you in trouble" in pack


def test_every_item_shows_its_bands_in_the_all_ages_pack(bank, pack):
    first = bank.messages[0]
    bands = ", ".join(b.replace("-", "\u2013") for b in AGE_BANDS if b in first.ages)
    card = pack.split(f'id="message-{first.id}"')[1].split("</article>")[0]
    assert f"Ages {bands}" in card


@pytest.mark.parametrize("band", AGE_BANDS)
def test_an_age_band_keeps_only_its_items(bank, band):
    html = lesson_html(bank, band, today=DAY)
    for m in bank.messages:
        assert (f'id="message-{m.id}"' in html) == (band in m.ages), m.id
    for q in bank.questions:
        assert (f'id="question-{q.id}"' in html) == (band in q.ages), q.id
    assert "All ages" not in html
    assert f"Ages {band.replace('-', chr(0x2013))}" in html
    check_well_formed(html)


def test_the_safe_answer_is_marked_with_a_tick_and_words(bank, pack):
    parser = check_well_formed(pack)
    assert "script" not in parser.tags
    for q in bank.questions:
        card = pack.split(f'id="question-{q.id}"')[1].split("</article>")[0]
        safe = [line for line in card.splitlines() if 'class="safe"' in line]
        assert len(safe) == 1
        assert "&#10003;" in safe[0] or "\u2713" in safe[0]
        assert "safe answer" in safe[0] and escape(q.answers[q.safe_index].text) in safe[0]
        assert card.count("safe answer") == 1


def test_bank_text_is_escaped_never_raw():
    html = lesson_html(evil_bank(), None, today=DAY)
    assert "<script>" not in html and "alert(1)</script>" not in html
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
    for label in ("Title", "Text", "Do", "Prompt", "Question", "Safe", "Wrong", "Why", "Help",
                  "Help text", "Topic", "Publisher", "Article"):
        assert f"{label} {escaped}" in html, label
    assert 'href="https://x.example/?a=1&amp;b=2"' in html
    check_well_formed(html)


def test_the_pack_needs_nothing_from_the_network(pack):
    lowered = pack.lower()
    for loader in ("<script", "<link", "<img", "<iframe", "@import", "url(", "src="):
        assert loader not in lowered, loader


def test_only_https_links_become_links_and_odd_colours_are_ignored():
    base = evil_bank()
    bank = Bank(topics=(Topic("t1", "Topic", "red;background:url(https://x.example/a)"),),
                messages=base.messages, questions=base.questions, sources=base.sources,
                help=(HelpLink("h1", "Help", "text", "javascript:alert(1)"),))
    html = lesson_html(bank, None, today=DAY)
    assert 'href="javascript' not in html and "url(" not in html


def test_an_empty_band_says_so_and_still_parses():
    html = lesson_html(Bank(topics=(Topic("t1", "T", "#123456"),)), "7-9", today=DAY)
    assert "There are no messages or questions" in html
    check_well_formed(html)


def test_an_unknown_band_is_refused(bank):
    with pytest.raises(ValueError):
        lesson_html(bank, "3-5")


def test_the_command_writes_the_default_file_and_prints_its_path(bank, tmp_path, monkeypatch,
                                                                   capsys):
    monkeypatch.chdir(tmp_path)
    assert lesson(bank, None, "10-12") == 0
    assert default_name("10-12") == "safety-dash-lesson-10-12.html"
    assert [p.name for p in tmp_path.iterdir()] == ["safety-dash-lesson-10-12.html"]
    assert capsys.readouterr().out.strip() == "safety-dash-lesson-10-12.html"
    check_well_formed((tmp_path / "safety-dash-lesson-10-12.html").read_text(encoding="utf-8"))


def test_the_command_writes_a_named_file_or_into_a_folder(bank, tmp_path, capsys):
    target = tmp_path / "pack.html"
    assert lesson(bank, str(target), None) == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert lesson(bank, str(tmp_path), None) == 0
    assert (tmp_path / "safety-dash-lesson-all-ages.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "pack.html", "safety-dash-lesson-all-ages.html"]


@pytest.mark.parametrize("where", ["missing/pack.html", "a-file/pack.html"])
def test_an_unwritable_path_fails_in_one_plain_sentence(bank, tmp_path, capsys, where):
    (tmp_path / "a-file").write_text("")
    target = tmp_path / where
    assert lesson(bank, str(target), None) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith("Could not write the lesson pack to ")
    assert str(target) in out.err and out.err.count("\n") == 1
    assert "Traceback" not in out.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_dash_writes_to_standard_output_as_utf8(tmp_path):
    out = subprocess.run([sys.executable, "-m", "game", "lesson", "--age", "7-9", "-o", "-"],
                         cwd=tmp_path, capture_output=True, timeout=120,
                         env={"PATH": "", "PYTHONIOENCODING": "ascii",
                              "TMPDIR": os.environ["TMPDIR"]})  # the installed game
    assert out.returncode == 0, out.stderr
    html = out.stdout.decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "\u2013" in html
    assert list(tmp_path.iterdir()) == []


def test_the_reports_never_import_pygame():
    code = ("import sys, game.reports.lesson, game.reports.render, game.commands.lesson; "
            "print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=60, check=True)
    assert out.stdout.strip() == "False"


def welsh_words() -> dict[str, str]:
    from game.content.ui_catalogue import load_catalogue
    return load_catalogue("cy").words


def test_the_pack_in_welsh_has_the_welsh_words_and_bank(tmp_path):
    path = tmp_path / "pecyn.html"
    out = subprocess.run([sys.executable, "-m", "game", "lesson", "--lang", "cy", "--age",
                          "10-12", "-o", str(path)], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    html = path.read_text(encoding="utf-8")
    check_well_formed(html)
    assert '<html lang="cy">' in html
    words = welsh_words()
    for english in ("Lesson pack for teachers", "A note for the teacher", "Where to get help",
                    "Questions in the game", "Sources for this topic", "Contents"):
        assert escape(words[english]) in html and f">{english}<" not in html, english
    welsh_bank = load_bank(lang="cy")
    message = welsh_bank.messages_for("10-12")[0]
    assert escape(message.title) in html and escape(message.do) in html
    assert words["Ages {bands}"].format(bands="10\u201312") in html


def test_bank_text_is_escaped_in_welsh_too():
    from game import i18n
    i18n.use("cy", welsh_words())
    try:
        html = lesson_html(evil_bank(), None, today=DAY)
    finally:
        i18n.use(i18n.ENGLISH, {})
    assert "<script>" not in html and '<html lang="cy">' in html
    assert f"Title {escape(EVIL)}" in html and escape(welsh_words()["Why not:"]) in html
    check_well_formed(html)


def test_the_commands_sentences_are_in_the_language_in_use(capsys, tmp_path):
    from game import i18n
    sentences = ("There is no age band '{age}'; choose one of {bands}.",
                 "Could not write the lesson pack to {path}: {reason}.",
                 "that folder does not exist")
    i18n.use("cy", {english: "[cy] " + english for english in sentences})
    try:
        assert lesson(Bank(), None, "3-5") == 1
        assert lesson(Bank(), str(tmp_path / "no" / "pack.html"), None) == 1
    finally:
        i18n.use(i18n.ENGLISH, {})
    said = capsys.readouterr().err.splitlines()
    assert said == ["[cy] There is no age band '3-5'; choose one of 7-9, 10-12, 13-15.",
                    f"[cy] Could not write the lesson pack to {tmp_path / 'no' / 'pack.html'}: "
                    "[cy] that folder does not exist."]
