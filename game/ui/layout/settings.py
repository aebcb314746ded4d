"""Where the Settings screen's sections and rows go: pages of whole sections, a page's blocks
(a section's heading, a setting's row) split into two columns when they fit, else one column
that scrolls by whole blocks. Pure arithmetic on heights: nothing here fits words or draws.
"""
from __future__ import annotations

from dataclasses import dataclass

HEAD = "head:"  # a block whose key starts so is a section's heading, not a setting


@dataclass(frozen=True)
class Block:
    """A section's heading or a setting's row, and its height in pixels."""

    key: str
    height: int

    @property
    def is_heading(self) -> bool:
        return self.key.startswith(HEAD)


def height_of(blocks: list[Block], gap: int) -> int:
    return sum(b.height for b in blocks) + gap * max(0, len(blocks) - 1)


def split_columns(blocks: list[Block], gap: int) -> tuple[list[Block], list[Block]]:
    """The blocks in two columns of as even a height as can be, the second column never
    starting with a heading's row cut from its heading (a heading ends no column)."""
    best: tuple[int, int] | None = None
    for i in range(1, len(blocks)):
        if blocks[i - 1].is_heading:
            continue
        tallest = max(height_of(blocks[:i], gap), height_of(blocks[i:], gap))
        if best is None or tallest < best[0]:
            best = (tallest, i)
    cut = best[1] if best else len(blocks)
    return blocks[:cut], blocks[cut:]


def two_columns_fit(pages: list[list[Block]], room: int, gap: int) -> bool:
    """Whether every page's blocks fit `room` in two columns."""
    return all(max(height_of(column, gap) for column in split_columns(page, gap)) <= room
               for page in pages)


def window(blocks: list[Block], room: int, first: int, focus: int, gap: int) -> tuple[int, int]:
    """The blocks shown of a column that scrolls: `first` up to (not including) the returned
    end, whole blocks only, moved as little as it takes to show block `focus` (and the heading
    just above it); `focus` -1 keeps `first` where it is."""
    first = max(0, min(first, len(blocks) - 1))
    if 0 <= focus < first:
        first = focus - 1 if focus > 0 and blocks[focus - 1].is_heading else focus
    end = _end(blocks, first, room, gap)
    while 0 <= focus >= end and first < focus:
        first += 1
        end = _end(blocks, first, room, gap)
    return first, end


def _end(blocks: list[Block], first: int, room: int, gap: int) -> int:
    """One past the last block that fits below block `first` (at least one block)."""
    end, used = first, -gap
    while end < len(blocks) and used + gap + blocks[end].height <= room:
        used += gap + blocks[end].height
        end += 1
    return max(end, first + 1)


def last_first(blocks: list[Block], room: int, gap: int) -> int:
    """The furthest `first` a scroll may go: the bottom of the list fills the room."""
    first = len(blocks) - 1
    while first > 0 and height_of(blocks[first - 1:], gap) <= room:
        first -= 1
    return first
