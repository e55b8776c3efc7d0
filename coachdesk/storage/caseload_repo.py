"""One query for the caseload overview: each student with the facts the coach scans for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coachdesk.domain.agreements import AgreementStatus
from coachdesk.domain.conversations import ConversationState
from coachdesk.domain.experiences import ExperienceKind
from coachdesk.domain.students import Student
from coachdesk.storage.database import Store
from coachdesk.storage.rows import from_row

_OVERVIEW_SQL = """
SELECT s.*,
  (SELECT max(c.date) FROM conversations c
     WHERE c.student_id = s.id AND c.state != :prepared AND c.date <= :today) AS _last,
  (SELECT count(*) FROM conversations c
     WHERE c.student_id = s.id AND c.state != :prepared
       AND c.date >= :year_start AND c.date <= :today) AS _this_year,
  (SELECT min(c.date) FROM conversations c
     WHERE c.student_id = s.id AND c.state = :prepared AND c.date >= :today) AS _planned,
  (SELECT count(*) FROM agreements a
     WHERE a.student_id = s.id AND a.status = :open) AS _open,
  (SELECT count(*) FROM agreements a
     WHERE a.student_id = s.id AND a.status = :open AND a.due_date < :today) AS _overdue,
  (SELECT e.organisation FROM experiences e
     WHERE e.student_id = s.id AND e.kind = :internship AND e.start_date <= :today
     ORDER BY (e.end_date IS NULL OR e.end_date >= :today) DESC, e.start_date DESC
     LIMIT 1) AS _company
FROM students s
"""


@dataclass(frozen=True)
class CaseloadFacts:
    """A student with their latest conversation, plans, agreements and internship company."""

    student: Student
    last_conversation: dt.date | None
    held_this_year: int
    planned_conversation: dt.date | None
    open_agreements: int
    overdue_agreements: int
    internship_company: str


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class CaseloadRepository:
    """Reads the caseload overview in one pass over the students."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def overview(self, today: dt.date, year_start: dt.date) -> list[CaseloadFacts]:
        """Return every student (archived too) with their facts as of ``today``."""
        params = {
            "today": today.isoformat(),
            "year_start": year_start.isoformat(),
            "prepared": ConversationState.PREPARED.value,
            "open": AgreementStatus.OPEN.value,
            "internship": ExperienceKind.INTERNSHIP.value,
        }
        return [
            CaseloadFacts(
                student=from_row(Student, row),
                last_conversation=_date(row["_last"]),
                held_this_year=int(row["_this_year"]),
                planned_conversation=_date(row["_planned"]),
                open_agreements=int(row["_open"]),
                overdue_agreements=int(row["_overdue"]),
                internship_company=row["_company"] or "",
            )
            for row in self.store.db.query(_OVERVIEW_SQL, params)
        ]
