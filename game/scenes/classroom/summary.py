"""The class summary after the final scores: the topics the class found hardest (those under
HARD right; none, a word of praise), the messages covered and where the report went, then each
question's share of right answers, as many to a page as the words' size allows.

The report (CSV and a printable page) is written as the screen opens, in the language of the
lesson, and the screen names its folder in plain words ("Documents > Safety Dash reports"), with
an Open folder button where the computer has a way to show it; if it cannot be written, the
screen says why in plain words and the summary stays on screen.
"""
from __future__ import annotations

import datetime
import logging

import pygame

from game.actions import Act, Action
from game.i18n import t
from game.reports.folder import Opener, folder_opener
from game.rules.tuning import WIDTH
from game.scenes.classroom.base import (
    BarButton, ClassroomScene, blit_at, class_button, fit, label_width,
)
from game.scenes.classroom.words import missed_signs, signs_overall
from game.scenes.common import scout_portrait
from game.ui import text, theme
from game.ui.fonts import font
from game.ui.layout.base import Fitted
from game.ui.widgets import Button, focus_ring

SIDE = 40  # the panels' and rows' distance from the screen's sides
HARD = 0.7  # a topic is among the hardest when under this share of its answers were right
DOG = 260  # Scout on an overview whose lists are on the pages after, at projector size
LEAST_DOG = 120  # no room for Scout this size: no Scout
COLUMN_GAP = 40
log = logging.getLogger("safety_dash.reports")


def percent(share: float | None) -> str:
    """A share of right answers in words."""
    return t("Skipped") if share is None else t("{percent}% right", percent=round(share * 100))


def overall(right: int, answered: int, rounds: int) -> str:
    """The line under the heading: the class's safe answers and the rounds played."""
    if not answered:
        return t("No questions were answered in 1 round") if rounds == 1 else \
            t("No questions were answered in {n} rounds", n=rounds)
    return t("Safe answers: {right} of {answered} in 1 round", right=right,
             answered=answered) if rounds == 1 else \
        t("Safe answers: {right} of {answered} in {n} rounds", right=right, answered=answered,
          n=rounds)


