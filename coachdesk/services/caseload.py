"""The coach's caseload: who the students are."""

from __future__ import annotations

from coachdesk.domain.students import Student
from coachdesk.storage.repositories import Repositories


class CaseloadService:
    """Lists students for the caseload screen and the CLI."""

    def __init__(self, repos: Repositories) -> None:
        self._repos = repos

    def students(self, *, include_archived: bool = False) -> list[Student]:
        """Return the caseload, family name first; archived students only when asked."""
        return self._repos.students.caseload(include_archived=include_archived)
