"""SQLCipher connections: the same store, encrypted at rest with a 256-bit key.

The key never comes from a passphrase directly; see keyfile.py. ``DB_ERRORS`` lists the
exception types of both drivers, because SQLCipher's do not subclass ``sqlite3``'s.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from coachdesk.savefile import commit, partial_path
from coachdesk.storage.connection import BUSY_TIMEOUT_MS, connection_target

DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)
DAMAGE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)


def is_store_damage(error: BaseException) -> bool:
    """Return whether an error is SQLite finding the file damaged while reading."""
    return isinstance(error, DAMAGE_ERRORS) and (
        "malformed" in str(error).lower() or "not a database" in str(error).lower()
    )


class SqlCipherConnectionFactory:
    """Opens the store with SQLCipher and the store key (quietly: no log noise on stderr)."""

    expects_plain_header = False

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("the store key is 32 bytes")
        self._key = key

    def connect(
        self, path: Path, *, read_only: bool = False, main_file_only: bool = False
    ) -> sqlite3.Connection:
        """Open ``path`` with the key applied; a wrong key fails on the first read."""
        target, uri = connection_target(path, read_only=read_only, main_file_only=main_file_only)
        conn = sqlcipher.connect(
            target, uri=uri, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
        )
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{self._key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn  # type: ignore[return-value]


def export_encrypted(store_path: Path, key: bytes) -> None:
    """Replace a closed plain store with an encrypted copy (checked before it replaces it)."""
    partial = partial_path(store_path)
    partial.unlink(missing_ok=True)
    conn = sqlcipher.connect(str(store_path), isolation_level=None)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", [str(partial)])
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    check = SqlCipherConnectionFactory(key).connect(partial)
    try:
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise sqlcipher.DatabaseError("encrypted copy failed its integrity check")
    finally:
        check.close()
    for leftover in ("-wal", "-shm"):
        store_path.with_name(store_path.name + leftover).unlink(missing_ok=True)
    commit(partial, store_path)
