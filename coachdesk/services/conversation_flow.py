"""Prepare, hold and close a conversation, and decide what the screen may show during it.

Every step is one transaction. Agreements that are still open or partly done come back
in the next conversation's preparation without anyone copying them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from coachdesk.domain.agreements import Agreement, AgreementStatus, Goal, GoalStatus
from coachdesk.domain.audience import Audience, Note
from coachdesk.domain.competences import SCAN_RATERS, Competence, CompetenceScan
from coachdesk.domain.consents import Consent, ConsentSubject, consent_giver
from coachdesk.domain.conversations import (
    Conversation,
    ConversationKind,
    ConversationState,
    Participant,
)
from coachdesk.domain.experiences import Experience
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.records import utc_now
from coachdesk.domain.reflections import Reflection
from coachdesk.domain.roles import Role
from coachdesk.domain.students import Contact, ContactRole, Student
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.services.audit import audit_store
from coachdesk.services.competence_scan import ScanHistory
from coachdesk.storage.repositories import Repositories

PARTY_VIEWS = (NoteKind.VIEW_STUDENT, NoteKind.VIEW_SCHOOL, NoteKind.VIEW_COMPANY)
"""In a trialogue every party's view is recorded."""

_WORKPLACE_KINDS = (ConversationKind.TRIALOGUE, ConversationKind.PLACEMENT_VISIT)


@dataclass(frozen=True)
class Preparation:
    """What the coach reads before the conversation: last time, and what happened since."""

    conversation: Conversation
    student: Student
    participants: list[Participant]
    previous: Conversation | None
    earlier_agreements: list[Agreement]
    open_goals: list[Goal]
    recent_experiences: list[Experience]
    recent_reflections: list[Reflection]
    latest_scan: list[CompetenceScan]
    scan_history: ScanHistory


@dataclass(frozen=True)
class CalmView:
    """All the screen shows during a conversation: a first name, questions, keywords."""

    first_name: str
    questions: list[str]
    live_notes: str


@dataclass
class Closing:
    """What student and coach write down together at the end."""

    summary: str = ""
    summary_audience: Audience = Audience.PARENTS
    insights: dict[Competence, tuple[str, Audience]] = field(default_factory=dict)
    views: dict[NoteKind, tuple[str, Audience]] = field(default_factory=dict)
    agreements: list[Agreement] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    next_appointment: dt.date | None = None
    private_note: str = ""
    share_with_parents: bool = False
    share_with_trainer: bool = False


def default_participants(
    student: Student, kind: ConversationKind, coach_name: str, contacts: list[Contact]
) -> list[tuple[Role, str, str | None]]:
    """Return who normally sits at the table for ``kind``: always student and coach."""
    people: list[tuple[Role, str, str | None]] = [
        (Role.STUDENT, student.full_name, None),
        (Role.COACH, coach_name, None),
    ]
    wanted = {
        ConversationKind.TRIALOGUE: ContactRole.WORKPLACE_TRAINER,
        ConversationKind.PLACEMENT_VISIT: ContactRole.WORKPLACE_TRAINER,
        ConversationKind.PARENTS: ContactRole.PARENT,
    }.get(kind)
    role = Role.WORKPLACE_TRAINER if wanted is ContactRole.WORKPLACE_TRAINER else Role.PARENT
    for contact in contacts:
        if contact.role is wanted:
            people.append((role, contact.name, contact.id))
            break
    return people


