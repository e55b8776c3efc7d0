"""Dates and times written the way a Dutch reader expects ("22 november 2026")."""

from __future__ import annotations

import datetime as dt

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
    pattern = "d MMM" if value.year == today.year else "d MMM y"
    return format_date(value, format=pattern, locale=language())
