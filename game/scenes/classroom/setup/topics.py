"""The setup's second page: a tick box for each topic of the bank (none ticked: every topic)."""
from __future__ import annotations

import pygame

from game.i18n import t
from game.rules.tuning import WIDTH
from game.scenes.classroom.setup.form import MARGIN, Layout, Row, Spot, Stop, toggle_face, \
    toggle_words
from game.ui import theme
from game.ui.theme import hex_colour


class TopicsPage:
    """The topics ticked and their page's rows (mixed into the setup scene)."""

    def toggle_topic(self, topic: str) -> None:
        self.topics ^= {topic}
        self.changed()


    def _topic_rows(self) -> list[Row]:
        sizes = self.sizes
        topics = self.app.session.bank.topics
        chosen = [t for t in topics if t.id in self.topics]
        if not topics:
            line = t("This bank has no topics: the lesson uses every question it has.")
        elif not chosen:
            line = t("Tick the topics for this lesson. None ticked: every topic.")
        else:
            line = t("{n} of {total} topics ticked. None ticked: every topic.", n=len(chosen),
                     total=len(topics))
        rows = [self._words(line)]
        columns = 2 if len(topics) <= 14 else 3
        gap = 20
        width = (WIDTH - 2 * MARGIN - gap * (columns - 1)) // columns
        for start in range(0, len(topics), columns):
            group = topics[start:start + columns]
            labels = [toggle_words(topic.title, width, sizes.body) for topic in group]
            height = max([sizes.row] + [label.height + 12 for label in labels])

            def place(out: Layout, y: int, group=group, labels=labels, height=height) -> None:
                stops = []
                for col, (topic, label) in enumerate(zip(group, labels)):
                    rect = pygame.Rect(MARGIN + col * (width + gap), y, width, height)
                    on = topic.id in self.topics
                    out.pictures.append((toggle_face(rect.size, label, on,
                                                      hex_colour(topic.colour, theme.BUTTON)),
                                         rect.topleft))
                    key = f"topic:{topic.id}"
                    act = (lambda t=topic.id: self.toggle_topic(t))
                    out.spots.append(Spot(key, rect, act, key))
                    stops.append(Stop(key, rect, act))
                out.rows.append(stops)
            rows.append(Row(height, place))
        return rows