class ConversationFlow:
    """The three steps of a conversation over one store."""

    def __init__(self, repos: Repositories) -> None:
        self._repos = repos

    def _conversation(self, conversation_id: str) -> Conversation:
        conversation = self._repos.conversations.get(conversation_id)
        if conversation is None:
            raise ValidationError(_("This conversation no longer exists."))
        return conversation

    def start(
        self,
        student_id: str,
        kind: ConversationKind,
        date: dt.date,
        participants: list[tuple[Role, str, str | None]],
    ) -> Conversation:
        """Plan a conversation with its participants; it starts in the "prepared" state."""
        if not any(role is Role.STUDENT for role, _name, _contact in participants):
            raise ValidationError(_("The student takes part in every conversation."))
        if kind is ConversationKind.TRIALOGUE and not any(
            role is Role.WORKPLACE_TRAINER for role, _name, _contact in participants
        ):
            raise ValidationError(_("A trialogue needs the workplace trainer at the table."))
        conversation = Conversation(student_id=student_id, kind=kind, date=date)
        with self._repos.store.atomic():
            self._repos.conversations.add(conversation)
            self._repos.participants.add_many(
                Participant(
                    conversation_id=conversation.id, role=role, name=name, contact_id=contact_id
                )
                for role, name, contact_id in participants
            )
        return conversation

    def prep_card(self, conversation_id: str) -> Preparation:
        """Return the preparation for the printed card; logged, as it leaves the app."""
        preparation = self.prepare(conversation_id)
        audit_store(self._repos.store, "prep-card", conversation=conversation_id)
        return preparation

    def prepare(self, conversation_id: str) -> Preparation:
        """Return last time's agreements, open goals and what happened since then."""
        conversation = self._conversation(conversation_id)
        repos = self._repos
        student = repos.students.get(conversation.student_id)
        assert student is not None  # conversations cascade with their student
        earlier = [
            c
            for c in repos.conversations.for_student(student.id)
            if c.id != conversation.id
            and c.state is not ConversationState.PREPARED
            and (c.date, c.created_at) <= (conversation.date, conversation.created_at)
        ]
        previous = earlier[0] if earlier else None
        since = previous.date if previous else dt.date.min
        where, params = "student_id = ?", [student.id]
        agreements = [
            a
            for a in repos.agreements.select(where, params, order_by="created_at, rowid")
            if a.conversation_id != conversation.id
            and (
                a.status in (AgreementStatus.OPEN, AgreementStatus.PARTLY)
                or (previous is not None and a.conversation_id == previous.id)
            )
        ]
        scans = repos.scans.select(where, params, order_by="date DESC")
        latest = [s for s in scans if s.date == scans[0].date] if scans else []
        latest.sort(key=lambda scan: SCAN_RATERS.index(scan.rater))  # the student's view first
        return Preparation(
            conversation=conversation,
            student=student,
            participants=repos.participants.for_conversation(conversation.id),
            previous=previous,
            earlier_agreements=agreements,
            open_goals=[
                g for g in repos.goals.select(where, params) if g.status is GoalStatus.ACTIVE
            ],
            recent_experiences=[
                e
                for e in repos.experiences.select(where, params, order_by="start_date DESC")
                if e.start_date >= since
            ],
            recent_reflections=[
                r
                for r in repos.reflections.select(where, params, order_by="created_at DESC")
                if r.created_at.date() >= since
            ],
            latest_scan=latest,
            scan_history=ScanHistory(sorted({s.date for s in scans}), scans),
        )

    def mark_agreement(self, agreement_id: str, status: AgreementStatus, outcome: str) -> Agreement:
        """Record what became of an earlier agreement."""
        agreement = self._repos.agreements.get(agreement_id)
        if agreement is None:
            raise ValidationError(_("This agreement no longer exists."))
        return self._repos.agreements.update(
            dataclasses.replace(agreement, status=status, outcome=outcome.strip())
        )

    def choose(
        self, conversation_id: str, focus: list[Competence], questions: list[str]
    ) -> Conversation:
        """Store the focus competences and the questions picked for the conversation."""
        conversation = self._conversation(conversation_id)
        return self._repos.conversations.update(
            dataclasses.replace(conversation, focus_competences=focus, questions=questions)
        )

    def calm_view(self, conversation_id: str) -> CalmView:
        """Return the only things the screen shows during the conversation.

        The student's first name and the chosen questions: no other student, no
        timeline, no private note. Entering it marks the conversation as held.
        """
        conversation = self._conversation(conversation_id)
        student = self._repos.students.get(conversation.student_id)
        assert student is not None
        if conversation.state is ConversationState.PREPARED:
            conversation = self._repos.conversations.update(
                dataclasses.replace(conversation, state=ConversationState.HELD)
            )
        live = self._live_note(conversation_id)
        return CalmView(
            student.given_name or student.full_name,
            list(conversation.questions),
            live.body if live else "",
        )

    def _live_note(self, conversation_id: str) -> Note | None:
        found = self._repos.notes.select(
            "conversation_id = ? AND kind = ?", [conversation_id, NoteKind.LIVE.value]
        )
        return found[0] if found else None

    def save_live_notes(self, conversation_id: str, text: str) -> None:
        """Keep the keywords typed during the conversation (called every second or so)."""
        note = self._live_note(conversation_id)
        if note is None:
            conversation = self._conversation(conversation_id)
            self._repos.notes.add(
                Note(
                    student_id=conversation.student_id,
                    conversation_id=conversation_id,
                    body=text,
                    kind=NoteKind.LIVE,
                    audience=Audience.PRIVATE,
                )
            )
        elif note.body != text:
            self._repos.notes.update(dataclasses.replace(note, body=text))

    def closing(self, conversation_id: str) -> Closing:
        """Return what was written at the close (empty for a conversation not yet closed)."""
        conversation = self._conversation(conversation_id)
        notes = self._repos.notes.select("conversation_id = ?", [conversation_id])
        consents = self._repos.consents.select("conversation_id = ?", [conversation_id])
        granted = {c.recipient for c in consents if c.granted}
        summary_note = next(
            (n for n in notes if n.kind is NoteKind.GENERAL and n.audience is not Audience.PRIVATE),
            None,
        )
        private = next(
            (n for n in notes if n.kind is NoteKind.GENERAL and n.audience is Audience.PRIVATE),
            None,
        )
        return Closing(
            summary=conversation.summary,
            summary_audience=summary_note.audience if summary_note else Audience.PARENTS,
            insights={
                n.competence: (n.body, n.audience)
                for n in notes
                if n.kind is NoteKind.INSIGHT and n.competence is not None
            },
            views={n.kind: (n.body, n.audience) for n in notes if n.kind in PARTY_VIEWS},
            agreements=self._repos.agreements.select(
                "conversation_id = ?", [conversation_id], order_by="rowid"
            ),
            goals=self._repos.goals.select(
                "conversation_id = ?", [conversation_id], order_by="rowid"
            ),
            next_appointment=conversation.next_appointment,
            private_note=private.body if private else "",
            share_with_parents=Role.PARENT in granted,
            share_with_trainer=Role.WORKPLACE_TRAINER in granted,
        )

    def close(
        self, conversation_id: str, closing: Closing, today: dt.date | None = None
    ) -> Conversation:
        """Save the close in one transaction; a second close marks the edit after closing."""
        conversation = self._conversation(conversation_id)
        student = self._repos.students.get(conversation.student_id)
        assert student is not None
        day = today or dt.date.today()
        already_closed = conversation.state is ConversationState.CLOSED
        repos = self._repos
        with repos.store.atomic() as db:
            db.execute(
                "DELETE FROM notes WHERE conversation_id = ? AND kind != ?",
                [conversation_id, NoteKind.LIVE.value],
            )
            db.execute("DELETE FROM consents WHERE conversation_id = ?", [conversation_id])
            kept = {a.id for a in closing.agreements}
            for old in repos.agreements.select("conversation_id = ?", [conversation_id]):
                if old.id not in kept:
                    repos.agreements.delete(old.id)
            repos.agreements.save_many(
                dataclasses.replace(a, student_id=student.id, conversation_id=conversation_id)
                for a in closing.agreements
            )
            known = {g.id for g in repos.goals.select("student_id = ?", [student.id])}
            repos.goals.save_many(
                # An earlier goal keeps where it was set; a new one belongs to this conversation.
                g
                if g.id in known
                else dataclasses.replace(g, student_id=student.id, conversation_id=conversation_id)
                for g in closing.goals
            )
            repos.notes.add_many(self._closing_notes(student.id, conversation_id, closing))
            giver = consent_giver(student.age_on(day))
            repos.consents.add_many(
                Consent(
                    student_id=student.id,
                    subject=ConsentSubject.SUMMARY,
                    recipient=recipient,
                    granted=granted,
                    given_by=giver,
                    date=day,
                    conversation_id=conversation_id,
                    basis=_("Agreed at the end of the conversation"),
                )
                for recipient, granted in (
                    (Role.PARENT, closing.share_with_parents),
                    (Role.WORKPLACE_TRAINER, closing.share_with_trainer),
                )
            )
            closed = repos.conversations.update(
                dataclasses.replace(
                    conversation,
                    summary=closing.summary.strip(),
                    next_appointment=closing.next_appointment,
                    state=ConversationState.CLOSED,
                    closed_at=conversation.closed_at or utc_now(),
                    edited_after_close_at=utc_now() if already_closed else None,
                )
            )
        audit_store(
            repos.store,
            "consent",
            subject="summary",
            conversation=conversation_id,
            parents=closing.share_with_parents,
            trainer=closing.share_with_trainer,
        )
        return closed

    @staticmethod
    def _closing_notes(student_id: str, conversation_id: str, closing: Closing) -> list[Note]:
        def note(
            body: str, audience: Audience, kind: NoteKind, competence: Competence | None = None
        ) -> Note:
            return Note(
                student_id=student_id,
                conversation_id=conversation_id,
                body=body.strip(),
                audience=audience,
                kind=kind,
                competence=competence,
            )

        notes = []
        if closing.summary.strip():
            notes.append(note(closing.summary, closing.summary_audience, NoteKind.GENERAL))
        for competence, (text, audience) in closing.insights.items():
            if text.strip():
                notes.append(note(text, audience, NoteKind.INSIGHT, competence))
        for kind, (text, audience) in closing.views.items():
            if text.strip():
                notes.append(note(text, audience, kind))
        if closing.private_note.strip():
            notes.append(note(closing.private_note, Audience.PRIVATE, NoteKind.GENERAL))
        return notes


def consent_giver_label(student: Student, today: dt.date) -> str:
    """Say who decides about sharing, following the age rules ("de student (17 jaar)")."""
    age = student.age_on(today)
    if consent_giver(age) is Role.STUDENT:
        return _("the student ({age} years)").format(age=age)
    if age is None:
        return _("a parent (age unknown)")
    return _("a parent (the student is {age})").format(age=age)


def needs_party_views(kind: ConversationKind) -> bool:
    """Return whether a conversation records the views of student, school and company."""
    return kind in _WORKPLACE_KINDS
