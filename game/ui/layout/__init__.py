"""Where each text is drawn: one definition of every box, shared by the screens that draw the
texts and by the validator that checks they fit (drawing = layout + blitting).

- `base`: the shared pieces (Box, Fitted, sizes at a scale, buttons, the corner buttons, a flow
  of texts, pages, toasts, the paged frame);
- `round`, `card` and `chat`: the round's question banner and gate signs, the safety message
  card, and Chat Check's phone and review: the layouts the validator checks the bank against
  (game.ui.fits);
- `title`, `age`, `help`, `notebook`, `notice`, `results`, `settings`: one module per menu
  screen (or family of screens).

Nothing here draws: each function takes words and a text `scale` (1.0 = 100%) and returns the
fitted lines and where they go; the screens in game.scenes blit what it returns.
"""
