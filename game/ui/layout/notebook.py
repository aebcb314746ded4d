"""The Safety Notebook: topic buttons and sticker sizes, and lists of buttons in pages.

Each function here is pure layout: it takes words and a text `scale` (1.0 = 100%) and returns
the fitted lines and the positions the screen draws them at. Nothing here draws.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.i18n import t
from game.rules.tuning import WIDTH
from game.ui import text, theme
from game.ui.layout.base import (
    BUTTON_TEXT, Corner, EDGE, Fitted, GAP, PagedLayout, Rect, Words, button_height,
    heading_lines, label_width, paged_frame, pages_of, px, tucked,
)


NOTEBOOK_TOPIC = (520, 88)  # a topic's button on the notebook page
NOTEBOOK_STICKER = (560, 92)  # a message's sticker (or its outline) on a topic's page
STICKER_ROOM = "MMM "  # measured before a sticker's title: the round spot at its left
NOTEBOOK_ENTRY = (NOTEBOOK_STICKER[0] - 88, NOTEBOOK_STICKER[1] - 2)  # a sticker's words' part,
# as button_label_box measures it (the validator checks each title fits)
NOTEBOOK_TOPICS = 8  # topic buttons on the notebook page (two columns of four)
TOPIC_HEADING_W = WIDTH - 100  # a topic's page heading, shrunk to fit
TOPIC_HEADING_SIZE = theme.TEXT_HUGE - 12


def notebook_topic_count(seen: int, total: int) -> str:
    """A topic's count on its badge in the notebook, apart from its name."""
    return t("{seen} of {total}", seen=seen, total=total)


def notebook_topic_label(title: str, seen: int, total: int) -> str:
    """What a topic's button is measured by: its name and, apart, its count's badge."""
    return t("{topic}   {seen} of {total}", topic=title, seen=seen, total=total) + "  "


# --- lists of buttons in pages: the Safety Notebook's topics, a topic's messages ---------------

@dataclass(frozen=True)
class ListLayout:
    frame: PagedLayout
    line: Fitted | None  # under the heading, on the first page
    line_y: int
    pages: tuple[tuple[tuple[int, Rect], ...], ...]  # each page's buttons: (which label, where)
    label: int  # the buttons' label size


def button_pages(heading: str, line: str, labels: list[str], scale: float, nook: Corner,
                 counter: str, own: tuple[tuple[str, str], ...], base: tuple[int, int],
                 columns: tuple[int, ...], heading_size: int = theme.TEXT_HUGE - 8
                 ) -> ListLayout:
    """Buttons for `labels`, `base` (width, height) at 100%, wider and taller as their words
    need, in the first of `columns` that takes fewest pages, under a heading and (on the
    first page) a line; `counter`: "Page {page} of {pages}" to fill in."""
    frame = paged_frame(heading, own, 1, "", scale, nook, heading_size)
    fitted_line = heading_lines(Words(line, (theme.TEXT_BODY,), True, 3), WIDTH - 2 * EDGE,
                                scale) if line else None
    options = []
    for cols in columns:
        pages = _button_pages(labels, fitted_line, scale, frame, base, cols)
        if len(pages) == 1:
            return ListLayout(frame, fitted_line, _line_y(frame, fitted_line), pages,
                              px(BUTTON_TEXT, scale))
        options.append((len(pages), cols))
    _, cols = min(options)  # fewest pages; then the first of `columns`
    frame = paged_frame(heading, own, 2, counter.format(page=99, pages=99), scale, nook,
                        heading_size)
    return ListLayout(frame, fitted_line, _line_y(frame, fitted_line),
                      _button_pages(labels, fitted_line, scale, frame, base, cols),
                      px(BUTTON_TEXT, scale))


def _line_y(frame: PagedLayout, line: Fitted | None) -> int:
    return tucked(frame.heading_y, frame.heading, 6, line.size if line else 0)


def _button_pages(labels: list[str], line: Fitted | None, scale: float, frame: PagedLayout,
                  base: tuple[int, int], cols: int) -> tuple[tuple[tuple[int, Rect], ...], ...]:
    size = px(BUTTON_TEXT, scale)
    gap = 16
    widest = (WIDTH - 2 * EDGE - GAP * (cols - 1)) // cols
    w = min(widest, max([base[0]] + [label_width(label, size) + 28 for label in labels]))
    tall = [button_height(size, len(text.wrap(label, size, w - 24, True)), least=base[1])
            for label in labels]
    room = frame.bottom - frame.top
    first = tucked(_line_y(frame, line), line, 6) + 4 - frame.top if line else 0
    rows = -(-len(labels) // cols)
    # one to a row: each as tall as its own words need; else a row as tall as the tallest
    row_h = tall if cols == 1 else [max(tall, default=base[1])] * rows
    heights = ([first] if line else []) + row_h
    x0 = (WIDTH - cols * w - GAP * (cols - 1)) // 2
    out = []
    for page in pages_of(heights, room, gap):
        placed, y = [], frame.top
        for r in page:
            if line and r == 0:
                y += first + gap
                continue
            row = r - 1 if line else r
            for col in range(cols):
                i = row * cols + col
                if i < len(labels):
                    placed.append((i, (x0 + col * (w + GAP), y, w, row_h[row])))
            y += row_h[row] + gap
        out.append(tuple(placed))
    return tuple(out)


TOPIC_PICTURE = 110  # the topic's picture beside its page's heading, at most


def topic_picture_place(frame: PagedLayout, line: Fitted | None, line_y: int
                        ) -> tuple[int, int, int] | None:
    """Where the topic's picture goes on its page: left of the centred heading (and the line
    under it, where that is beside it), as big as the room there allows up to TOPIC_PICTURE;
    None where the words leave too little room (long headings at large text)."""
    size = min(TOPIC_PICTURE, frame.top - frame.heading_y - 4)
    wide = [frame.heading]
    if line is not None and line_y < frame.heading_y + size:
        wide.append(line)
    words_w = max(label_width(l, f.size) for f in wide for l in f.lines)
    size = min(size, (WIDTH - words_w) // 2 - EDGE - GAP)
    if size < TOPIC_PICTURE // 2:
        return None
    return EDGE + GAP, frame.heading_y, size
