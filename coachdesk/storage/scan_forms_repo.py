"""Fillable scan forms: the forms made in this store, and what came back in them."""

from __future__ import annotations

from coachdesk.domain.people import Person
from coachdesk.domain.scan_forms import ScanForm, store_fingerprint
from coachdesk.storage.database import Store
from coachdesk.storage.store_identity import read_identity
from coachdesk.storage.table_repo import Repository


class ScanFormsRepository(Repository[ScanForm]):
    """Forms by id, per student and per conversation; and this store's fingerprint on them."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "scan_forms", ScanForm)

    def store_fingerprint(self) -> str:
        """Return the fingerprint every form made in this store carries."""
        return store_fingerprint(read_identity(self.store.conn) or self.store.path.name)

    def for_student(self, student_id: str) -> list[ScanForm]:
        """Return every form made for one student, in the order they were made."""
        return self.select("student_id = ?", [student_id], order_by="created_at, rowid")

    def read_in_for_conversation(self, conversation_id: str) -> list[ScanForm]:
        """Return the praktijkopleider's forms read in for one conversation, the latest first."""
        return self.select(
            "conversation_id = ? AND rater = ? AND read_in_at IS NOT NULL",
            [conversation_id, Person.WORKPLACE_TRAINER.value],
            order_by="read_in_at DESC",
        )

    def read_in_unlinked(self, student_id: str) -> list[ScanForm]:
        """Return the praktijkopleider's forms read in before any trialoog was planned."""
        return self.select(
            "student_id = ? AND rater = ? AND conversation_id IS NULL AND read_in_at IS NOT NULL",
            [student_id, Person.WORKPLACE_TRAINER.value],
            order_by="read_in_at DESC",
        )
