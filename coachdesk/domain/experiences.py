"""What the student did: the experiences that the timeline and conversations start from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from coachdesk.domain.competences import Competence
from coachdesk.domain.labels import LabelledEnum
from coachdesk.domain.people import Person
from coachdesk.domain.records import Record
from coachdesk.i18n import N_


class ExperienceKind(LabelledEnum):
    """The kinds of career experience a vmbo or mbo student has."""

    INTERNSHIP = "stage"
    TASTER_PLACEMENT = "snuffelstage"
    SHADOW_DAY = "meeloopdag"
    COMPANY_VISIT = "bedrijfsbezoek"
    GUEST_LESSON = "gastles"
    ASSIGNMENT = "prestatie"
    PROJECT = "project"
    OPEN_DAY = "open_dag"
    OUT_OF_SCHOOL = "buitenschools"
    OTHER = "anders"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "stage": N_("Internship (BPV)"),
            "snuffelstage": N_("Taster placement"),
            "meeloopdag": N_("Shadow day"),
            "bedrijfsbezoek": N_("Company visit"),
            "gastles": N_("Guest lesson"),
            "prestatie": N_("Real assignment"),
            "project": N_("Project"),
            "open_dag": N_("Open day"),
            "buitenschools": N_("Out-of-school experience"),
            "anders": N_("Other experience"),
        }


@dataclass(kw_only=True)
class Experience(Record):
    """One experience on a student's timeline."""

    student_id: str
    kind: ExperienceKind
    title: str
    start_date: dt.date
    end_date: dt.date | None = None
    organisation: str = ""
    place: str = ""
    contact_id: str | None = None
    description: str = ""
    audience: Person = Person.STUDENT
    competences: list[Competence] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.end_date is not None and self.end_date < self.start_date:
            raise ValueError("an experience cannot end before it starts")
