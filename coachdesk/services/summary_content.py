"""What a conversation summary may say, per reader: student, parents or workplace trainer.

The student reads everything that is not private. Parents and the workplace trainer read
only what is labelled for them, and only when consent to share was recorded. Private
notes, live keywords and referrals never reach any summary.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from coachdesk.domain.agreements import Agreement, Goal, GoalStatus, agreement_sentence
from coachdesk.domain.audience import Note, readable_by
from coachdesk.domain.competences import Competence
from coachdesk.domain.consents import ConsentSubject
from coachdesk.domain.conversations import (
    Conversation,
    ConversationKind,
    ConversationState,
    Participant,
)
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.people import COACH_ONLY, Person
from coachdesk.domain.students import Student
from coachdesk.errors import ValidationError
from coachdesk.file_names import name_part
from coachdesk.i18n import N_, _
from coachdesk.i18n.dates import clock_time, weekday_date
from coachdesk.services.audit import audit_store
from coachdesk.services.closing import PARTY_VIEWS, Closing, closing_notes
from coachdesk.services.settings import SettingsService
from coachdesk.storage.repositories import Repositories

_TITLES = {
    ConversationKind.DIALOGUE: N_("Report of a career conversation"),
    ConversationKind.TRIALOGUE: N_("Report of a trialogue"),
    ConversationKind.PROGRESS: N_("Report of a progress conversation"),
    ConversationKind.INTAKE: N_("Report of an intake conversation"),
    ConversationKind.PARENTS: N_("Report of a parent conversation"),
    ConversationKind.PLACEMENT_VISIT: N_("Report of an internship visit"),
    ConversationKind.SCAN_REVIEW: N_("Report of a competence scan conversation"),
}


@dataclass(frozen=True)
class Summary:
    """Everything one reader's version of a conversation report holds, already filtered."""

    reader: Person
    title: str
    school_name: str
    student: Student
    conversation: Conversation
    coach_contact: str
    """How parents and the praktijkopleider reach the coach, from the settings; may be empty."""
    participants: list[Participant]
    summary: str
    insights: list[tuple[Competence, str]]
    views: list[tuple[str, str]]
    agreements: list[str]
    """Each agreement as a sentence: "Fatima maakt een weekplanning — uiterlijk 18 december"."""
    goals: list[Goal]
    next_appointment: str
    """Date, time and place of the next meeting in words, or empty."""
    signatures: list[str]
    """The roles that sign, in order: student, coach, workplace trainer (trialogue), parent."""


def next_appointment_text(conversation: Conversation) -> str:
    """Return "donderdag 21 januari 2027 om 14:30, Bakkerij Van Dam", or empty when none."""
    day = conversation.next_appointment
    if day is None:
        return ""
    text = weekday_date(day)
    if conversation.next_appointment_time is not None:
        text = _("{date} at {time}").format(
            date=text, time=clock_time(conversation.next_appointment_time)
        )
    place = conversation.next_appointment_place.strip()
    return f"{text}, {place}" if place else text


