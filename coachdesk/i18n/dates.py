"""Dates and times in the active language through Babel: "22 november 2026", "22 November 2026"."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from functools import lru_cache

from babel.dates import format_date, get_month_names

from coachdesk.i18n import locale_name


def long_date(value: dt.date) -> str:
    """Return a date in long form in the active language."""
    return format_date(value, format="long", locale=locale_name())


def short_date(value: dt.date) -> str:
    """Return a compact date (22-11-2026 in Dutch) for tables."""
    return _formatted(value, "short", locale_name())


def day_month(value: dt.date, today: dt.date) -> str:
    """Return "18 december" within the current calendar year, "18 december 2027" otherwise."""
    pattern = "d MMMM" if value.year == today.year else "d MMMM y"
    return format_date(value, format=pattern, locale=locale_name())


def weekday_date(value: dt.date) -> str:
    """Return "vrijdag 18 december 2026": the weekday lets a reader check a typed date."""
    return format_date(value, format="EEEE d MMMM y", locale=locale_name())


def clock_time(value: dt.time) -> str:
    """Return "14:30" (both languages use the 24-hour clock here)."""
    return value.strftime("%H:%M")


def compact_date(value: dt.date, today: dt.date) -> str:
    """Return "12 sep" for dates in the current calendar year, "12 sep 2025" otherwise."""
    return _formatted(value, "d MMM" if value.year == today.year else "d MMM y", locale_name())


_NUMERIC_DATE = re.compile(r"(\d{1,2})[-/. ](\d{1,2})(?:[-/. ](\d{2}|\d{4}))?\.?")
_NAMED_DATE = re.compile(r"(\d{1,2})\s+([^\W\d]+)\.?(?:\s+(\d{2}|\d{4}))?")
_TIME = re.compile(r"(\d{1,2})(?:(?:[:.]|\s*[uh]\s*)?(\d{2}))?\s*(?:u|uur|h)?")


def _month_number(word: str) -> int | None:
    """Return the month a written name stands for ("dec", "december"), in either language."""
    word = word.casefold().rstrip(".")
    for locale in ("nl", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                if name.casefold().rstrip(".") == word:
                    return int(number)
    return None


def parse_date(text: str, today: dt.date) -> dt.date | None:
    """Return the date typed as "18-12-2026", "18/12", "18.12.", "18 dec" or "18 december 2026".

    Empty text is no date (``None``); anything else that is not a real date raises
    ``ValueError``, so a field never silently keeps another value. Without a year, the
    date is the next one to come, or one within the last month (also across New Year).
    """
    text = text.strip()
    if not text:
        return None
    numeric, named = _NUMERIC_DATE.fullmatch(text), _NAMED_DATE.fullmatch(text)
    if numeric:
        day, month, year = int(numeric[1]), int(numeric[2]), numeric[3]
    elif named and (month_number := _month_number(named[2])):
        day, month, year = int(named[1]), month_number, named[3]
    else:
        raise ValueError(text)
    if year is not None:
        try:
            return dt.date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        except ValueError:  # 31-02: numbers in the right places, but no such day
            raise ValueError(text) from None
    month_back = today - dt.timedelta(days=31)
    for candidate_year in (today.year - 1, today.year, today.year + 1):
        with contextlib.suppress(ValueError):  # 29-02 exists only in a leap year
            if (value := dt.date(candidate_year, month, day)) >= month_back:
                return value
    raise ValueError(text)


def parse_time(text: str) -> dt.time | None:
    """Return the time typed as "14:30", "14.30", "1430", "9u30", "14h30" or "9 uur"; empty is none.

    Anything else raises ``ValueError``.
    """
    text = text.strip().casefold()
    if not text:
        return None
    found = _TIME.fullmatch(text)
    if not found:
        raise ValueError(text)
    try:
        return dt.time(int(found[1]), int(found[2] or 0))
    except ValueError:  # 25:00
        raise ValueError(text) from None


@lru_cache(maxsize=8192)
def _formatted(value: dt.date, pattern: str, locale: str) -> str:
    """Babel takes 50-80 µs a date; a caseload repaint or a 500-event timeline shows hundreds."""
    return format_date(value, format=pattern, locale=locale)
