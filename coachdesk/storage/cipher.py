"""SQLCipher connections: the same store, encrypted at rest with a 256-bit key.

The key never comes from a passphrase directly; see keyfile.py. ``DB_ERRORS`` lists the
exception types of both drivers, because SQLCipher's do not subclass ``sqlite3``'s.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import cast

from sqlcipher3 import dbapi2 as sqlcipher

from coachdesk.savefile import commit, partial_path
from coachdesk.storage.connection import BUSY_TIMEOUT_MS, connection_target

SQLITE_HEADER = b"SQLite format 3\x00"
_PAYLOAD_FRACTIONS = slice(21, 24)
"""Bytes of a plain SQLite header that are always 64, 32, 32; random in an encrypted file."""
_MIN_PAGE_SIZE = 512

DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)
DB_OR_OS_ERRORS: tuple[type[Exception], ...] = (*DB_ERRORS, OSError)
"""What copying or opening a store file can raise: the drivers' errors and the disk's."""


def sqlite_error(error: BaseException) -> str | None:
    """Return SQLite's primary result code of an error (``SQLITE_FULL``), else ``None``.

    The code, not the message, says what happened: messages change between SQLite versions,
    and extended codes (``SQLITE_CORRUPT_INDEX``) share their primary code's meaning.
    """
    name = getattr(error, "sqlite_errorname", None) if isinstance(error, DB_ERRORS) else None
    return "_".join(name.split("_")[:2]) if name else None


def is_store_damage(error: BaseException) -> bool:
    """Return whether an error is SQLite finding the file damaged (or not a database at all)."""
    return sqlite_error(error) in {"SQLITE_CORRUPT", "SQLITE_NOTADB"}


def looks_encrypted(path: Path) -> bool:
    """Return whether a file reads as an SQLCipher store: whole pages, no plain SQLite header.

    SQLCipher encrypts every page, the header included, so even a plain store whose first
    bytes were overwritten still shows its fixed header fields; an encrypted one never does.
    """
    size = path.stat().st_size
    if size == 0 or size % _MIN_PAGE_SIZE:
        return False
    with path.open("rb") as handle:
        header = handle.read(100)
    plain_fields = header[_PAYLOAD_FRACTIONS] == bytes((64, 32, 32))
    return not header.startswith(SQLITE_HEADER) and not plain_fields


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
        # sqlcipher3 is untyped; its connection has sqlite3's DB-API interface.
        return cast(sqlite3.Connection, conn)


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
