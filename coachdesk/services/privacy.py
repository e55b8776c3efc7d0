"""The AVG rights of a student: see everything (inzage), be erased, and not be kept too long."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from coachdesk.domain.students import RETENTION_YEARS, Student, StudentStatus, retention_limit
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.savefile import save_text
from coachdesk.services.audit import audit_store
from coachdesk.services.dossier import Dossiers
from coachdesk.services.progress_report import ProgressReport, ProgressReports
from coachdesk.storage.erasure import erase_students
from coachdesk.storage.repositories import Repositories
from coachdesk.storage.rows import to_row


@dataclass(frozen=True)
class Inzage:
    """Everything about one student: machine-readable content and a readable overview."""

    content: dict[str, object]
    overview: ProgressReport


class Privacy:
    """Inzage, erasure and retention over one store."""

    def __init__(self, repos: Repositories) -> None:
        self._repos = repos

    def _student(self, student_number: str) -> Student:
        student = self._repos.students.by_number(student_number)
        if student is None:
            raise ValidationError(
                _("There is no student with student number {number}.").format(number=student_number)
            )
        return student

    def inzage(self, student_number: str, today: dt.date | None = None) -> Inzage:
        """Return all data about a student, private notes and referrals included."""
        student = self._student(student_number)
        content = Dossiers(self._repos).content([student_number], include_private=True)
        # A close still being written is data about the student too (it may hold a private note).
        content["students"][0]["closing_drafts"] = [
            {"conversation_id": conversation.id, "draft": json.loads(draft[0])}
            for conversation in self._repos.conversations.for_student(student.id)
            if (draft := self._repos.closing_drafts.get(conversation.id)) is not None
        ]
        # So is what a praktijkopleider or the student wrote on a scan form.
        content["students"][0]["scan_forms"] = [
            to_row(form) for form in self._repos.scan_forms.for_student(student.id)
        ]
        first = student.created_at.date()
        overview = ProgressReports(self._repos).build(
            student_number, min(first, today or first), today, today=today
        )
        audit_store(self._repos.store, "inzage", student=student.id)
        return Inzage(content, overview)

    def write_inzage_json(self, inzage: Inzage, target: Path) -> Path:
        """Write the machine-readable part of an inzage (atomically)."""
        return save_text(target, json.dumps(inzage.content, ensure_ascii=False, indent=1))

    def erase(self, student_number: str, today: dt.date | None = None) -> str:
        """Erase a student completely (older backups cannot bring them back); return the id."""
        student = self._student(student_number)
        erase_students(self._repos.store, [student.id], today or dt.date.today())
        audit_store(self._repos.store, "erase", student=student.id)
        return student.id

    def due_for_erasure(
        self, today: dt.date | None = None, years: int = RETENTION_YEARS
    ) -> list[Student]:
        """Return archived students who left more than ``years`` ago ("Te verwijderen")."""
        limit = retention_limit(today or dt.date.today(), years)
        return [
            s
            for s in self._repos.students.caseload(include_archived=True)
            if s.status is StudentStatus.ARCHIVED
            and s.leave_date is not None
            and s.leave_date < limit
        ]
