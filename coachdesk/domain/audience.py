"""A note and who may read it (its audience and readers): the one rule every export follows."""

from __future__ import annotations

from dataclasses import dataclass, field

from coachdesk.domain.competences import Competence
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.people import COACH_ONLY, Person
from coachdesk.domain.records import Record


@dataclass(kw_only=True)
class Note(Record):
    """A free-text note about a student, optionally within a conversation or experience.

    ``competence`` ties a note to one loopbaancompetentie, e.g. what the student
    found out about their qualities in a conversation. ``audience`` is the widest circle it
    may reach; ``COACH_ONLY`` never leaves the coach's view.
    """

    student_id: str
    body: str
    audience: Person = COACH_ONLY
    conversation_id: str | None = None
    experience_id: str | None = None
    competence: Competence | None = None
    kind: NoteKind = NoteKind.GENERAL
    question: str = ""
    """For keywords typed during a conversation: the question on screen at the time."""
    readers: list[Person] = field(default_factory=list)
    """Who reads a shared note besides the student: parents, workplace trainer, or nobody else."""


def readable_by(note: Note, reader: Person) -> bool:
    """Return whether ``reader``'s version may hold ``note``: the one rule for every report.

    The student reads every part that is not private; parents and the workplace trainer read
    the parts that name them.
    """
    if note.audience is COACH_ONLY:
        return False
    return reader is Person.STUDENT or reader in note.readers
