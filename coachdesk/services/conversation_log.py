"""Listing conversations, for the CLI and overviews."""

from __future__ import annotations

from coachdesk.domain.conversations import Conversation
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.storage.repositories import Repositories


class ConversationLog:
    """Conversations with the student number they belong to."""

    def __init__(self, repos: Repositories) -> None:
        self._repos = repos

    def conversations(self, student_number: str | None = None) -> list[tuple[Conversation, str]]:
        """Return every conversation, or one student's, oldest first.

        An unknown student number is an input error, not an empty list, so a typo is noticed.
        """
        if student_number is not None and self._repos.students.by_number(student_number) is None:
            raise ValidationError(
                _("There is no student with student number {number}.").format(number=student_number)
            )
        return self._repos.conversations.with_student_numbers(student_number)

    def for_student(self, student_id: str) -> list[Conversation]:
        """Return one student's conversations, newest first."""
        return self._repos.conversations.for_student(student_id)
