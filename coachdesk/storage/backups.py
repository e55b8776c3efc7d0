"""Backup files of a store: made with SQLite's backup API, checked, rotated, restored.

Backups live in ``backups/`` beside the store. A restore writes the chosen backup over the
store through the backup API into a temporary file, checks it and renames it into place;
the store being replaced is kept as a backup first.
"""

from __future__ import annotations

import datetime as dt
import filecmp
from dataclasses import dataclass
from pathlib import Path

from coachdesk.errors import StoreError
from coachdesk.i18n import _
from coachdesk.savefile import commit, partial_path, save_copy
from coachdesk.storage.backup_names import backup_folder, made_at
from coachdesk.storage.cipher import DB_ERRORS, DB_OR_OS_ERRORS
from coachdesk.storage.connection import ConnectionFactory, PlainConnectionFactory
from coachdesk.storage.database import ensure_free_space
from coachdesk.storage.keyfile import KEYFILE_SUFFIX, keyfile_path
from coachdesk.storage.migrations import LATEST_VERSION
from coachdesk.storage.soundness import open_read_only, verify_copy
from coachdesk.storage.store_errors import not_a_store_message, translate_sqlite_error

QUARANTINE_SUBDIR = "quarantaine"


@dataclass(frozen=True)
class BackupFile:
    """One backup on disk and when it was made."""

    path: Path
    made_at: dt.datetime


def list_backups(store_path: Path) -> list[BackupFile]:
    """Return the store's backups of every kind, newest first (files not ours are ignored)."""
    found = [
        BackupFile(path, made)
        for path in backup_folder(store_path).glob("*.sqlite")
        if (made := made_at(path)) is not None
    ]
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def remove_backup(path: Path) -> None:
    """Delete one backup and the key file beside it."""
    path.unlink(missing_ok=True)
    keyfile_path(path).unlink(missing_ok=True)


def remove_partials_before(store_path: Path, cutoff: dt.datetime) -> None:
    """Delete half-written copies a killed backup left that were last touched before ``cutoff``."""
    for leftover in backup_folder(store_path).glob("*.partial*"):
        try:
            if leftover.stat().st_mtime < cutoff.timestamp():
                leftover.unlink()
        except FileNotFoundError:
            continue


def check_backup(path: Path, factory: ConnectionFactory | None = None) -> int:
    """Open a backup read-only, run the integrity check and return its schema version."""
    if not path.is_file():
        raise StoreError(_("There is no backup at {path}.").format(path=path))
    conn = open_read_only(path, factory)
    try:
        verify_copy(conn, path)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except DB_ERRORS as error:
        raise translate_sqlite_error(error, path) from error
    finally:
        conn.close()
    if version > LATEST_VERSION or version == 0:
        raise StoreError(not_a_store_message(path))
    return version


def copy_into_place(
    source: Path, store_path: Path, factory: ConnectionFactory | None = None
) -> None:
    """Replace the (closed) store with ``source``: copied, checked, then renamed into place."""
    factory = factory or PlainConnectionFactory()
    ensure_free_space(store_path.parent, source.stat().st_size * 2)
    partial = partial_path(store_path)
    try:
        origin = factory.connect(source, read_only=True)
        destination = factory.connect(partial)
        try:
            origin.backup(destination)
            verify_copy(destination, partial)
        finally:
            destination.close()
            origin.close()
        for leftover in ("-wal", "-shm"):
            store_path.with_name(store_path.name + leftover).unlink(missing_ok=True)
        commit(partial, store_path)
    except DB_OR_OS_ERRORS as error:
        partial.unlink(missing_ok=True)
        raise translate_sqlite_error(error, store_path) from error


def quarantine(store_path: Path) -> Path | None:
    """Copy the store (with its WAL and key file) aside, untouched; return the copy, or None.

    When the newest copy already holds exactly these files (the app was started again on the
    same damaged store), that copy is returned instead of piling up another one.
    """
    if not store_path.is_file():
        return None
    sources = [  # the key file (wrapped keys only) lets IT open an encrypted copy elsewhere
        source
        for suffix in ("", "-wal", KEYFILE_SUFFIX)
        if (source := store_path.with_name(store_path.name + suffix)).is_file()
    ]
    root = store_path.parent / QUARANTINE_SUBDIR
    earlier = sorted(root.glob("*/" + store_path.name)) if root.is_dir() else []
    if earlier and _same_files(sources, earlier[-1].parent):
        return earlier[-1]
    folder = root / dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    for source in sources:
        save_copy(source, folder / source.name)
    return folder / store_path.name


def remove_log_files(store_path: Path) -> None:
    """Delete the store's ``-wal`` and ``-shm`` (only once they are copied into quarantine)."""
    for suffix in ("-wal", "-shm"):
        store_path.with_name(store_path.name + suffix).unlink(missing_ok=True)


def _same_files(sources: list[Path], folder: Path) -> bool:
    """Return whether ``folder`` holds byte-identical copies of exactly ``sources``."""
    copies = sorted(path.name for path in folder.iterdir() if not path.name.endswith("-shm"))
    if copies != sorted(source.name for source in sources):
        return False
    return all(filecmp.cmp(source, folder / source.name, shallow=False) for source in sources)
