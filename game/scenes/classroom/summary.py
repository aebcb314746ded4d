"""The class summary after the final scores: the topics the class found hardest, the messages
covered, each question's share of right answers (a page at a time), and where the report went.

The report (CSV and a printable page) is written as the screen opens; if it cannot be written,
the screen says why in plain words and the summary stays on screen.
"""
from __future__ import annotations

import datetime

import pygame

from game.actions import Act, Action
from game.rules.tuning import WIDTH
from game.scenes.classroom.base import ClassroomScene, class_button, paragraph, words
from game.ui import theme

QUESTIONS_PER_PAGE = 3
MORE = pygame.Rect(24, 648, 250, 64)
DONE = pygame.Rect(290, 648, 250, 64)


def percent(share: float | None) -> str:
    return "skipped" if share is None else f"{round(share * 100)}%"


class SummaryScene(ClassroomScene):
    keys_hint = "N shows the next page. Enter finishes. F1 shows the teacher's keys."

    def __init__(self, app, run, when: datetime.datetime | None = None) -> None:
        super().__init__(app, run)
        self.summary = run.lesson.summary()
        self.page = 0
        self.pages = 1 + -(-len(self.summary.questions) // QUESTIONS_PER_PAGE)
        self.more = class_button("More (N)", MORE, self.next)
        self.done = class_button("Finish", DONE, self.finish, theme.RIGHT)
        self.report_line = self._write(when or datetime.datetime.now())

    def tools(self):
        return [(label, press) for label, press in super().tools() if label != "End (E)"]

    def _write(self, when: datetime.datetime) -> str:
        from game.reports.classroom import ReportError, write_report
        try:
            files = write_report(self.summary, self.app.session.bank, self.run.report_dir, when)
        except ReportError as exc:
            self.run.report = None
            return str(exc)
        self.run.report = files
        return f"Report saved in {files.html.parent} as {files.html.name} and .csv"

    def next(self) -> None:
        self.page = (self.page + 1) % self.pages

    def finish(self) -> None:
        self.app.back_to_root()

    def handle_screen(self, action: Action) -> None:
        kind = action.kind
        if kind in (Act.CONFIRM, Act.HOP):
            self.finish()
        elif kind in (Act.RIGHT, Act.DOWN):
            self.next()
        elif kind in (Act.LEFT, Act.UP):
            self.page = (self.page - 1) % self.pages
        elif kind is Act.POINT:
            if MORE.collidepoint(action.pos):
                self.next()
            elif DONE.collidepoint(action.pos):
                self.finish()
        elif kind is Act.BACK:
            self.finish()

    def screen_key(self) -> int:
        return self.page

    def compose(self, surface: pygame.Surface) -> None:
        head = words("Class summary" if self.page == 0 else
                     f"Questions ({self.page} of {self.pages - 1})", theme.CLASS_TITLE,
                     theme.CLASS_ACCENT, True)
        surface.blit(head, head.get_rect(midtop=(WIDTH // 2, 12)))
        if self.page == 0:
            self._draw_overview(surface)
        else:
            self._draw_questions(surface)
        report = paragraph(self.report_line, WIDTH - 80, 150, theme.CLASS_MUTED, (32, 30))
        surface.blit(report, (40, 496))

    def draw_screen(self, surface: pygame.Surface) -> None:
        if self.pages > 1:
            self.more.draw(surface, MORE.collidepoint(self.hover))
        self.done.draw(surface, DONE.collidepoint(self.hover))

    def _draw_overview(self, surface: pygame.Surface) -> None:
        s, bank = self.summary, self.app.session.bank
        answered = [a for a in s.answered if a.outcome != "skipped"]
        right = sum(a.outcome == "right" for a in answered)
        overall = f"Safe answers: {right} of {len(answered)}" if answered else \
            "No questions were answered."
        rounds = f"{s.rounds_played} round" + ("" if s.rounds_played == 1 else "s")
        line = words(f"{overall} in {rounds}", 40, theme.CLASS_TEXT, True)
        surface.blit(line, line.get_rect(midtop=(WIDTH // 2, 80)))
        left, right_col = pygame.Rect(40, 140, 580, 346), pygame.Rect(660, 140, 580, 346)
        for box, title in ((left, "Hardest topics"), (right_col, "Messages covered")):
            pygame.draw.rect(surface, theme.CLASS_PANEL, box, border_radius=theme.RADIUS)
            surface.blit(words(title, 38, theme.CLASS_ACCENT, True), (box.x + 20, box.y + 12))
        y = left.y + 68
        for topic in s.hardest[:4]:
            found = bank.topic_by_id.get(topic.topic)
            name = found.title if found else topic.topic
            surface.blit(paragraph(name, 420, 56, sizes=(32, 30)), (left.x + 20, y))
            share = words(percent(topic.share_right), 32, theme.CLASS_ACCENT, True)
            surface.blit(share, share.get_rect(topright=(left.right - 20, y)))
            y += 64
        if not s.hardest:
            surface.blit(words("No answers were given."), (left.x + 20, y))
        y = right_col.y + 68
        for message_id in s.messages[:3]:
            found = bank.message_by_id.get(message_id)
            surface.blit(paragraph(found.title if found else message_id, 540, 56,
                                   sizes=(32, 30)), (right_col.x + 20, y))
            y += 62
        if len(s.messages) > 3:
            surface.blit(words(f"and {len(s.messages) - 3} more in the report",
                               colour=theme.CLASS_MUTED), (right_col.x + 20, y))

    def _draw_questions(self, surface: pygame.Surface) -> None:
        start = (self.page - 1) * QUESTIONS_PER_PAGE
        for i, q in enumerate(self.summary.questions[start:start + QUESTIONS_PER_PAGE]):
            y = 84 + i * 118
            row = pygame.Rect(40, y, WIDTH - 80, 112)
            pygame.draw.rect(surface, theme.CLASS_PANEL, row, border_radius=12)
            surface.blit(paragraph(q.text, 980, 106, sizes=(32, 30)), (row.x + 16, y + 3))
            share = words(percent(q.share_right), 36, theme.CLASS_ACCENT, True)
            surface.blit(share, share.get_rect(midright=(row.right - 20, row.centery)))
