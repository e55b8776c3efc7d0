"""The close of a conversation as it is being written, its draft on disk, and the notes
it is stored as (who reads each part; each party's view in a trialogue).

A close is typed at the table and may take a while; its draft is kept as JSON in the store
(see ``ConversationFlow.save_draft``) until the conversation is closed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from coachdesk.domain.agreements import Agreement, Goal, GoalStatus
from coachdesk.domain.audience import Note
from coachdesk.domain.competences import Competence
from coachdesk.domain.consents import consent_giver
from coachdesk.domain.conversations import Conversation, ConversationKind
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.people import COACH_ONLY, SHARED_READERS, Person
from coachdesk.domain.students import Student
from coachdesk.i18n import _
from coachdesk.i18n.dates import short_date
from coachdesk.storage.rows import from_row, to_row


@dataclass(frozen=True)
class SharedText:
    """A part of the close, and who reads it besides the student (parents, trainer)."""

    text: str = ""
    readers: tuple[Person, ...] = ()


@dataclass(frozen=True)
class Owner:
    """Someone at the table who can take on an agreement, by the name the student reads."""

    role: Person
    name: str


@dataclass
class Closing:
    """What student and coach write down together at the end."""

    summary: SharedText = field(default_factory=SharedText)
    insights: dict[Competence, SharedText] = field(default_factory=dict)
    views: dict[NoteKind, SharedText] = field(default_factory=dict)
    agreements: list[Agreement] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    next_appointment: dt.date | None = None
    next_time: dt.time | None = None
    next_place: str = ""
    private_note: str = ""
    share_with_parents: bool = False
    share_with_trainer: bool = False
    read_back: bool = False
    """Whether the student's version was read back together before closing."""


def _shared(part: SharedText) -> dict[str, Any]:
    return {"text": part.text, "readers": [r.value for r in part.readers]}


def _unshared(value: dict[str, Any]) -> SharedText:
    return SharedText(value["text"], tuple(Person(r) for r in value["readers"]))


def _optional(value: dt.date | dt.time | None) -> str | None:
    return None if value is None else value.isoformat()


def closing_to_json(closing: Closing) -> str:
    """Return the close as JSON, for the draft that survives a crash."""
    return json.dumps(
        {
            "summary": _shared(closing.summary),
            "insights": {c.value: _shared(p) for c, p in closing.insights.items()},
            "views": {k.value: _shared(p) for k, p in closing.views.items()},
            "agreements": [to_row(a) for a in closing.agreements],
            "goals": [to_row(g) for g in closing.goals],
            "next_appointment": _optional(closing.next_appointment),
            "next_time": _optional(closing.next_time),
            "next_place": closing.next_place,
            "private_note": closing.private_note,
            "share_with_parents": closing.share_with_parents,
            "share_with_trainer": closing.share_with_trainer,
            "read_back": closing.read_back,
        },
        ensure_ascii=False,
    )


def closing_from_json(text: str) -> Closing:
    """Return the close saved by ``closing_to_json``."""
    data = json.loads(text)
    day, time = data["next_appointment"], data["next_time"]
    return Closing(
        summary=_unshared(data["summary"]),
        insights={Competence(c): _unshared(p) for c, p in data["insights"].items()},
        views={NoteKind(k): _unshared(p) for k, p in data["views"].items()},
        agreements=[from_row(Agreement, row) for row in data["agreements"]],
        goals=[from_row(Goal, row) for row in data["goals"]],
        next_appointment=None if day is None else dt.date.fromisoformat(day),
        next_time=None if time is None else dt.time.fromisoformat(time),
        next_place=data["next_place"],
        private_note=data["private_note"],
        share_with_parents=data["share_with_parents"],
        share_with_trainer=data["share_with_trainer"],
        read_back=data["read_back"],
    )


PARTY_VIEWS = (NoteKind.VIEW_STUDENT, NoteKind.VIEW_SCHOOL, NoteKind.VIEW_COMPANY)
"""In a trialogue every party's view is recorded."""

_WORKPLACE_KINDS = (ConversationKind.TRIALOGUE, ConversationKind.PLACEMENT_VISIT)


def readers_of(note: Note) -> tuple[Person, ...]:
    return tuple(reader for reader in SHARED_READERS if reader in note.readers)


def closing_notes(student_id: str, conversation_id: str, closing: Closing) -> list[Note]:
    """Return the notes a close is stored as; the report preview reads the same ones."""

    def note(part: SharedText, kind: NoteKind, competence: Competence | None = None) -> Note | None:
        if not part.text.strip():
            return None
        return Note(
            student_id=student_id,
            conversation_id=conversation_id,
            body=part.text.strip(),
            audience=Person.STUDENT,
            readers=list(part.readers),
            kind=kind,
            competence=competence,
        )

    notes = [
        note(closing.summary, NoteKind.GENERAL),
        *(note(part, NoteKind.INSIGHT, c) for c, part in closing.insights.items()),
        *(note(part, kind) for kind, part in closing.views.items()),
    ]
    if closing.private_note.strip():
        notes.append(
            Note(
                student_id=student_id,
                conversation_id=conversation_id,
                body=closing.private_note.strip(),
                audience=COACH_ONLY,
            )
        )
    return [n for n in notes if n is not None]


def consent_giver_label(student: Student, today: dt.date) -> str:
    """Say who decides about sharing, following the age rules ("de student (17 jaar)")."""
    age = student.age_on(today)
    if consent_giver(age) is Person.STUDENT:
        return _("the student ({age} years)").format(age=age)
    if age is None:
        return _("a parent (age unknown)")
    return _("a parent (the student is {age})").format(age=age)


def needs_party_views(kind: ConversationKind) -> bool:
    """Return whether a conversation records the views of student, school and company."""
    return kind in _WORKPLACE_KINDS


def version_contents(
    closing: Closing, reader: Person, earlier_goals: Iterable[GoalStatus] = ()
) -> list[str]:
    """Name the parts of the close that ``reader``'s version will hold, in reading order.

    Shown beside each version while the close is written, so nobody at the table is surprised
    by what the parents or the praktijkopleider get. ``earlier_goals`` are the statuses the
    earlier goals have now: the report lists every current goal, old or new.
    """
    parts = [
        label
        for label, part in (
            (_("the student's words"), closing.summary),
            *((_("what the student found out"), p) for p in closing.insights.values()),
            *((_("each party's view"), p) for p in closing.views.values()),
        )
        if part.text.strip() and reader in part.readers
    ]
    if closing.agreements:
        parts.append(_("the agreements"))
    if GoalStatus.ACTIVE in (*(g.status for g in closing.goals), *earlier_goals):
        parts.append(_("the goals"))
    if closing.next_appointment:
        parts.append(_("the next appointment"))
    return list(dict.fromkeys(parts))


def closing_state(conversation: Conversation) -> str:
    """Say where the close stands: when it was closed, changed since, read back together."""
    parts = []
    if conversation.closed_at:
        parts.append(_("Closed on {date}").format(date=short_date(conversation.closed_at.date())))
    if conversation.edited_after_close_at:
        parts.append(
            _("changed after closing on {date}").format(
                date=short_date(conversation.edited_after_close_at.date())
            )
        )
    if conversation.read_back_at:
        parts.append(_("read back together"))
    return " · ".join(parts)
