"""A student's own records (contacts, experiences, scans, reflections) and the coach's lists.

Each query a service needs has a name here, so services never write SQL themselves.
"""

from __future__ import annotations

import datetime as dt

from coachdesk.domain.competences import CompetenceScan
from coachdesk.domain.experiences import Experience
from coachdesk.domain.people import Person
from coachdesk.domain.questions import Question
from coachdesk.domain.reflections import Reflection, ReflectionTemplate, ReflectionVersion
from coachdesk.domain.students import Contact
from coachdesk.storage.database import Store
from coachdesk.storage.table_repo import Repository


class ContactsRepository(Repository[Contact]):
    """A student's contacts: parents, praktijkopleider, others."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "contacts", Contact)

    def by_role(self, student_id: str) -> list[Contact]:
        """Return one student's contacts grouped by role, by name within a role."""
        return self.select("student_id = ?", [student_id], order_by="role, name")


class ExperiencesRepository(Repository[Experience]):
    """Experiences: internships, open days, side jobs, …"""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "experiences", Experience)

    def newest_first(self, student_id: str) -> list[Experience]:
        """Return one student's experiences, the latest start first."""
        return self.select("student_id = ?", [student_id], order_by="start_date DESC")

    def in_period(self, student_id: str, start: dt.date, end: dt.date) -> list[Experience]:
        """Return one student's experiences that started from ``start`` to ``end``, oldest first."""
        return self.select(
            "student_id = ? AND start_date BETWEEN ? AND ?",
            [student_id, start.isoformat(), end.isoformat()],
            order_by="start_date",
        )


class ScansRepository(Repository[CompetenceScan]):
    """Competence scans: one row per rater per moment."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "competence_scans", CompetenceScan)

    def oldest_first(self, student_id: str) -> list[CompetenceScan]:
        """Return one student's scans, the earliest moment first."""
        return self.select("student_id = ?", [student_id], order_by="date")

    def newest_first(self, student_id: str) -> list[CompetenceScan]:
        """Return one student's scans, the latest moment first."""
        return self.select("student_id = ?", [student_id], order_by="date DESC")

    def by_rater_until(self, student_id: str, rater: Person, day: dt.date) -> list[CompetenceScan]:
        """Return the scans ``rater`` made of the student on or before ``day``, newest first."""
        return self.select(
            "student_id = ? AND rater = ? AND date <= ?",
            [student_id, rater.value, day.isoformat()],
            order_by="date DESC",
        )

    def delete_moment(self, student_id: str, day: dt.date, rater: Person) -> None:
        """Remove ``rater``'s scan of the student at ``day`` (a new one replaces it)."""
        with self.store.atomic() as db:
            db.execute(
                "DELETE FROM competence_scans WHERE student_id = ? AND date = ? AND rater = ?",
                [student_id, day.isoformat(), rater.value],
            )


class ReflectionsRepository(Repository[Reflection]):
    """Reflections of students, and the coach's own ("Mijn praktijk")."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "reflections", Reflection)

    def newest_first(self, student_id: str) -> list[Reflection]:
        """Return one student's reflections, the most recently started first."""
        return self.select("student_id = ?", [student_id], order_by="created_at DESC")

    def coach_own(self) -> list[Reflection]:
        """Return the coach's own reflections (no student), the most recently changed first."""
        return self.select("student_id IS NULL", order_by="updated_at DESC")


class ReflectionVersionsRepository(Repository[ReflectionVersion]):
    """Earlier versions of a reflection, kept so that one can be restored."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "reflection_versions", ReflectionVersion)

    def for_reflection(self, reflection_id: str) -> list[ReflectionVersion]:
        """Return the kept versions of one reflection, newest first."""
        return self.select(
            "reflection_id = ?", [reflection_id], order_by="created_at DESC, rowid DESC"
        )


class ReflectionTemplatesRepository(Repository[ReflectionTemplate]):
    """Reflection templates of the coach's own."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "reflection_templates", ReflectionTemplate)

    def by_name(self) -> list[ReflectionTemplate]:
        """Return the coach's templates in alphabetical order."""
        return self.select(order_by="name")


class QuestionsRepository(Repository[Question]):
    """Questions of the coach's own for the question bank."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "questions", Question)

    def oldest_first(self) -> list[Question]:
        """Return the coach's questions in the order they were added."""
        return self.select(order_by="created_at")
