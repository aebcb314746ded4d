"""The shared Jinja2 environment: templates in game/reports/templates/, always autoescaped."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined


@lru_cache(maxsize=1)
def environment() -> Environment:
    """One environment for every report: HTML escaping on, a missing value is an error."""
    return Environment(
        loader=PackageLoader("game.reports", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(template: str, **context: Any) -> str:
    """Render `template` (a name in game/reports/templates/) with a plain `context`."""
    return environment().get_template(template).render(**context)
