"""Written reflections by a student on an experience, or by the coach on their own practice."""

from __future__ import annotations

from dataclasses import dataclass

from coachdesk.domain.labels import LabelledEnum
from coachdesk.domain.people import Person
from coachdesk.domain.records import Record
from coachdesk.i18n import N_


class ReflectionAuthor(LabelledEnum):
    """Who wrote a reflection."""

    STUDENT = "student"
    COACH = "coach"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"student": N_("Student"), "coach": N_("Coach")}


@dataclass(kw_only=True)
class Reflection(Record):
    """A reflection in Markdown.

    A coach's own practice reflection ("Mijn praktijk") has no ``student_id`` and
    therefore can never appear in a student's export.
    """

    author: ReflectionAuthor
    title: str
    body: str = ""
    student_id: str | None = None
    experience_id: str | None = None
    conversation_id: str | None = None
    audience: Person = Person.STUDENT

    def __post_init__(self) -> None:
        if self.student_id is None and self.author is not ReflectionAuthor.COACH:
            raise ValueError("only a coach writes reflections that belong to no student")


@dataclass(kw_only=True)
class ReflectionVersion(Record):
    """An earlier version of a reflection, kept so the writer can go back to it."""

    reflection_id: str
    title: str
    body: str


@dataclass(kw_only=True)
class ReflectionTemplate(Record):
    """A coach's own structure template: Markdown prompts the writer types under."""

    name: str
    body: str
