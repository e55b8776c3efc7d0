"""Opening a raw connection to the store file.

Repositories never open connections themselves; they get a ``Store`` built on a
connection from a ``ConnectionFactory``. The encryption work swaps in a factory that
keys a SQLCipher connection, without touching any repository.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Protocol

BUSY_TIMEOUT_MS = 5000


class ConnectionFactory(Protocol):
    """Makes a DB-API connection to a store file, with keys or extensions applied."""

    expects_plain_header: bool
    """Whether the file starts with SQLite's plain header (an encrypted one does not)."""

    def connect(
        self, path: Path, *, read_only: bool = False, main_file_only: bool = False
    ) -> sqlite3.Connection:
        """Open ``path`` (creating it if missing, unless read-only) and return the connection.

        ``main_file_only`` reads the main file as it is on disk, without replaying its WAL.
        """
        ...


def connection_target(path: Path, *, read_only: bool, main_file_only: bool) -> tuple[str, bool]:
    """Return what to pass to ``connect`` (and whether it is a URI) for the chosen mode."""
    if main_file_only:  # immutable: no locks, no -shm, and the -wal file is never read
        return f"{path.resolve().as_uri()}?immutable=1", True
    if read_only:
        return f"{path.resolve().as_uri()}?mode=ro", True
    return str(path), False


class PlainConnectionFactory:
    """An unencrypted SQLite connection through the standard library."""

    expects_plain_header = True

    def connect(
        self, path: Path, *, read_only: bool = False, main_file_only: bool = False
    ) -> sqlite3.Connection:
        """Open ``path`` in driver autocommit mode; transactions are explicit (``Store.atomic``)."""
        target, uri = connection_target(path, read_only=read_only, main_file_only=main_file_only)
        return sqlite3.connect(
            target, uri=uri, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
        )


class ReadOnlyConnectionFactory:
    """Opens every connection read-only, whatever the caller asks: for viewing a damaged copy."""

    def __init__(self, inner: ConnectionFactory) -> None:
        self._inner = inner
        self.expects_plain_header = inner.expects_plain_header

    def connect(
        self, path: Path, *, read_only: bool = False, main_file_only: bool = False
    ) -> sqlite3.Connection:
        """Open ``path`` read-only (and query-only), never for writing."""
        conn = self._inner.connect(path, read_only=True, main_file_only=main_file_only)
        conn.execute("PRAGMA query_only = ON")
        return conn


def apply_pragmas(conn: sqlite3.Connection) -> None:
    """Set the durability and integrity settings every CoachDesk connection runs with."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")  # deleted data is overwritten, not left in free pages
