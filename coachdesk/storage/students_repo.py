"""Students: the caseload table and its lookups."""

from __future__ import annotations

from coachdesk.domain.students import Student, StudentStatus
from coachdesk.storage.database import Store
from coachdesk.storage.table_repo import Repository

QUERY_CHUNK = 500
CASELOAD_ORDER = "family_name COLLATE NOCASE, given_name COLLATE NOCASE, student_number"
"""Class-list order; the index ``students_in_caseload_order`` (schema version 11) holds it."""


class StudentsRepository(Repository[Student]):
    """Students, found by id or by the school's student number."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "students", Student)

    def by_number(self, student_number: str) -> Student | None:
        """Return the student with this student number, if any."""
        found = self.select("student_number = ?", [student_number])
        return found[0] if found else None

    def caseload(self, *, include_archived: bool = False) -> list[Student]:
        """Return the caseload in class-list order (family name first)."""
        if include_archived:
            return self.select(order_by=CASELOAD_ORDER)
        return self.select("status = ?", [StudentStatus.ACTIVE.value], order_by=CASELOAD_ORDER)

    def numbers(self) -> set[str]:
        """Return every student number in the store."""
        return {row[0] for row in self.store.execute("SELECT student_number FROM students")}

    def by_numbers(self, numbers: list[str]) -> list[Student]:
        """Return the students with these student numbers (unknown numbers are skipped)."""
        found: list[Student] = []
        for start in range(0, len(numbers), QUERY_CHUNK):
            chunk = numbers[start : start + QUERY_CHUNK]
            marks = ", ".join("?" * len(chunk))
            found += self.select(f"student_number IN ({marks})", chunk)
        return found
