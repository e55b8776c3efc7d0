"""Whether a file is a sound store, found out by reading only, before anything could write.

Damage is refused while the file (and its WAL) is exactly as it was: a quarantine copy then
holds what the coach had, and nothing surfaces halfway through their work.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from coachdesk.errors import DamagedStoreError, MissingKeyFileError
from coachdesk.i18n import _
from coachdesk.storage.checked_state import fingerprint, remember_check, unchanged_since_check
from coachdesk.storage.cipher import DB_ERRORS, SQLITE_HEADER, looks_encrypted
from coachdesk.storage.connection import ConnectionFactory, PlainConnectionFactory
from coachdesk.storage.keyfile import keyfile_path
from coachdesk.storage.store_errors import not_a_store_message, translate_sqlite_error
from coachdesk.storage.store_identity import refuse_foreign_wal


def verify_copy(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a copy that SQLite's integrity check does not pass."""
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    except UnicodeDecodeError as error:  # SQLite quoted bytes of a damaged page
        raise DamagedStoreError(not_a_store_message(path)) from error
    if result != "ok":
        raise DamagedStoreError(not_a_store_message(path))


def open_read_only(
    path: Path, factory: ConnectionFactory | None = None, *, header_checked: bool = False
) -> sqlite3.Connection:
    """Open a store or backup for checks only; a non-SQLite file is refused before SQLite.

    ``header_checked``: this process read the header before it connected to ``path``, and
    must not read it again now (see ``ensure_sqlite_file``).
    """
    factory = factory or PlainConnectionFactory()
    if factory.expects_plain_header and not header_checked:
        ensure_sqlite_file(path)
    try:
        return factory.connect(path, read_only=True)
    except DB_ERRORS as error:
        raise translate_sqlite_error(error, path) from error


def ensure_sqlite_file(path: Path) -> None:
    """Refuse a non-empty file that is not plain SQLite, before any connection could touch it.

    An encrypted store whose key file was left behind is named as such: it is not damaged.
    Only before this process connects to ``path``: closing any file handle on it drops every
    POSIX lock the process holds on the file, SQLite's own included, and another program
    would then take the store for unused and delete the WAL that holds the latest writes.
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
            return
    if looks_encrypted(path) and not keyfile_path(path).exists():
        raise MissingKeyFileError(
            _(
                "{path} is an encrypted store, but its key file {key} is missing. Put the key "
                "file back next to the store (always copy both together); nothing was changed."
            ).format(path=path, key=keyfile_path(path))
        )
    raise DamagedStoreError(not_a_store_message(path))


def refuse_unsound(path: Path, factory: ConnectionFactory) -> None:
    """Refuse a foreign WAL or a damaged store, reading only, before anything could write.

    Damage found now is reported while the file (and its WAL) is exactly as it was, so the
    quarantine copy is untouched; found later, it would surface halfway through the coach's work.
    """
    refuse_foreign_wal(path, factory)
    refuse_damage(path, factory)


def refuse_damage(path: Path, factory: ConnectionFactory, *, header_checked: bool = False) -> None:
    """Run SQLite's quick check on a read-only connection; it reads every page of the store.

    A store unchanged since it last passed is not read again (see ``checked_state``).
    ``header_checked``: the store is open in this process already (see ``open_read_only``).
    """
    if unchanged_since_check(path):
        return
    before = fingerprint(path)
    conn = open_read_only(path, factory, header_checked=header_checked)
    try:
        result = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except DB_ERRORS as error:
        raise translate_sqlite_error(error, path) from error
    except UnicodeDecodeError as error:  # SQLite quoted bytes of a damaged page
        raise DamagedStoreError(not_a_store_message(path)) from error
    finally:
        conn.close()
    if result != ["ok"]:
        raise DamagedStoreError(not_a_store_message(path))
    remember_check(path, before)
