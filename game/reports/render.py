"""The shared Jinja2 environment: templates in game/reports/templates/, always autoescaped; and
what every report shows the same way in the language of the game's words (its `<html lang>`, a
date)."""
from __future__ import annotations

import datetime
import errno
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from game.i18n import ENGLISH, language, t


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


def html_language() -> str:
    """The page's language for `<html lang>`: British English, or the language in use."""
    return "en-GB" if language() == ENGLISH else language()


def weekday_name(day: datetime.date) -> str:
    return (t("Monday"), t("Tuesday"), t("Wednesday"), t("Thursday"), t("Friday"),
            t("Saturday"), t("Sunday"))[day.weekday()]


def month_name(day: datetime.date) -> str:
    return (t("January"), t("February"), t("March"), t("April"), t("May"), t("June"),
            t("July"), t("August"), t("September"), t("October"), t("November"),
            t("December"))[day.month - 1]


def short_date(day: datetime.date) -> str:
    """'23 November 2026', in the language in use."""
    return t("{day} {month} {year}", day=day.day, month=month_name(day), year=day.year)


def long_date(day: datetime.date) -> str:
    """'Monday 23 November 2026', in the language in use."""
    return t("{weekday} {day} {month} {year}", weekday=weekday_name(day), day=day.day,
             month=month_name(day), year=day.year)


def why_not_saved(exc: OSError) -> str:
    """Why an OSError stopped a report or page being saved, in plain words."""
    if exc.errno == errno.EROFS:
        return t("the folder is read-only")
    if isinstance(exc, PermissionError):
        return t("you do not have permission to save files there")
    if exc.errno == errno.ENOSPC:
        return t("the disk is full")
    if exc.errno == getattr(errno, "EDQUOT", None):
        return t("all the space you are allowed on this computer is used up")
    if isinstance(exc, (NotADirectoryError, FileExistsError)):
        return t("there is a file where the folder should be")
    if isinstance(exc, FileNotFoundError):
        return t("the folder could not be found")
    if exc.errno == errno.ENAMETOOLONG:
        return t("the folder's name is too long")
    if exc.strerror:  # the computer's own words (in its own language)
        return exc.strerror.rstrip(".").lower()
    return t("the computer would not save the files")
