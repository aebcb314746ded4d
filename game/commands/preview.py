"""`safety-dash preview message|question|chat ID`: one bank item on screen, as a child would see
it (a chat plays from its start, and again after its review).

For content editors: the window shows the item; F5 reads the YAML again and shows the edit at
once (or says what is broken); Esc or closing the window ends the preview. Progress is not
touched: the preview keeps its profile in a temporary folder.
"""
from __future__ import annotations

import difflib
import sys
import tempfile

from game.content import ContentError, load_bank

HINT = "Preview: F5 reloads the YAML, Esc closes."


def preview(kind: str, item_id: str, content: str | None = None, *,
            max_frames: int | None = None) -> int:
    try:
        bank = load_bank(pack=content)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    items = {"message": bank.message_by_id, "question": bank.question_by_id,
             "chat": bank.chat_by_id}[kind]
    if item_id not in items:
        close = difflib.get_close_matches(item_id, list(items), n=3)
        guess = f" Did you mean: {', '.join(close)}?" if close else ""
        print(f"There is no {kind} with the id '{item_id}'.{guess}", file=sys.stderr)
        return 1
    from game.launch import start
    with tempfile.TemporaryDirectory(prefix="safety-dash-preview-") as tmp:
        app = start(tmp, content=content, fast=max_frames is not None)
        show(app, kind, item_id)
        app.run(max_frames=max_frames)
    return 0


def show(app, kind: str, item_id: str) -> None:
    """Put the item's screen up in place of the title screen."""
    from game.scenes.message import MessageScene
    from game.scenes.round import RoundScene
    session = app.session
    if kind == "chat":
        from game.scenes.chat import ChatScene
        chat = session.bank.chat_by_id[item_id]
        session.profile.age_band = chat.ages[0]
        app.replace(ChatScene(app, chat, preview=True))
    elif kind == "message":
        message = session.bank.message_by_id[item_id]
        session.profile.age_band = message.ages[0]
        app.replace(MessageScene(app, message, back_label="Close preview"))
    else:
        question = session.bank.question_by_id[item_id]
        session.profile.age_band = question.ages[0]
        app.replace(RoundScene(app, [question]))
    app.toast(HINT, 6.0)
