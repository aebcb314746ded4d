"""The help screen: a card per help link, most important first, in pages.

Each function here is pure layout: it takes words and a text `scale` (1.0 = 100%) and returns
the fitted lines and the positions the screen draws them at. Nothing here draws.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.content.model import HelpLink
from game.i18n import t
from game.rules.tuning import WIDTH
from game.ui import theme
from game.ui.layout.base import (
    Box, Corner, Fitted, PagedLayout, Words, flow, heading_lines, paged_frame, pages_of, tucked,
)


# --- the help screen ---------------------------------------------------------------------------

MAX_LINKS = 9  # three rows of three cards; the validator warns about any more


@dataclass(frozen=True)
class HelpCard:
    link: HelpLink
    x: int
    y: int
    w: int
    h: int
    title: Fitted
    body: Fitted
    contact: Fitted | None
    body_y: int  # where the body and the contact line start, in the card
    contact_y: int


def contact_line(link: HelpLink) -> str:
    return "   ".join(v for v in (link.phone and t("Phone {phone}", phone=link.phone),
                                  link.url.removeprefix("https://")) if v)


def help_cards(links: tuple[HelpLink, ...], scale: float = 1.0, top: int = 181,
               room: int = 458) -> list[HelpCard]:
    """The help screen's cards at 100%: one column for up to 3 links, two for up to 6, else
    three (the validator checks the bank's help links fit these)."""
    links = links[:MAX_LINKS]
    cols = 1 if len(links) <= 3 else 2 if len(links) <= 6 else 3
    rows = max(1, -(-len(links) // cols))
    gap = 16
    card_w = (1180 - gap * (cols - 1)) // cols
    card_h = min(150, (room - gap * (rows - 1)) // rows)
    out = []
    for i, link in enumerate(links):
        x = 50 + (i % cols) * (card_w + gap)
        y = top + (i // cols) * (card_h + gap)
        title = Box(card_w - 40, 40, (28, 24), bold=True).fit(link.title, scale)
        contact = contact_line(link)
        body_h = card_h - 50 - (34 if contact else 6)
        body = Box(card_w - 40, body_h, (24, 21, 18)).fit(link.text, scale)
        fitted_contact = Box(card_w - 40, 30, (22, 18), bold=True).fit(contact, scale) \
            if contact else None
        out.append(HelpCard(link, x, y, card_w, card_h, title, body, fitted_contact, 48,
                            card_h - 36))
    return out


def _flowing_help_card(link: HelpLink, w: int, scale: float, room: int) -> HelpCard:
    """A help card `w` wide, as tall as its words at their full size need (smaller, down to
    SMALLEST, if it would be taller than `room`)."""
    contact = contact_line(link)
    items = [Words(link.title, (28,), True), Words(link.text, (24,))] + \
        ([Words(contact, (22,), True)] if contact else [])
    fitted, _ = flow(items, w - 40, room - 26, scale, gap=3)
    title, body = fitted[:2]
    fitted_contact = fitted[2] if contact else None
    body_y = 8 + title.height + 3
    contact_y = body_y + body.height + 3
    h = contact_y + (fitted_contact.height if fitted_contact else 0) + 10
    return HelpCard(link, 0, 0, w, h, title, body, fitted_contact, body_y, contact_y)


@dataclass(frozen=True)
class HelpLayout:
    frame: PagedLayout
    reassure: Fitted  # under the heading, on the first page
    pages: tuple[tuple[HelpCard, ...], ...]
    reassure_y: int


HELP_W = 1180


def help_layout(links: tuple[HelpLink, ...], words: tuple[str, str, str], scale: float,
                nook: Corner, counter: str) -> HelpLayout:
    """The help screen: at 100%, its cards on one page (help_cards); larger, each card as tall
    as its words need, in two columns or one, on as few pages as they take, the reassurance
    first, then the most important cards (999 on the first page, the reassurance made smaller
    if it must). `words`: the heading, the reassurance and the Back button's label;
    `counter`: "Page {page} of {pages}" to fill in."""
    links = most_important_first(links[:MAX_LINKS])
    own = ((words[2], "Esc"),)
    reassure = heading_lines(Words(words[1], (theme.TEXT_BODY,), True, 3), HELP_W, scale)
    assert reassure is not None
    frame = paged_frame(words[0], own, 1, "", scale, nook)
    reassure_y = tucked(frame.heading_y, frame.heading, 6, reassure.size)
    if scale == 1.0:
        top = tucked(reassure_y, reassure, 6) + 4
        cards = help_cards(links, top=top, room=frame.bottom - top)
        if max((c.y + c.h for c in cards), default=0) <= frame.bottom:
            return HelpLayout(frame, reassure, (tuple(cards),), reassure_y)
    options = []
    for cols in (2, 1) if scale < 1.5 else (1,):  # big words read best in lines across
        pages = _help_pages(links, reassure, scale, cols, frame)
        if len(pages) == 1:
            return HelpLayout(frame, reassure, pages, reassure_y)
        paged = paged_frame(words[0], own, len(pages),
                            counter.format(page=len(pages), pages=len(pages)), scale, nook)
        options.append((len(_help_pages(links, reassure, scale, cols, paged)), cols, paged))
    _, cols, paged = min(options, key=lambda o: o[:2])  # fewest pages, then fewest columns
    pages = _help_pages(links, reassure, scale, cols, paged)
    for size in (theme.TEXT_SMALL, theme.TEXT_SMALL - 4):  # 999 shares the first page with the
        if pages[0]:  # reassurance, which is made smaller if the card needs the room
            break
        smaller = heading_lines(Words(words[1], (size,), True, 3), HELP_W, scale)
        if smaller is not None and _help_pages(links, smaller, scale, cols, paged)[0]:
            reassure = smaller
            pages = _help_pages(links, reassure, scale, cols, paged)
            reassure_y = tucked(paged.heading_y, paged.heading, 6, reassure.size)
    return HelpLayout(paged, reassure, pages, reassure_y)


def most_important_first(links: tuple[HelpLink, ...]) -> tuple[HelpLink, ...]:
    """The help links in the order a child in trouble needs them: an emergency number (999)
    first, then a person to tell (a link with no phone and no site), then the rest as written."""
    def rank(link: HelpLink) -> int:
        digits = "".join(ch for ch in link.phone or "" if ch.isdigit())
        return 0 if 0 < len(digits) <= 3 else 1 if not link.phone and not link.url else 2
    return tuple(sorted(links, key=rank))


def _help_pages(links: tuple[HelpLink, ...], reassure: Fitted, scale: float, cols: int,
                frame: PagedLayout) -> tuple[tuple[HelpCard, ...], ...]:
    """The cards `cols` to a row, in pages between the frame's top and bottom; the first page
    starts below the reassurance. A card taller than a page has its words made smaller."""
    gap = 16
    w = (HELP_W - gap * (cols - 1)) // cols
    room = frame.bottom - frame.top
    reassure_y = tucked(frame.heading_y, frame.heading, 6, reassure.size)
    first = tucked(reassure_y, reassure, 6) + 4 - frame.top  # the reassurance's share of page 1
    cards = [_flowing_help_card(link, w, scale, room) for link in links]
    rows = [cards[i:i + cols] for i in range(0, len(cards), cols)]
    # the two most important cards keep the reassurance company, their words smaller if they
    # must (never a first page with the reassurance alone)
    for lead in range(min(len(rows), 2 if cols == 1 else 1), 0, -1):
        share = (room - first - gap * lead) // lead
        if all(max(c.h for c in row) <= share for row in rows[:lead]):
            break
        smaller = [[_flowing_help_card(card.link, w, scale, share) for card in row]
                   for row in rows[:lead]]
        if all(max(c.h for c in row) <= share for row in smaller):
            rows[:lead] = smaller
            break
    heights = [first] + [max(c.h for c in row) for row in rows]
    out = []
    for page in pages_of(heights, room, gap):
        placed, y = [], frame.top
        for r in page:
            if r == 0:
                y += first + gap
                continue
            for col, card in enumerate(rows[r - 1]):
                placed.append(HelpCard(card.link, (WIDTH - HELP_W) // 2 + col * (w + gap), y,
                                       w, heights[r], card.title, card.body, card.contact,
                                       card.body_y, card.contact_y))
            y += heights[r] + gap
        out.append(tuple(placed))
    return tuple(out)
