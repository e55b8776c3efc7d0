"""Read-only inspection of a store file: SQLite's own checks, never a write."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from coachdesk.errors import DamagedStoreError, StoreError
from coachdesk.storage.cipher import DB_ERRORS
from coachdesk.storage.connection import ConnectionFactory, PlainConnectionFactory
from coachdesk.storage.database import DEMO_META_KEY
from coachdesk.storage.soundness import open_read_only, refuse_damage
from coachdesk.storage.store_errors import not_a_store_message, translate_sqlite_error


@dataclass
class Findings:
    """Raw results of SQLite's checks on one store."""

    schema_version: int = 0
    is_demo: bool = False
    quick_check: list[str] = field(default_factory=list)
    integrity_check: list[str] = field(default_factory=list)
    broken_references: list[tuple[str, int, str]] = field(default_factory=list)
    """(table, rowid, referenced table) for each row that points at a missing record."""
    damaged_pages: list[str] | None = None
    """SQLCipher's per-page authentication failures; ``None`` for an unencrypted store."""


def _problems(conn: sqlite3.Connection, pragma: str) -> list[str]:
    return [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}") if row[0] != "ok"]


def inspect_store(path: Path, factory: ConnectionFactory | None = None) -> Findings:
    """Open ``path`` read-only and run the quick, integrity and foreign-key checks."""
    factory = factory or PlainConnectionFactory()
    conn = open_read_only(path, factory)
    try:
        findings = Findings(schema_version=int(conn.execute("PRAGMA user_version").fetchone()[0]))
        if not factory.expects_plain_header:
            findings.damaged_pages = [
                str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")
            ]
            if findings.damaged_pages:
                return findings  # SQLite's own checks cannot read pages that fail to decrypt
        findings.quick_check = _problems(conn, "quick_check")
        findings.integrity_check = _problems(conn, "integrity_check")
        findings.broken_references = [
            (str(row[0]), int(row[1]), str(row[2]))
            for row in conn.execute("PRAGMA foreign_key_check")
        ]
        has_meta = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
        ).fetchone()
        if has_meta:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", [DEMO_META_KEY]).fetchone()
            findings.is_demo = row is not None and row[0] == "1"
    except DB_ERRORS as error:
        raise translate_sqlite_error(error, path) from error
    except UnicodeDecodeError as error:
        # SQLite quoted bytes from a damaged page in its message, and they are not UTF-8.
        raise DamagedStoreError(not_a_store_message(path)) from error
    finally:
        conn.close()
    return findings


class BackgroundQuickCheck:
    """SQLite's quick check of an open store, on its own read-only connection and thread.

    The check reads every page: about a second at 20,000 students, far longer from a cold
    disk, so run before the first paint it kept the coach waiting. The store holds every write
    until it passed (``Store.hold_writes_until``), so damage is still found before a write.
    """

    def __init__(self, path: Path, factory: ConnectionFactory) -> None:
        self._path = path
        self._factory = factory
        self._finished = threading.Event()
        self.error: StoreError | None = None
        """What the check found, once ``finished``; ``None`` when the store is sound."""
        self._thread = threading.Thread(target=self._run, name="coachdesk-quick-check", daemon=True)

    @classmethod
    def start(cls, path: Path, factory: ConnectionFactory) -> BackgroundQuickCheck:
        """Start checking ``path`` now; see ``LaterCheck`` in storage.database."""
        check = cls(path, factory)
        check._thread.start()
        return check

    @property
    def finished(self) -> bool:
        """Return whether the check is done (sound or not)."""
        return self._finished.is_set()

    def wait(self) -> None:
        """Return once the check passed; raise what it found otherwise."""
        self._finished.wait()
        if self.error is not None:
            raise self.error

    def _run(self) -> None:
        try:
            # The store was opened (its header read) before: reading it again now would drop
            # the app's locks on it (see ``ensure_sqlite_file``).
            refuse_damage(self._path, self._factory, header_checked=True)
        except StoreError as error:
            self.error = error
        except Exception as error:  # a write must never pass a check that did not finish
            self.error = translate_sqlite_error(error, self._path)
        finally:
            self._finished.set()
