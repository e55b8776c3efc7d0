"""Career conversations: dialoog, trialoog and the other kinds, with their participants."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from coachdesk.domain.competences import Competence
from coachdesk.domain.labels import LabelledEnum
from coachdesk.domain.people import PARTICIPANTS, Person
from coachdesk.domain.records import Record
from coachdesk.i18n import N_


class ConversationKind(LabelledEnum):
    """The kind of conversation; the value is the Dutch word the CLI and exports use."""

    DIALOGUE = "dialoog"
    TRIALOGUE = "trialoog"
    PROGRESS = "voortgangsgesprek"
    INTAKE = "intake"
    PARENTS = "oudergesprek"
    PLACEMENT_VISIT = "stagebezoek"
    SCAN_REVIEW = "leermetergesprek"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "dialoog": N_("Career dialogue"),
            "trialoog": N_("Trialogue"),
            "voortgangsgesprek": N_("Progress conversation"),
            "intake": N_("Intake / introduction"),
            "oudergesprek": N_("Parent conversation"),
            "stagebezoek": N_("Internship visit"),
            "leermetergesprek": N_("Competence scan conversation"),
        }


class ConversationState(LabelledEnum):
    """Where a conversation is in its prepare → hold → close flow."""

    PREPARED = "voorbereid"
    HELD = "gevoerd"
    CLOSED = "afgerond"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"voorbereid": N_("Prepared"), "gevoerd": N_("Held"), "afgerond": N_("Closed")}


@dataclass(kw_only=True)
class Participant(Record):
    """Someone who took part in a conversation, in a role."""

    conversation_id: str
    role: Person
    name: str
    contact_id: str | None = None

    def __post_init__(self) -> None:
        if self.role not in PARTICIPANTS:
            raise ValueError(f"no one takes part in a conversation as {self.role}")


@dataclass(kw_only=True)
class Conversation(Record):
    """One conversation with a student.

    ``summary`` is written in the student's own words; ``closed_at`` is set when the
    conversation is closed together, and ``edited_after_close_at`` marks later edits.
    """

    student_id: str
    kind: ConversationKind
    date: dt.date
    time: dt.time | None = None
    state: ConversationState = ConversationState.PREPARED
    place: str = ""
    topic: str = ""
    summary: str = ""
    focus_competences: list[Competence] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    """The open questions chosen while preparing, as asked (a snapshot of the question bank)."""
    next_appointment: dt.date | None = None
    next_appointment_time: dt.time | None = None
    next_appointment_place: str = ""
    read_back_at: dt.datetime | None = None
    """When the student's version was read back together, on screen, before closing."""
    closed_at: dt.datetime | None = None
    edited_after_close_at: dt.datetime | None = None
