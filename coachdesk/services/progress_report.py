"""Voortgangsoverzicht: experiences, conversations, goals and agreements over a period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coachdesk.domain.agreements import Agreement, Goal, GoalStatus
from coachdesk.domain.conversations import Conversation, ConversationState
from coachdesk.domain.experiences import Experience
from coachdesk.domain.people import COACH_ONLY
from coachdesk.domain.school_year import school_year_start
from coachdesk.domain.students import Student
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.services.audit import audit_store
from coachdesk.services.competence_scan import CompetenceScans, ScanHistory
from coachdesk.storage.repositories import Repositories


@dataclass(frozen=True)
class ProgressReport:
    """What the overview shows; private notes and referrals are never part of it."""

    student: Student
    start: dt.date
    end: dt.date
    school_name: str
    experiences: list[Experience]
    conversations: list[Conversation]
    goals: list[Goal]
    agreements: list[Agreement]
    scans: ScanHistory


class ProgressReports:
    """Collects a student's progress over a period (default: the current school year)."""

    def __init__(self, repos: Repositories) -> None:
        self._repos = repos

    def build(
        self,
        student_number: str,
        start: dt.date | None = None,
        end: dt.date | None = None,
        school_name: str = "",
        today: dt.date | None = None,
    ) -> ProgressReport:
        """Return the overview; an unknown student or an empty period is a clear error."""
        day = today or dt.date.today()
        start = start or school_year_start(day)
        end = end or day
        if end < start:
            raise ValidationError(_("The period ends before it starts."))
        repos = self._repos
        student = repos.students.by_number(student_number)
        if student is None:
            raise ValidationError(
                _("There is no student with student number {number}.").format(number=student_number)
            )
        conversations = [
            c
            for c in repos.conversations.in_period(student.id, start, end)
            if c.state is not ConversationState.PREPARED
        ]
        held = {c.id for c in conversations}
        audit_store(repos.store, "progress-report", student=student.id)
        return ProgressReport(
            student=student,
            start=start,
            end=end,
            school_name=school_name,
            experiences=[
                e
                for e in repos.experiences.in_period(student.id, start, end)
                if e.audience is not COACH_ONLY
            ],
            conversations=conversations,
            goals=_goals_in_period(repos.goals.for_student(student.id), start, end),
            agreements=[
                a
                for a in repos.agreements.oldest_first(student.id)
                if a.conversation_id in held and a.audience is not COACH_ONLY
            ],
            scans=CompetenceScans(repos).history(student.id),
        )


def _goals_in_period(goals: list[Goal], start: dt.date, end: dt.date) -> list[Goal]:
    """Return each goal once, if the period saw it: set in it, still open, or finished in it.

    A goal carried into a new conversation is stored again under the same words; the
    overview shows its latest record, so a parent does not read the same goal twice.
    """
    latest: dict[str, Goal] = {}
    for goal in sorted(goals, key=lambda g: g.updated_at):
        if goal.audience is COACH_ONLY or goal.created_at.date() > end:
            continue
        if goal.status is not GoalStatus.ACTIVE and goal.updated_at.date() < start:
            continue
        latest[" ".join(goal.description.casefold().split())] = goal
    return sorted(latest.values(), key=lambda g: g.created_at)
