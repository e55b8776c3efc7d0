"""Agreements (afspraken) and the student's goals (doelen), and how agreements carry forward."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from coachdesk.domain.competences import Competence
from coachdesk.domain.labels import LabelledEnum
from coachdesk.domain.people import PARTICIPANTS, Person
from coachdesk.domain.records import Record
from coachdesk.i18n import N_, _
from coachdesk.i18n.dates import day_month


class AgreementStatus(LabelledEnum):
    """What became of an agreement."""

    OPEN = "open"
    DONE = "gedaan"
    PARTLY = "deels"
    NOT_DONE = "niet_gedaan"
    DROPPED = "vervallen"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "open": N_("Open"),
            "gedaan": N_("Done"),
            "deels": N_("Partly done"),
            "niet_gedaan": N_("Not done"),
            "vervallen": N_("Dropped"),
        }


STILL_TO_DO = (AgreementStatus.OPEN, AgreementStatus.PARTLY)
"""An agreement in one of these is still to do: it comes back, counts as open, can be late."""


@dataclass(kw_only=True)
class Agreement(Record):
    """What someone will do, by when; made together in a conversation."""

    student_id: str
    description: str
    owner: Person
    owner_name: str = ""
    """The owner by name, as the student reads it ("Fatima", "Peter"); empty in older data."""
    due_date: dt.date | None = None
    status: AgreementStatus = AgreementStatus.OPEN
    outcome: str = ""
    conversation_id: str | None = None
    audience: Person = Person.STUDENT

    def __post_init__(self) -> None:
        if self.owner not in PARTICIPANTS:
            raise ValueError(f"an agreement is not owned by {self.owner}")

    def is_overdue(self, today: dt.date) -> bool:
        """Return whether an agreement still to do (open or partly done) is past its date.

        The caseload counts late agreements the same way (``storage/caseload_repo.py``).
        """
        return self.status in STILL_TO_DO and self.due_date is not None and self.due_date < today


def agreement_sentence(agreement: Agreement, student_name: str, today: dt.date) -> str:
    """Return an agreement as a sentence a student can read.

    "Fatima maakt elke maandag een weekplanning — uiterlijk 18 december": the owner's name
    leads unless the text already starts with it, and the date is left out when there is none.
    Older agreements name no owner: the student's is ``student_name``, others their role.
    """
    what = " ".join(agreement.description.split())
    if agreement.owner_name:
        who = agreement.owner_name.strip()
    else:
        who = student_name if agreement.owner is Person.STUDENT else agreement.owner.label
    first = what.split(" ", 1)[0]
    if who and first.casefold() != who.split()[0].casefold():  # "Peter laat…" names him
        # "maakt een weekplanning", as the field suggests, follows the name; older or free
        # wording ("Open dag bezoeken", "Ik bel de decaan") stays whole after it.
        what = f"{who} {what}" if what[:1].islower() else f"{who}: {what}"
    if agreement.due_date is None:
        return what
    return _("{agreement} — by {date}").format(
        agreement=what, date=day_month(agreement.due_date, today)
    )


def carried_forward(agreements: Iterable[Agreement]) -> list[Agreement]:
    """Return the agreements the next conversation must look back on: the open and partly done.

    Ordered by due date (undated last) so the most urgent comes first.
    """
    pending = [a for a in agreements if a.status in STILL_TO_DO]
    return sorted(pending, key=lambda a: (a.due_date is None, a.due_date or dt.date.min))


class GoalStatus(LabelledEnum):
    """Where the student is with a goal."""

    ACTIVE = "actief"
    ACHIEVED = "behaald"
    DROPPED = "losgelaten"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "actief": N_("Working on it"),
            "behaald": N_("Achieved"),
            "losgelaten": N_("Let go"),
        }


@dataclass(kw_only=True)
class Goal(Record):
    """A learning or development goal, owned by the student and written in their words."""

    student_id: str
    description: str
    competence: Competence | None = None
    target_date: dt.date | None = None
    status: GoalStatus = GoalStatus.ACTIVE
    conversation_id: str | None = None
    audience: Person = Person.STUDENT
