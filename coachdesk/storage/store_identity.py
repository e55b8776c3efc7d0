"""A store's identity, so a ``-wal`` file that belongs to another store is never replayed.

SQLite replays whatever WAL file lies beside a database. One copied along from another
laptop (or left over when files were put back by hand) would silently mix another store's
pages into this one. Every transaction bumps a counter in the one-row ``store_identity``
table, so every WAL a store writes carries that store's identity. Before a store with a
WAL is opened for writing, the identity in the main file alone is compared with the one
seen through the WAL.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from coachdesk.errors import ForeignWalError
from coachdesk.i18n import _
from coachdesk.storage.cipher import DB_ERRORS, is_store_damage
from coachdesk.storage.connection import ConnectionFactory

WAL_HEADER_BYTES = 32
"""A WAL file no longer than its header holds no transactions."""


def wal_file(store_path: Path) -> Path:
    """Return the write-ahead log SQLite keeps beside the store."""
    return store_path.with_name(store_path.name + "-wal")


def stamp_write(conn: sqlite3.Connection) -> None:
    """Mark the open transaction as this store's: its WAL frames then carry the identity."""
    conn.execute("UPDATE store_identity SET writes = writes + 1")


def read_identity(conn: sqlite3.Connection) -> str | None:
    """Return the store's identity, or ``None`` for a store made before identities existed."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store_identity'"
    ).fetchone()
    if not has_table:
        return None
    row = conn.execute("SELECT id FROM store_identity").fetchone()
    return None if row is None else str(row[0])


def _identity(path: Path, factory: ConnectionFactory, *, main_file_only: bool) -> str | None:
    conn = factory.connect(path, read_only=True, main_file_only=main_file_only)
    try:
        return read_identity(conn)
    finally:
        conn.close()


def wal_belongs(store_path: Path, factory: ConnectionFactory) -> bool:
    """Return ``False`` only when the store's WAL is provably not its own.

    It is not its own when it shows another identity, or when its pages do not fit (or do
    not decrypt with this store's key). Reads only: neither file is changed. When the main
    file itself cannot be read, the normal opening reports that damage instead.
    """
    wal = wal_file(store_path)
    if not wal.is_file() or wal.stat().st_size <= WAL_HEADER_BYTES:
        return True
    try:
        own = _identity(store_path, factory, main_file_only=True)
    except DB_ERRORS:
        return True
    if own is None:
        return True
    try:
        return _identity(store_path, factory, main_file_only=False) == own
    except DB_ERRORS as error:
        if is_store_damage(error):
            return False
        raise


def refuse_foreign_wal(store_path: Path, factory: ConnectionFactory) -> None:
    """Raise ``ForeignWalError`` before a foreign WAL could be replayed into the store."""
    if not wal_belongs(store_path, factory):
        raise ForeignWalError(
            _(
                "Beside the store {path} lies a log file ({wal}) that belongs to another store "
                "or is damaged; it was probably copied along from another computer. "
                "Nothing was changed."
            ).format(path=store_path, wal=wal_file(store_path).name)
        )
