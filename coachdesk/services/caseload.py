"""The coach's caseload: who the students are and who is due a conversation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coachdesk.domain.school_year import Cadence, next_due, school_year_start
from coachdesk.domain.students import Student, StudentStatus
from coachdesk.storage.repositories import Repositories


@dataclass(frozen=True)
class CaseloadEntry:
    """One line of the caseload: the student and what the coach needs to see at a glance."""

    student: Student
    internship_company: str
    last_conversation: dt.date | None
    next_due: dt.date | None
    planned_conversation: dt.date | None
    """The next conversation: planned, or the appointment agreed when the last one closed."""
    open_agreements: int
    overdue_agreements: int

    @property
    def never_seen(self) -> bool:
        """Return whether the coach has not had a conversation with this student yet."""
        return self.last_conversation is None

    def is_overdue(self, today: dt.date) -> bool:
        """Return whether an active student's next conversation is late and none is planned."""
        return (
            self.student.status is StudentStatus.ACTIVE
            and self.next_due is not None
            and self.next_due <= today
            and self.planned_conversation is None
        )


class CaseloadService:
    """Lists students for the caseload screen and the CLI."""

    def __init__(self, repos: Repositories) -> None:
        self._repos = repos

    def students(self, *, include_archived: bool = False) -> list[Student]:
        """Return the caseload, family name first; archived students only when asked.

        Sorted as people read names (Öztürk among the O's), not by character code as SQL does.
        """
        students = self._repos.students.caseload(include_archived=include_archived)
        return sorted(students, key=lambda s: s.class_list_key)

    def overview(
        self, today: dt.date, cadence: Cadence, *, first: int | None = None
    ) -> list[CaseloadEntry]:
        """Return every student (archived too) with the facts for the caseload table.

        With ``first``, only the first that many active students: a screenful to show at once.
        """
        entries = []
        for facts in self._repos.caseload.overview(today, school_year_start(today), first=first):
            active = facts.student.status is StudentStatus.ACTIVE
            due = next_due(facts.last_conversation, facts.held_this_year, today, cadence)
            entries.append(
                CaseloadEntry(
                    student=facts.student,
                    internship_company=facts.internship_company,
                    last_conversation=facts.last_conversation,
                    next_due=due if active else None,
                    planned_conversation=facts.planned_conversation,
                    open_agreements=facts.open_agreements,
                    overdue_agreements=facts.overdue_agreements,
                )
            )
        return entries
