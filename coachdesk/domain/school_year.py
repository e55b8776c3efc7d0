"""The Dutch school year, its periods, and when a student is due a conversation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SCHOOL_YEAR_START_MONTH = 8
"""A school year runs from 1 August to 31 July."""


def school_year_start(day: dt.date) -> dt.date:
    """Return 1 August of the school year that ``day`` falls in."""
    year = day.year if day.month >= SCHOOL_YEAR_START_MONTH else day.year - 1
    return dt.date(year, SCHOOL_YEAR_START_MONTH, 1)


def school_year_label(day: dt.date) -> str:
    """Return the school year as Dutch schools write it: "2025-2026"."""
    start = school_year_start(day).year
    return f"{start}-{start + 1}"


def period_of(day: dt.date) -> int:
    """Return the period (1–4) of the school year that ``day`` falls in.

    Four periods of three months: August–October, November–January, February–April, May–July.
    """
    months_in = (day.month - SCHOOL_YEAR_START_MONTH) % 12
    return months_in // 3 + 1


@dataclass(frozen=True)
class Cadence:
    """How often a coach wants to talk with each student (a school's own rule, configurable)."""

    max_weeks_between: int = 10
    per_school_year: int = 2

    def __post_init__(self) -> None:
        if not 1 <= self.max_weeks_between <= 52:
            raise ValueError("weeks between conversations must be 1-52")
        if not 1 <= self.per_school_year <= 12:
            raise ValueError("conversations per school year must be 1-12")


def next_due(
    last: dt.date | None, held_this_year: int, today: dt.date, cadence: Cadence
) -> dt.date:
    """Return the latest date for the next conversation.

    Two rules, the earlier wins: at most ``max_weeks_between`` after the last conversation,
    and the school year's conversations spread evenly (with two a year, the first by
    February, the second by the end of July). A student never seen is due today.
    """
    if last is None:
        return today
    by_gap = last + dt.timedelta(weeks=cadence.max_weeks_between)
    if held_this_year >= cadence.per_school_year:
        return by_gap
    start = school_year_start(today)
    year_days = (dt.date(start.year + 1, start.month, 1) - start).days
    share = (held_this_year + 1) / cadence.per_school_year
    by_year = start + dt.timedelta(days=int(year_days * share) - 1)
    return min(by_gap, by_year)
