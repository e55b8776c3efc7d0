"""Who may read a piece of free text. Every export honours this label."""

from __future__ import annotations

from dataclasses import dataclass, field

from coachdesk.domain.competences import Competence
from coachdesk.domain.labels import LabelledEnum
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.records import Record
from coachdesk.i18n import N_


class Audience(LabelledEnum):
    """The widest circle a note may reach. ``PRIVATE`` never leaves the coach's view."""

    PRIVATE = "prive_coach"
    STUDENT = "student"
    PARENTS = "ouders"
    WORKPLACE_TRAINER = "praktijkopleider"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "prive_coach": N_("Private (coach only)"),
            "student": N_("Student"),
            "ouders": N_("Parents"),
            "praktijkopleider": N_("Workplace trainer"),
        }


SHARED_READERS = (Audience.PARENTS, Audience.WORKPLACE_TRAINER)
"""Who may read a shared part besides the student, each only with consent for their version."""


@dataclass(kw_only=True)
class Note(Record):
    """A free-text note about a student, optionally within a conversation or experience.

    ``competence`` ties a note to one loopbaancompetentie, e.g. what the student
    found out about their qualities in a conversation.
    """

    student_id: str
    body: str
    audience: Audience = Audience.PRIVATE
    conversation_id: str | None = None
    experience_id: str | None = None
    competence: Competence | None = None
    kind: NoteKind = NoteKind.GENERAL
    question: str = ""
    """For keywords typed during a conversation: the question on screen at the time."""
    readers: list[Audience] = field(default_factory=list)
    """Who reads a shared note besides the student: parents, workplace trainer, or nobody else."""


def readable_by(note: Note, reader: Audience) -> bool:
    """Return whether ``reader``'s version may hold ``note``: the one rule for every report.

    The student reads every part that is not private; parents and the workplace trainer read
    the parts that name them.
    """
    if note.audience is Audience.PRIVATE:
        return False
    return reader is Audience.STUDENT or reader in note.readers
