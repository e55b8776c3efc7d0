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
    return _formatted(value, "short", language())


def compact_date(value: dt.date, today: dt.date) -> str:
    """Return "12 sep" for dates in the current calendar year, "12 sep 2025" otherwise."""
    return _formatted(value, "d MMM" if value.year == today.year else "d MMM y", language())


@lru_cache(maxsize=8192)
def _formatted(value: dt.date, pattern: str, locale: str) -> str:
    """Babel takes 50-80 µs a date; a caseload repaint or a 500-event timeline shows hundreds."""
    return format_date(value, format=pattern, locale=locale)
