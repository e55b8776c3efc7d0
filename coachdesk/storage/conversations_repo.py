"""Conversations, their participants, the parts written at the close, and closing drafts."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from coachdesk.domain.agreements import Agreement
from coachdesk.domain.audience import Note
from coachdesk.domain.consents import Consent, ConsentSubject
from coachdesk.domain.conversations import Conversation, Participant
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.people import Person
from coachdesk.domain.records import Record, utc_now
from coachdesk.storage.database import Store
from coachdesk.storage.rows import from_row
from coachdesk.storage.table_repo import Repository

P = TypeVar("P", bound=Record)


class ConversationsRepository(Repository[Conversation]):
    """Conversations, newest first, alone or with the student's number."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "conversations", Conversation)

    def for_student(self, student_id: str) -> list[Conversation]:
        """Return one student's conversations, newest first."""
        return self.select("student_id = ?", [student_id], order_by="date DESC, created_at DESC")

    def in_period(self, student_id: str, start: dt.date, end: dt.date) -> list[Conversation]:
        """Return one student's conversations dated from ``start`` to ``end``, oldest first."""
        return self.select(
            "student_id = ? AND date BETWEEN ? AND ?",
            [student_id, start.isoformat(), end.isoformat()],
            order_by="date",
        )

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
            for row in self.store.query(sql, params)
        ]


class ParticipantsRepository(Repository[Participant]):
    """Who took part in which conversation."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "participants", Participant)

    def for_conversation(self, conversation_id: str) -> list[Participant]:
        """Return the participants of one conversation in the order they were added."""
        return self.select("conversation_id = ?", [conversation_id], order_by="rowid")


class ConversationPartsRepository(Repository[P]):
    """A table whose rows belong to one conversation: agreements, goals, consents, notes."""

    def for_conversation(self, conversation_id: str) -> list[P]:
        """Return the rows of one conversation in the order they were written."""
        return self.select("conversation_id = ?", [conversation_id], order_by="rowid")


class AgreementsRepository(ConversationPartsRepository[Agreement]):
    """Agreements, also in the order they were made over all of a student's conversations."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "agreements", Agreement)

    def oldest_first(self, student_id: str) -> list[Agreement]:
        """Return one student's agreements in the order they were made."""
        return self.select("student_id = ?", [student_id], order_by="created_at, rowid")


class ConsentsRepository(ConversationPartsRepository[Consent]):
    """Consents, given at one conversation or standing for the student."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "consents", Consent)

    def for_recipient(
        self, student_id: str, recipient: Person, subject: ConsentSubject, conversation_id: str
    ) -> list[Consent]:
        """Return what was decided for ``recipient`` and ``subject``, oldest first.

        Both the consents given at ``conversation_id`` and the student's standing ones.
        """
        return self.select(
            "student_id = ? AND recipient = ? AND subject = ? "
            "AND (conversation_id = ? OR conversation_id IS NULL)",
            [student_id, recipient.value, subject.value, conversation_id],
            order_by="date, rowid",
        )


class NotesRepository(ConversationPartsRepository[Note]):
    """Notes; within a conversation the live keywords are kept apart from the close."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "notes", Note)

    def live_notes(self, conversation_id: str) -> list[Note]:
        """Return the keywords typed during a conversation, one note per question."""
        return self.select(
            "conversation_id = ? AND kind = ?",
            [conversation_id, NoteKind.LIVE.value],
            order_by="rowid",
        )

    def delete_closing_notes(self, conversation_id: str) -> None:
        """Remove what was written at the close (a new close replaces it); keywords stay."""
        with self.store.atomic() as db:
            db.execute(
                "DELETE FROM notes WHERE conversation_id = ? AND kind != ?",
                [conversation_id, NoteKind.LIVE.value],
            )


class ClosingDraftsRepository:
    """The close being written, saved as it is typed, until the conversation is closed."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, conversation_id: str) -> tuple[str, dt.datetime] | None:
        """Return the saved draft (JSON) and when it was saved, or ``None``."""
        row = self.store.execute(
            "SELECT body, saved_at FROM closing_drafts WHERE conversation_id = ?",
            [conversation_id],
        ).fetchone()
        return None if row is None else (str(row[0]), dt.datetime.fromisoformat(row[1]))

    def save(self, conversation_id: str, body: str) -> None:
        """Keep the newest draft of one conversation's close."""
        with self.store.atomic() as db:
            db.execute(
                "INSERT INTO closing_drafts (conversation_id, body, saved_at) VALUES (?, ?, ?) "
                "ON CONFLICT(conversation_id) DO UPDATE SET body = excluded.body, "
                "saved_at = excluded.saved_at",
                [conversation_id, body, utc_now().isoformat()],
            )

    def delete(self, conversation_id: str) -> None:
        """Forget the draft once the close is stored."""
        with self.store.atomic() as db:
            db.execute("DELETE FROM closing_drafts WHERE conversation_id = ?", [conversation_id])
