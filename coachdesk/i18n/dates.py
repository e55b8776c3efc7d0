"""Dates and times written the way a Dutch reader expects ("22 november 2026")."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date

from coachdesk.i18n import language


def long_date(value: dt.date) -> str:
    """Return a date in long form in the active language."""
    return format_date(value, format="long", locale=language())


def short_date(value: dt.date) -> str:
    """Return a compact date (22-11-2026 in Dutch) for tables."""
    return format_date(value, format="short", locale=language())


def compact_date(value: dt.date, today: dt.date) -> str:
    """Return "12 sep" for dates in the current calendar year, "12 sep 2025" otherwise."""
    return _compact_date(value, value.year == today.year, language())


@lru_cache(maxsize=4096)
def _compact_date(value: dt.date, this_year: bool, locale: str) -> str:
    """Babel takes ~50 µs a date; a table repaint shows a hundred of them, mostly the same few."""
    return format_date(value, format="d MMM" if this_year else "d MMM y", locale=locale)
