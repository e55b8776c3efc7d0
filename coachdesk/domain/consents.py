"""Consent to share, and the age rules that decide who gives it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coachdesk.domain.labels import LabelledEnum
from coachdesk.domain.people import Person
from coachdesk.domain.records import Record
from coachdesk.i18n import N_

PARENT_CONSENT_BELOW = 16
"""Below 16, where sharing rests on consent, a parent gives it; from 16 the student does."""


class ConsentSubject(LabelledEnum):
    """What may be shared."""

    SUMMARY = "gespreksverslag"
    PROGRESS = "voortgang"
    MEDIA = "beeldmateriaal"
    HANDOVER = "overdracht"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "gespreksverslag": N_("Conversation summary"),
            "voortgang": N_("Progress overview"),
            "beeldmateriaal": N_("Photos and video"),
            "overdracht": N_("Handover to the next coach or school"),
        }


@dataclass(kw_only=True)
class Consent(Record):
    """Who agreed (or refused) to share what with whom, and when."""

    student_id: str
    subject: ConsentSubject
    recipient: Person
    granted: bool
    given_by: Person
    date: dt.date
    basis: str = ""
    conversation_id: str | None = None


def consent_giver(age: int | None) -> Person:
    """Return who decides about sharing with parents for a student of ``age``.

    Unknown age is treated as a minor below 16: the cautious reading.
    """
    if age is not None and age >= PARENT_CONSENT_BELOW:
        return Person.STUDENT
    return Person.PARENTS
