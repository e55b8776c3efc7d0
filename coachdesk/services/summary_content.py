"""What a conversation summary may say, per reader: student, parents or workplace trainer.

The student reads everything that is not private. Parents and the workplace trainer read
only what is labelled for them, and only when consent to share was recorded. Private
notes, live keywords and referrals never reach any summary.
"""

from __future__ import annotations

from dataclasses import dataclass

from coachdesk.domain.agreements import Agreement, Goal, GoalStatus
from coachdesk.domain.audience import Audience
from coachdesk.domain.competences import Competence
from coachdesk.domain.consents import ConsentSubject
from coachdesk.domain.conversations import (
    Conversation,
    ConversationKind,
    ConversationState,
    Participant,
)
from coachdesk.domain.labels import LabelledEnum
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.roles import Role
from coachdesk.domain.students import Student
from coachdesk.errors import ValidationError
from coachdesk.i18n import N_, _
from coachdesk.services.audit import audit_store
from coachdesk.storage.repositories import Repositories


class Reader(LabelledEnum):
    """Who a summary is made for; the value is the word the CLI takes (``--for``)."""

    STUDENT = "student"
    PARENTS = "ouders"
    WORKPLACE_TRAINER = "praktijkopleider"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "student": N_("for the student"),
            "ouders": N_("for the parents"),
            "praktijkopleider": N_("for the workplace trainer"),
        }


_READER_AUDIENCE = {
    Reader.PARENTS: Audience.PARENTS,
    Reader.WORKPLACE_TRAINER: Audience.WORKPLACE_TRAINER,
}
_READER_ROLE = {Reader.PARENTS: Role.PARENT, Reader.WORKPLACE_TRAINER: Role.WORKPLACE_TRAINER}
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

    reader: Reader
    title: str
    school_name: str
    student: Student
    conversation: Conversation
    participants: list[Participant]
    summary: str
    insights: list[tuple[Competence, str]]
    views: list[tuple[str, str]]
    agreements: list[Agreement]
    goals: list[Goal]
    signatures: list[str]
    """The roles that sign, in order: student, coach, workplace trainer (trialogue), parent."""


def _visible(audience: Audience, reader: Reader) -> bool:
    if audience is Audience.PRIVATE:
        return False
    return reader is Reader.STUDENT or audience is _READER_AUDIENCE[reader]


class SummaryContent:
    """Builds the filtered content of a conversation report."""

    def __init__(self, repos: Repositories) -> None:
        self._repos = repos

    def build(self, conversation_id: str, reader: Reader, school_name: str = "") -> Summary:
        """Return the report for ``reader``; refuse when consent to share with them is missing."""
        repos = self._repos
        conversation = repos.conversations.get(conversation_id)
        if conversation is None:
            raise ValidationError(
                _("There is no conversation with id {id}.").format(id=conversation_id)
            )
        if conversation.state is not ConversationState.CLOSED:
            raise ValidationError(
                _(
                    "This conversation has not been closed yet. Close it together first; "
                    "the report is made from what you wrote down then."
                )
            )
        student = repos.students.get(conversation.student_id)
        assert student is not None
        if reader is not Reader.STUDENT and not self._consented(conversation, reader):
            raise ValidationError(
                _(
                    "There is no consent to share this report {reader}. Record it when "
                    "closing the conversation together."
                ).format(reader=reader.label)
            )
        notes = repos.notes.select("conversation_id = ?", [conversation_id], order_by="rowid")
        summary_note = next(
            (n for n in notes if n.kind is NoteKind.GENERAL and n.audience is not Audience.PRIVATE),
            None,
        )
        show_summary = summary_note is not None and _visible(summary_note.audience, reader)
        participants = repos.participants.for_conversation(conversation_id)
        audit_store(repos.store, "report", conversation=conversation_id, reader=reader.value)
        return Summary(
            reader=reader,
            title=_(_TITLES[conversation.kind]),
            school_name=school_name,
            student=student,
            conversation=conversation,
            participants=participants,
            summary=conversation.summary if show_summary else "",
            insights=[
                (n.competence, n.body)
                for n in notes
                if n.kind is NoteKind.INSIGHT and n.competence and _visible(n.audience, reader)
            ],
            views=[
                (n.kind.label, n.body)
                for n in notes
                if n.kind in (NoteKind.VIEW_STUDENT, NoteKind.VIEW_SCHOOL, NoteKind.VIEW_COMPANY)
                and _visible(n.audience, reader)
            ],
            agreements=[
                a
                for a in repos.agreements.select(
                    "conversation_id = ?", [conversation_id], order_by="rowid"
                )
                if a.audience is not Audience.PRIVATE
            ],
            goals=[
                g
                for g in repos.goals.select("student_id = ?", [student.id], order_by="rowid")
                if g.status is GoalStatus.ACTIVE and g.audience is not Audience.PRIVATE
            ],
            signatures=self._signatures(conversation, participants),
        )

    def _consented(self, conversation: Conversation, reader: Reader) -> bool:
        """Consent given at this conversation wins; otherwise the student's standing consent."""
        consents = self._repos.consents.select(
            "student_id = ? AND recipient = ? AND subject = ? "
            "AND (conversation_id = ? OR conversation_id IS NULL)",
            [
                conversation.student_id,
                _READER_ROLE[reader].value,
                ConsentSubject.SUMMARY.value,
                conversation.id,
            ],
            order_by="date, rowid",
        )
        specific = [c for c in consents if c.conversation_id == conversation.id]
        deciding = specific or consents
        return bool(deciding) and deciding[-1].granted

    @staticmethod
    def _signatures(conversation: Conversation, participants: list[Participant]) -> list[str]:
        roles = [Role.STUDENT, Role.COACH]
        present = {p.role for p in participants}
        if conversation.kind is ConversationKind.TRIALOGUE or Role.WORKPLACE_TRAINER in present:
            roles.append(Role.WORKPLACE_TRAINER)
        if Role.PARENT in present:
            roles.append(Role.PARENT)
        return [role.label for role in roles]


def default_file_name(summary: Summary) -> str:
    """Return a file name a coach recognises: verslag-zoe-2026-11-22-ouders.pdf."""
    name = summary.student.given_name.lower().replace(" ", "-")
    return _("report-{name}-{date}-{reader}.pdf").format(
        name=name, date=summary.conversation.date.isoformat(), reader=summary.reader.value
    )
