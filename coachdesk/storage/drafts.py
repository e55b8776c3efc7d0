"""Crash-recovery drafts of reflections: small, frequent writes on their own connection.

The editor's background writer owns one ``DraftStore`` on its own connection, so a
write (and its fsync) never waits on the interface thread. Drafts hold the editor's
HTML snapshot; the Markdown body in ``reflections`` stays the portable text.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from coachdesk.domain.records import utc_now
from coachdesk.storage.cipher import DB_ERRORS
from coachdesk.storage.connection import ConnectionFactory, PlainConnectionFactory, apply_pragmas
from coachdesk.storage.store_errors import translate_sqlite_error
from coachdesk.storage.store_identity import stamp_write


@dataclass(frozen=True)
class Draft:
    """The last snapshot of a reflection that was not saved cleanly."""

    reflection_id: str
    body_html: str
    saved_at: dt.datetime


class DraftStore:
    """Reads and writes drafts on one connection (use it from one thread only).

    Each write is its own small transaction carrying the store identity (see
    store_identity.py); inside a caller's transaction it joins that one.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    @classmethod
    def open(cls, path: Path, factory: ConnectionFactory | None = None) -> DraftStore:
        """Open a connection of its own, for the thread that writes drafts."""
        conn = (factory or PlainConnectionFactory()).connect(path)
        apply_pragmas(conn)
        return cls(conn)

    def close(self) -> None:
        """Close this store's connection."""
        self._conn.close()

    def save(self, reflection_id: str, body_html: str) -> None:
        """Replace the draft of a reflection; a full disk becomes a ``StoreError``."""
        try:
            self._write(
                "INSERT INTO reflection_drafts (reflection_id, body_html, saved_at) "
                "VALUES (?, ?, ?) ON CONFLICT(reflection_id) DO UPDATE SET "
                "body_html = excluded.body_html, saved_at = excluded.saved_at",
                [reflection_id, body_html, utc_now().isoformat()],
            )
        except DB_ERRORS as error:
            raise translate_sqlite_error(error, Path("reflection_drafts")) from error

    def _write(self, statement: str, parameters: list[str]) -> None:
        if self._conn.in_transaction:
            self._conn.execute(statement, parameters)
            return
        self._conn.execute("BEGIN")
        try:
            stamp_write(self._conn)
            self._conn.execute(statement, parameters)
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def load(self, reflection_id: str) -> Draft | None:
        """Return the draft left behind by an editor that did not close cleanly."""
        row = self._conn.execute(
            "SELECT body_html, saved_at FROM reflection_drafts WHERE reflection_id = ?",
            [reflection_id],
        ).fetchone()
        if row is None:
            return None
        return Draft(reflection_id, row[0], dt.datetime.fromisoformat(row[1]))

    def clear(self, reflection_id: str) -> None:
        """Forget the draft once the reflection itself has been saved."""
        self._write("DELETE FROM reflection_drafts WHERE reflection_id = ?", [reflection_id])
