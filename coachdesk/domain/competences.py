"""The five loopbaancompetenties and the competence scan (leermeter)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from coachdesk.domain.labels import LabelledEnum
from coachdesk.domain.people import Person
from coachdesk.domain.records import Record
from coachdesk.i18n import N_, _


class Competence(LabelledEnum):
    """The shared vocabulary of career competences; used as tags everywhere."""

    QUALITIES = "kwaliteiten"
    MOTIVES = "motieven"
    WORK_EXPLORATION = "werkexploratie"
    CAREER_STEERING = "loopbaansturing"
    NETWORKING = "netwerken"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "kwaliteiten": N_("Qualities"),
            "motieven": N_("Motives"),
            "werkexploratie": N_("Work exploration"),
            "loopbaansturing": N_("Career steering"),
            "netwerken": N_("Networking"),
        }


SCAN_RATERS = (Person.STUDENT, Person.COACH, Person.WORKPLACE_TRAINER)
"""Who rates a scan (the leermeter): the student first, then coach and workplace trainer."""


SCAN_SCALE = (1, 2, 3, 4)
"""Ratings run from 1 ("nog niet") to 4 ("bijna altijd"): a verbal scale, never a grade."""


def scale_label(rating: int) -> str:
    """Return the verbal meaning of a rating on the four-point scale."""
    labels = {
        1: N_("not yet"),
        2: N_("sometimes"),
        3: N_("often"),
        4: N_("almost always"),
    }
    return _(labels[rating])


@dataclass(kw_only=True)
class CompetenceScan(Record):
    """One rater's view of a student's five competences at one moment."""

    student_id: str
    date: dt.date
    rater: Person
    rater_name: str = ""
    ratings: dict[Competence, int] = field(default_factory=dict)
    answers: dict[str, int] = field(default_factory=dict)
    """Per statement id; ``ratings`` per competence are their rounded mean."""

    def __post_init__(self) -> None:
        if self.rater not in SCAN_RATERS:
            raise ValueError(f"a scan is not rated by a {self.rater}")
        for item, rating in (*self.ratings.items(), *self.answers.items()):
            if rating not in SCAN_SCALE:
                raise ValueError(f"rating for {item} outside 1-4: {rating}")
