"""Read-only inspection of a store file: SQLite's own checks, never a write."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from coachdesk.errors import DamagedStoreError
from coachdesk.storage.cipher import DB_ERRORS
from coachdesk.storage.connection import ConnectionFactory, PlainConnectionFactory
from coachdesk.storage.database import (
    DEMO_META_KEY,
    not_a_store_message,
    open_read_only,
    translate_sqlite_error,
)


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
