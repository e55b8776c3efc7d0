"""Before a conversation: last time's agreements, open goals and what happened since then."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coachdesk.domain.agreements import STILL_TO_DO, Agreement, Goal, GoalStatus
from coachdesk.domain.competences import SCAN_RATERS, CompetenceScan
from coachdesk.domain.conversations import Conversation, ConversationState, Participant
from coachdesk.domain.experiences import Experience
from coachdesk.domain.reflections import Reflection
from coachdesk.domain.scan_forms import ScanForm
from coachdesk.domain.students import Student
from coachdesk.services.closing import needs_party_views
from coachdesk.services.competence_scan import ScanHistory
from coachdesk.storage.repositories import Repositories


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
    trainer_forms: list[ScanForm]
    """What the praktijkopleider sent back on a form for this trialoog, the latest first."""


def preparation_for(repos: Repositories, conversation: Conversation) -> Preparation:
    """Return what the coach reads before ``conversation``.

    Agreements still open (or partly done) come back by themselves, with every agreement of
    the previous conversation; experiences and reflections since that conversation.
    """
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
    agreements = [
        a
        for a in repos.agreements.oldest_first(student.id)
        if a.conversation_id != conversation.id
        and (a.status in STILL_TO_DO or (previous is not None and a.conversation_id == previous.id))
    ]
    scans = repos.scans.newest_first(student.id)
    latest = [s for s in scans if s.date == scans[0].date] if scans else []
    latest.sort(key=lambda scan: SCAN_RATERS.index(scan.rater))  # the student's view first
    return Preparation(
        conversation=conversation,
        student=student,
        participants=repos.participants.for_conversation(conversation.id),
        previous=previous,
        earlier_agreements=agreements,
        open_goals=[
            g for g in repos.goals.for_student(student.id) if g.status is GoalStatus.ACTIVE
        ],
        recent_experiences=[
            e for e in repos.experiences.newest_first(student.id) if e.start_date >= since
        ],
        recent_reflections=[
            r for r in repos.reflections.newest_first(student.id) if r.created_at.date() >= since
        ],
        latest_scan=latest,
        scan_history=ScanHistory(sorted({s.date for s in scans}), scans),
        trainer_forms=trainer_forms(repos, conversation),
    )


def trainer_forms(repos: Repositories, conversation: Conversation) -> list[ScanForm]:
    """Return the praktijkopleider's forms for a trialoog still to close, latest first.

    A form read in before the trialoog was planned belongs to the next one planned.
    """
    if not needs_party_views(conversation.kind):
        return []
    forms = repos.scan_forms.read_in_for_conversation(conversation.id)
    if conversation.state is ConversationState.CLOSED:
        return forms
    return forms + repos.scan_forms.read_in_unlinked(conversation.student_id)
