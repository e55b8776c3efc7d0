"""What shows on a student's timeline: one kind per thing that happened, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coachdesk.domain.competences import Competence
from coachdesk.domain.labels import LabelledEnum
from coachdesk.domain.records import Record
from coachdesk.domain.school_year import period_of, school_year_label
from coachdesk.i18n import N_


class TimelineKind(LabelledEnum):
    """The kinds of event on the timeline, each with its own icon."""

    EXPERIENCE = "ervaring"
    CONVERSATION = "gesprek"
    AGREEMENT_MADE = "afspraak"
    AGREEMENT_CLOSED = "afspraak_afgerond"
    GOAL = "doel"
    REFLECTION = "reflectie"
    SCAN = "scan"
    REFERRAL = "verwijzing"
    SWITCH = "switch"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "ervaring": N_("Experiences"),
            "gesprek": N_("Conversations"),
            "afspraak": N_("Agreements made"),
            "afspraak_afgerond": N_("Agreements completed"),
            "doel": N_("Goals"),
            "reflectie": N_("Reflections"),
            "scan": N_("Competence scans"),
            "verwijzing": N_("Referrals"),
            "switch": N_("Programme switches"),
        }


@dataclass(frozen=True)
class TimelineEvent:
    """One line on the timeline."""

    kind: TimelineKind
    date: dt.date
    title: str
    detail: str
    record_id: str
    competences: tuple[Competence, ...] = ()

    @property
    def school_year(self) -> str:
        """Return the school year the event belongs to ("2025-2026")."""
        return school_year_label(self.date)

    @property
    def period(self) -> int:
        """Return the period (1–4) of the school year."""
        return period_of(self.date)


def newest_first(events: list[TimelineEvent]) -> list[TimelineEvent]:
    """Order events for reading back in time; same-day events keep a stable kind order."""
    order = {kind: index for index, kind in enumerate(TimelineKind)}
    return sorted(events, key=lambda e: (e.date, -order[e.kind]), reverse=True)


@dataclass(kw_only=True)
class ProgrammeSwitch(Record):
    """A switch (overstap) of programme or level: from → to, and why."""

    student_id: str
    date: dt.date
    from_programme: str
    to_programme: str
    from_level: int | None = None
    to_level: int | None = None
    reason: str = ""
