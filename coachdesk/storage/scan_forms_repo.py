"""Fillable scan forms: the forms made in this store, and what came back in them."""

from __future__ import annotations

from coachdesk.domain.scan_forms import ScanForm, store_fingerprint
from coachdesk.storage.database import Store
from coachdesk.storage.repository import Repository
from coachdesk.storage.store_identity import read_identity


class ScanFormsRepository(Repository[ScanForm]):
    """Forms by id, per student and per conversation; and this store's fingerprint on them."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "scan_forms", ScanForm)

    def store_fingerprint(self) -> str:
        """Return the fingerprint every form made in this store carries."""
        return store_fingerprint(read_identity(self.store.db.conn) or self.store.path.name)

    def read_in_for_conversation(self, conversation_id: str) -> list[ScanForm]:
        """Return the forms read in for one conversation, the latest first."""
        return self.select(
            "conversation_id = ? AND read_in_at IS NOT NULL",
            [conversation_id],
            order_by="read_in_at DESC",
        )

    def read_in_unlinked(self, student_id: str) -> list[ScanForm]:
        """Return a student's forms read in without a conversation to go with, latest first."""
        return self.select(
            "student_id = ? AND conversation_id IS NULL AND read_in_at IS NOT NULL",
            [student_id],
            order_by="read_in_at DESC",
        )
