"""The rules of Safety Dash: physics, course, gates, scoring, ranks and the message picker.

Pure Python, no pygame: everything here steps on an injected clock and a seeded random source,
so tests and the autoplay bot get the same result every time.
"""