class SummaryContent:
    """Builds the filtered content of a conversation report."""

    def __init__(self, repos: Repositories) -> None:
        self._repos = repos

    def _conversation(self, conversation_id: str) -> tuple[Conversation, Student]:
        conversation = self._repos.conversations.get(conversation_id)
        if conversation is None:
            raise ValidationError(
                _("There is no conversation with id {id}.").format(id=conversation_id)
            )
        student = self._repos.students.get(conversation.student_id)
        assert student is not None
        return conversation, student

    def build(self, conversation_id: str, reader: Person, school_name: str = "") -> Summary:
        """Return the report for ``reader``; refuse when consent to share with them is missing."""
        repos = self._repos
        conversation, student = self._conversation(conversation_id)
        if conversation.state is not ConversationState.CLOSED:
            raise ValidationError(
                _(
                    "This conversation has not been closed yet. Close it together first; "
                    "the report is made from what you wrote down then."
                )
            )
        if reader is not Person.STUDENT and not self._consented(conversation, reader):
            raise ValidationError(
                _(
                    "There is no consent to share this report {reader}. Record it when "
                    "closing the conversation together."
                ).format(reader=reader.report_label)
            )
        audit_store(repos.store, "report", conversation=conversation_id, reader=reader.value)
        return self._assemble(
            reader,
            school_name=school_name,
            student=student,
            conversation=conversation,
            notes=repos.notes.for_conversation(conversation_id),
            agreements=repos.agreements.for_conversation(conversation_id),
            goals=repos.goals.for_student(student.id),
        )

    def preview(self, conversation_id: str, closing: Closing, school_name: str = "") -> Summary:
        """Return the student's version as it will read once ``closing`` is stored.

        Read back together before closing; it is assembled exactly as ``build`` does after
        the close, so the screen and the student's PDF say the same.
        """
        conversation, student = self._conversation(conversation_id)
        closed = dataclasses.replace(
            conversation,
            summary=closing.summary.text.strip(),
            next_appointment=closing.next_appointment,
            next_appointment_time=closing.next_time,
            next_appointment_place=closing.next_place.strip(),
        )
        changed = {g.id: g for g in closing.goals}
        stored = self._repos.goals.for_student(student.id)
        goals = [changed.pop(g.id, g) for g in stored] + list(changed.values())
        return self._assemble(
            Person.STUDENT,
            school_name=school_name,
            student=student,
            conversation=closed,
            notes=closing_notes(student.id, conversation_id, closing),
            agreements=closing.agreements,
            goals=goals,
        )

    def _coach_contact(self, participants: list[Participant]) -> str:
        """Return the contact details from the settings, if they are this conversation's coach's.

        A conversation held by another coach (from a handover dossier, or before the coach's
        name changed) must not send parents to the wrong person.
        """
        settings = SettingsService(self._repos.store)
        own_name = settings.coach_name().strip()
        coaches = {p.name.strip() for p in participants if p.role is Person.COACH} - {""}
        return settings.coach_contact() if not own_name or coaches <= {own_name} else ""

    def _assemble(
        self,
        reader: Person,
        *,
        school_name: str,
        student: Student,
        conversation: Conversation,
        notes: list[Note],
        agreements: list[Agreement],
        goals: list[Goal],
    ) -> Summary:
        shown = [n for n in notes if n.kind is not NoteKind.LIVE and readable_by(n, reader)]
        summary_note = next((n for n in shown if n.kind is NoteKind.GENERAL), None)
        participants = self._repos.participants.for_conversation(conversation.id)
        return Summary(
            reader=reader,
            title=_(_TITLES[conversation.kind]),
            school_name=school_name,
            student=student,
            conversation=conversation,
            coach_contact=self._coach_contact(participants),
            participants=participants,
            summary=conversation.summary if summary_note else "",
            insights=[
                (n.competence, n.body) for n in shown if n.kind is NoteKind.INSIGHT and n.competence
            ],
            views=[(n.kind.label, n.body) for n in shown if n.kind in PARTY_VIEWS],
            agreements=[
                agreement_sentence(a, student.given_name, conversation.date)
                for a in agreements
                if a.audience is not COACH_ONLY and a.description.strip()
            ],
            goals=[
                g for g in goals if g.status is GoalStatus.ACTIVE and g.audience is not COACH_ONLY
            ],
            next_appointment=next_appointment_text(conversation),
            signatures=self._signatures(conversation, participants),
        )

    def _consented(self, conversation: Conversation, reader: Person) -> bool:
        """Consent given at this conversation wins; otherwise the student's standing consent."""
        consents = self._repos.consents.for_recipient(
            conversation.student_id,
            reader,
            ConsentSubject.SUMMARY,
            conversation.id,
        )
        specific = [c for c in consents if c.conversation_id == conversation.id]
        deciding = specific or consents
        return bool(deciding) and deciding[-1].granted

    @staticmethod
    def _signatures(conversation: Conversation, participants: list[Participant]) -> list[str]:
        roles = [Person.STUDENT, Person.COACH]
        present = {p.role for p in participants}
        if conversation.kind is ConversationKind.TRIALOGUE or Person.WORKPLACE_TRAINER in present:
            roles.append(Person.WORKPLACE_TRAINER)
        if Person.PARENTS in present:
            roles.append(Person.PARENTS)
        return [role.label for role in roles]


def default_file_name(summary: Summary) -> str:
    """Return a file name a coach recognises: verslag-zoe-2026-11-22-ouders.pdf."""
    name = name_part(summary.student.given_name, "student")
    return _("report-{name}-{date}-{reader}.pdf").format(
        name=name, date=summary.conversation.date.isoformat(), reader=summary.reader.value
    )
