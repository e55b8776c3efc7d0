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
WITH talks AS (
  SELECT student_id,
    max(CASE WHEN state != :prepared AND date <= :today THEN date END) AS last,
    sum(CASE WHEN state != :prepared AND date BETWEEN :year_start AND :today THEN 1 ELSE 0 END)
      AS this_year,
    min(CASE WHEN state = :prepared AND date >= :today THEN date END) AS planned
  FROM conversations GROUP BY student_id
), agreed AS (
  SELECT student_id, next_appointment FROM (
    SELECT student_id, next_appointment, row_number() OVER (
        PARTITION BY student_id ORDER BY coalesce(closed_at, date) DESC, date DESC
      ) AS recency
    FROM conversations WHERE state = :closed
  ) WHERE recency = 1 AND next_appointment >= :today
), promises AS (
  SELECT student_id, sum(status = :open) AS open,
    sum(status = :open AND due_date < :today) AS overdue
  FROM agreements GROUP BY student_id
)
SELECT s.*, t.last AS _last, coalesce(t.this_year, 0) AS _this_year,
  CASE WHEN t.planned IS NULL OR a.next_appointment < t.planned THEN a.next_appointment
    ELSE t.planned END AS _planned,
  coalesce(p.open, 0) AS _open, coalesce(p.overdue, 0) AS _overdue,
  (SELECT e.organisation FROM experiences e
     WHERE e.student_id = s.id AND e.kind = :internship AND e.start_date <= :today
     ORDER BY (e.end_date IS NULL OR e.end_date >= :today) DESC, e.start_date DESC
     LIMIT 1) AS _company
FROM students s
LEFT JOIN talks t ON t.student_id = s.id
LEFT JOIN agreed a ON a.student_id = s.id
LEFT JOIN promises p ON p.student_id = s.id
"""


@dataclass(frozen=True)
class CaseloadFacts:
    """A student with their latest conversation, plans, agreements and internship company."""

    student: Student
    last_conversation: dt.date | None
    held_this_year: int
    planned_conversation: dt.date | None
    """The next conversation: the earliest of one planned and the one agreed at the last close."""
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
            "closed": ConversationState.CLOSED.value,
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
