"""Conversations and their participants."""

from __future__ import annotations

from coachdesk.domain.conversations import Conversation, Participant
from coachdesk.storage.database import Store
from coachdesk.storage.repository import Repository
from coachdesk.storage.rows import from_row


class ConversationsRepository(Repository[Conversation]):
    """Conversations, newest first, alone or with the student's number."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "conversations", Conversation)

    def for_student(self, student_id: str) -> list[Conversation]:
        """Return one student's conversations, newest first."""
        return self.select("student_id = ?", [student_id], order_by="date DESC, created_at DESC")

    def with_student_numbers(
        self, student_number: str | None = None
    ) -> list[tuple[Conversation, str]]:
        """Return conversations with their student's number, oldest first, for listings."""
        sql = (
            "SELECT c.*, s.student_number AS _student_number FROM conversations c "
            "JOIN students s ON s.id = c.student_id"
        )
        params: list[str] = []
        if student_number is not None:
            sql += " WHERE s.student_number = ?"
            params.append(student_number)
        sql += " ORDER BY c.date, s.student_number, c.created_at"
        return [
            (from_row(Conversation, row), row["_student_number"])
            for row in self.store.db.query(sql, params)
        ]


class ParticipantsRepository(Repository[Participant]):
    """Who took part in which conversation."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "participants", Participant)

    def for_conversation(self, conversation_id: str) -> list[Participant]:
        """Return the participants of one conversation in the order they were added."""
        return self.select("conversation_id = ?", [conversation_id], order_by="rowid")