class SummaryScene(ClassroomScene):
    def __init__(self, app, run, when: datetime.datetime | None = None,
                 opener: Opener | None = None) -> None:
        """`opener`: how to show the report's folder (None: this computer's way, if any)."""
        self.summary = run.lesson.summary()
        self.page = 0
        # each page: "overview"; "topics" and "messages" when the overview has no room for
        # them; "questions", with the questions it shows
        self.pages: list[tuple[str, list[int]]] = [("overview", [])]
        self.run = run
        self.report_line = self._write(app, when or datetime.datetime.now())
        self.opener = (opener or folder_opener()) if run.report is not None else None
        self.folder: Button | None = None  # Open folder, beside the report's line
        self.lit = 0  # the button Enter and the switch press (build chooses it)
        super().__init__(app, run)

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("N shows the next page. Tab moves, Enter presses. F1: the teacher's keys.")

    @property
    def can_end(self) -> bool:
        return False

    def actions(self) -> list[list[BarButton]]:
        finish = [BarButton(t("Finish"), self.finish, theme.RIGHT)]
        return [[BarButton(t("More"), self.next, key="N")], finish] if len(self.pages) > 1 \
            else [finish]

    def build(self) -> None:
        super().build()
        pages = self._lay_pages()
        if (len(pages) > 1) != (len(self.pages) > 1):  # the bar gains More
            self.pages = pages
            super().build()
            pages = self._lay_pages()
        self.pages = pages
        self.page = min(self.page, len(self.pages) - 1)
        self.folder = None
        if self.opener is not None:
            rect = pygame.Rect(0, 0, self._folder_width(), self.sizes.row)
            rect.bottomright = (WIDTH - SIDE, self.content_bottom)
            self.folder = class_button(t("Open folder"), rect, self.open_folder,
                                       sizes=self.sizes)
        # Enter finishes; with pages, the switch starts on More, so that a press reads on
        more = self.app.session.settings.one_switch and len(self.pages) > 1
        self.lit = 0 if more else len(self.choices()) - 1

    def _folder_width(self) -> int:
        return label_width(t("Open folder"), self.sizes.body[0]) if self.opener else 0

    def choices(self) -> list[Button]:
        """The buttons Tab (and the switch) steps through: More, Open folder (on the page with
        the report's line), Finish."""
        bar = [place[0] for place in self.places]
        folder = [self.folder] if self.folder is not None and self.page == 0 else []
        return bar[:-1] + folder + bar[-1:]

    def _write(self, app, when: datetime.datetime) -> str:
        from game.reports.classroom import ReportError, write_report
        from game.reports.take_home import place_words
        try:
            files = write_report(self.summary, app.session.bank, self.run.report_dir, when)
        except ReportError as exc:
            self.run.report = None
            return str(exc)
        self.run.report = files
        log.info("Lesson report saved as %s and %s", files.html, files.csv)
        return t("Report saved in {place}.", place=place_words(files.html.parent))

    def next(self) -> None:
        self.turn(1)

    def turn(self, step: int) -> None:
        self.page = (self.page + step) % len(self.pages)
        self.lit = min(self.lit, len(self.choices()) - 1)

    def open_folder(self) -> None:
        """Show the report's folder (the file manager opens over the game)."""
        assert self.opener is not None and self.run.report is not None
        if not self.opener(self.run.report.html):
            self.app.toast(t("The folder could not be opened on this computer."))

    def finish(self) -> None:
        self.app.back_to_root()

    def scan_step(self) -> None:
        """One-switch play: the highlight steps through the buttons (with Finish alone, the
        switch finishes)."""
        if self._modal is None:
            self.step_focus(1)
        else:
            super().scan_step()

    def step_focus(self, step: int) -> None:
        self.lit = (self.lit + step) % len(self.choices())

    def draw_screen(self, surface: pygame.Surface) -> None:
        super().draw_screen(surface)
        if self.folder is not None and self.page == 0:
            self.folder.draw(surface, self.folder.rect.collidepoint(self.hover))
        choices = self.choices()
        if self._modal is None and len(choices) > 1:
            focus_ring(surface, choices[self.lit].rect)

    def handle_screen(self, action: Action) -> None:
        kind = action.kind
        if kind in (Act.CONFIRM, Act.HOP):
            self.choices()[self.lit].on_press()
        elif kind in (Act.FOCUS_NEXT, Act.FOCUS_PREV):
            self.step_focus(1 if kind is Act.FOCUS_NEXT else -1)
        elif kind is Act.POINT and self.folder is not None and self.page == 0 and \
                self.folder.rect.collidepoint(action.pos):
            self.app.play("click")
            self.open_folder()
        elif kind in (Act.RIGHT, Act.DOWN):
            self.turn(1)
        elif kind in (Act.LEFT, Act.UP):
            self.turn(-1)
        elif kind is Act.BACK:
            self.finish()

    def screen_key(self) -> int:
        return self.page

    # --- layout ----------------------------------------------------------------------------
    @property
    def top(self) -> int:
        """Where a page's content starts, under its heading."""
        return 12 + text.line_height(self.sizes.title[0], True) + 12

    def _heading(self) -> Fitted:
        kind = self.pages[self.page][0]
        questions = [p for p in self.pages if p[0] == "questions"]
        words = t("Questions ({n} of {total})", n=questions.index(self.pages[self.page]) + 1,
                  total=len(questions)) if kind == "questions" else t("Class summary")
        return fit(words, WIDTH - 2 * SIDE, self.sizes.title, 1, True)

    def _overview(self) -> tuple[Fitted, Fitted, int, int]:
        """The overview's line under the heading, the report's line at the foot, and the top
        and bottom of the room left for the panels."""
        sizes, s = self.sizes, self.summary
        answered = [a for a in s.answered if a.outcome != "skipped"]
        right = sum(a.outcome == "right" for a in answered)
        words = overall(right, len(answered), s.rounds_played)
        if s.chats:  # Chat Check rounds: the warning signs the class spotted too
            words = signs_overall(s.chats, words if answered else "")
        line = fit(words, WIDTH - 2 * SIDE,
                   sizes.fall(40, 36, theme.CLASS_BODY), 2, True)
        folder = self._folder_width()
        report = fit(self.report_line, WIDTH - 2 * SIDE - (folder + 20 if folder else 0),
                     sizes.body, 4)
        foot = max(report.height, sizes.row if folder else 0)
        return line, report, self.top + line.height + 12, self.content_bottom - foot - 12

    def _lists(self) -> tuple[tuple[str, list[tuple[str, str]], str], ...]:
        """The hardest topics (each with its share of right answers) and the messages shown,
        each list with its heading and the words for an empty list."""
        s, bank = self.summary, self.app.session.bank
        topics = []
        for topic in s.hardest:
            if topic.share_right >= HARD:
                continue
            found = bank.topic_by_id.get(topic.topic)
            topics.append((found.title if found else topic.topic, percent(topic.share_right)))
        none_hard = t("No answers were given.") if not s.hardest else \
            t("Every topic came out at {percent}% right or more. Well done, everyone!",
              percent=round(HARD * 100))
        first = (t("Hardest topics"), topics, none_hard)
        if s.chats and not s.hardest:  # only Chat Check: the signs to talk about again
            first = (t("Signs the class missed"), missed_signs(s.chats),
                     t("The class spotted every warning sign. Well done, everyone!"))
        messages = []
        for message_id in dict.fromkeys(s.messages):
            found = bank.message_by_id.get(message_id)
            messages.append((found.title if found else message_id, ""))
        return (first, (t("Messages covered"), messages, t("No safety messages were shown.")))

    def _on_overview(self) -> int:
        """How many of the two lists the overview has room for (each with its first item):
        both side by side, the hardest topics across the page, or none."""
        _, _, top, bottom = self._overview()
        lists = self._lists()
        half = (WIDTH - 2 * SIDE - COLUMN_GAP) // 2
        if all(self._panel_need(half, title, items, empty) <= bottom - top
               for title, items, empty in lists):
            return 2
        return 1 if self._panel_need(WIDTH - 2 * SIDE, *lists[0]) <= bottom - top else 0

    def _question_row(self, words: str) -> tuple[Fitted, int]:
        """A question's words, fitted left of its share, and the row's height."""
        sizes = self.sizes
        share_w = max(font(sizes.px(36), True).size(percent(share))[0] for share in (1.0, None))
        fitted = fit(words, WIDTH - 2 * SIDE - 52 - share_w, sizes.body, 3)
        return fitted, max(fitted.height, text.line_height(sizes.px(36), True)) + 8

    def _lay_pages(self) -> list[tuple[str, list[int]]]:
        """The overview (and the messages, when they need a page of their own), then the
        questions, as many to a page as fit."""
        pages: list[tuple[str, list[int]]] = [("overview", [])]
        shown = self._on_overview()
        pages += [(kind, []) for kind in ("topics", "messages")[shown:]]
        room = self.content_bottom - self.top
        used = room  # the first question starts a page
        for i, q in enumerate(self.summary.questions):
            height = self._question_row(q.text)[1] + 6
            if used + height > room:
                pages.append(("questions", []))
                used = 0
            pages[-1][1].append(i)
            used += height
        return pages

    # --- drawing -------------------------------------------------------------------------------
    def compose(self, surface: pygame.Surface) -> None:
        blit_at(surface, self._heading(), theme.CLASS_ACCENT, center=(WIDTH // 2, self.top // 2))
        kind, questions = self.pages[self.page]
        topics, messages = self._lists()
        full = pygame.Rect(SIDE, self.top, WIDTH - 2 * SIDE, self.content_bottom - self.top)
        if kind == "overview":
            line, report, top, bottom = self._overview()
            blit_at(surface, line, theme.CLASS_TEXT, midtop=(WIDTH // 2, self.top))
            foot = self.content_bottom - bottom - 12  # the report's line, beside Open folder
            surface.blit(report.surface(theme.CLASS_MUTED),
                         (SIDE, bottom + 12 + (foot - report.height) // 2))
            shown = self._on_overview()
            if shown == 2:
                width = (WIDTH - 2 * SIDE - COLUMN_GAP) // 2
                self._panel(surface, pygame.Rect(SIDE, top, width, bottom - top), *topics)
                self._panel(surface, pygame.Rect(SIDE + width + COLUMN_GAP, top, width,
                                                 bottom - top), *messages)
            elif shown == 1:
                self._panel(surface, pygame.Rect(SIDE, top, full.w, bottom - top), *topics)
            elif bottom - top >= LEAST_DOG:  # the lists are on the pages after: Scout here
                size = min(bottom - top, round(DOG * self.sizes.grow)) // 10 * 10
                surface.blit(scout_portrait(size), ((WIDTH - size) // 2, top))
        elif kind in ("topics", "messages"):
            self._panel(surface, full, *(topics if kind == "topics" else messages))
        else:
            self._draw_questions(surface, questions)

    def _panel_parts(self, width: int, title: str,
                     items: list[tuple[str, str]]) -> tuple[Fitted, list[tuple[Fitted, str]]]:
        sizes = self.sizes
        inner = width - 40
        head = fit(title, inner, sizes.fall(38, 34, theme.CLASS_BODY), 2, True)
        rows = []
        for words, share in items:
            share_w = font(sizes.body[0], True).size(share)[0] + 20 if share else 0
            rows.append((fit(words, inner - share_w, sizes.body, 3, note=False), share))
        return head, rows

    def _more(self, width: int, count: int) -> Fitted:
        """The last line of a list whose last `count` items did not fit."""
        return fit(t("and {n} more in the report", n=count), width - 40, self.sizes.body, 2)

    def _panel_need(self, width: int, title: str, items: list[tuple[str, str]],
                    empty: str) -> int:
        """The height a panel needs for its heading, its first item and a line saying how many
        more there are."""
        head, rows = self._panel_parts(width, title, items)
        more = self._more(width, len(rows) - 1).height if len(rows) > 1 else 0
        first = rows[0][0].height + 6 if rows else \
            fit(empty, width - 40, self.sizes.body, 4, note=False).height
        return 12 + head.height + 8 + first + more + 12

    def _panel(self, surface: pygame.Surface, box: pygame.Rect, title: str,
               items: list[tuple[str, str]], empty: str) -> None:
        """A list on a panel: each item's words and, right of them, its share; the items that
        do not fit are counted in a last line."""
        sizes = self.sizes
        inner = box.w - 40
        head, rows = self._panel_parts(box.w, title, items)
        y = box.y + 12 + head.height + 8
        room = box.bottom - 12 - y
        shown = 0
        for i, (fitted, _) in enumerate(rows):
            rest = len(rows) - i - 1
            if fitted.height + 6 + (self._more(box.w, rest).height if rest else 0) > room:
                break
            room -= fitted.height + 6
            shown += 1
        pygame.draw.rect(surface, theme.CLASS_PANEL, box, border_radius=theme.RADIUS)
        blit_at(surface, head, theme.CLASS_ACCENT, topleft=(box.x + 20, box.y + 12))
        for fitted, share in rows[:shown]:
            if not fitted.fits:
                text.truncated.add(" ".join(fitted.lines))
            surface.blit(fitted.surface(theme.CLASS_TEXT), (box.x + 20, y))
            if share:
                label = text.render(share, fitted.size, theme.CLASS_ACCENT, True)
                surface.blit(label, label.get_rect(topright=(box.right - 20, y)))
            y += fitted.height + 6
        last = fit(empty, inner, sizes.body, 4) if not rows else \
            self._more(box.w, len(rows) - shown) if shown < len(rows) else None
        if last is not None:
            if last.height > room:  # no room even to say so: noted, so a test sees it
                text.truncated.add(" ".join(last.lines))
            blit_at(surface, last, theme.CLASS_MUTED if rows else theme.CLASS_TEXT,
                    topleft=(box.x + 20, y))

    def _draw_questions(self, surface: pygame.Surface, questions: list[int]) -> None:
        sizes = self.sizes
        y = self.top
        for i in questions:
            q = self.summary.questions[i]
            words, height = self._question_row(q.text)
            row = pygame.Rect(SIDE, y, WIDTH - 2 * SIDE, height)
            pygame.draw.rect(surface, theme.CLASS_PANEL, row, border_radius=12)
            surface.blit(words.surface(theme.CLASS_TEXT), (row.x + 16, y + 4))
            share = text.render(percent(q.share_right), sizes.px(36), theme.CLASS_ACCENT, True)
            surface.blit(share, share.get_rect(midright=(row.right - 20, row.centery)))
            y += height + 6
