"""Reports for grown-ups, made as self-contained HTML with Jinja2 (autoescaped).

The lesson pack lives here; nothing in this package imports pygame.
"""
