"""Which round comes next, and starting it: the dash, or a Chat Check chat, as the child chose
on the age screen (game.scenes.game_kind; "mixed" takes turns, the dash first), and which chat.
game.launch names play_next as the starter of game.scenes.next_round, so the screens that end
a round start the next one without importing the screens that play one."""
from __future__ import annotations

import random

from game.rules.chat import Chat
from game.scenes.chat import ChatScene
from game.scenes.chat_review import ChatSummary
from game.scenes.game_kind import chosen_kind
from game.scenes.round import RoundScene


def pick_chat(app) -> Chat | None:
    """A chat for the player's band: one not played this session if there is one, never the
    one just played if there is another."""
    session = app.session
    chats = session.bank.chats_for(session.band)
    played = [h.chat_id for h in session.history if isinstance(h, ChatSummary)]
    fresh = [c for c in chats if c.id not in played] or \
        [c for c in chats if not played or c.id != played[-1]] or chats
    return random.Random(f"{session.seed}:chat:{session.rounds}").choice(fresh) if fresh else None


def round_kind(app) -> str:
    """What the next round is: the dash or a chat (the child's choice; "mixed" takes turns,
    starting with the dash). A chat only if the bank has one for the band."""
    session = app.session
    kind = chosen_kind(app)
    if kind == "mixed":
        last = session.history[-1] if session.history else None
        kind = "dash" if isinstance(last, ChatSummary) or last is None else "chat"
    return "chat" if kind == "chat" and session.bank.chats_for(session.band) else "dash"


def play_next(app) -> None:
    """Start the next round, of the kind round_kind() says, in place of the screen shown."""
    if round_kind(app) == "chat":
        chat = pick_chat(app)
        if chat is not None:
            app.replace(ChatScene(app, chat))
            return
    app.replace(RoundScene(app))
