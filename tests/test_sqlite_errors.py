"""SQLite's errors are told apart by their result code, each said in one calm Dutch sentence."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from coachdesk.errors import DamagedStoreError, StoreError
from coachdesk.services.backups import Backups
from coachdesk.storage.database import Store, translate_sqlite_error
from coachdesk.storage.repositories import Repositories
from tests.helpers import make_student


def _raised(action: Callable[[], object]) -> sqlite3.Error:
    """Run ``action`` and return the error SQLite itself raised."""
    try:
        action()
    except sqlite3.Error as error:
        return error
    raise AssertionError("SQLite raised nothing")


def _full(folder: Path) -> sqlite3.Error:
    conn = sqlite3.connect(folder / "vol.sqlite", isolation_level=None)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA max_page_count = 2")  # as if the disk had no room for a third page
    try:
        return _raised(lambda: conn.execute("INSERT INTO t VALUES (?)", ["x" * 10_000]))
    finally:
        conn.close()


def _busy(folder: Path) -> sqlite3.Error:
    path = folder / "bezet.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        return _raised(lambda: other.execute("BEGIN IMMEDIATE"))
    finally:
        other.close()
        holder.close()


def _not_a_database(folder: Path) -> sqlite3.Error:
    path = folder / "tekst.sqlite"
    path.write_bytes(b"Naam;Klas\n" * 500)
    conn = sqlite3.connect(path)
    try:
        return _raised(lambda: conn.execute("SELECT * FROM sqlite_master").fetchall())
    finally:
        conn.close()


def _read_only(folder: Path) -> sqlite3.Error:
    path = folder / "alleen-lezen.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return _raised(lambda: conn.execute("INSERT INTO t VALUES (1)"))
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("make", "code", "kind", "said"),
    [
        (_full, "SQLITE_FULL", StoreError, "De schijf is vol"),
        (_busy, "SQLITE_BUSY", StoreError, "in gebruik door een ander programma"),
        (_not_a_database, "SQLITE_NOTADB", DamagedStoreError, "geen CoachDesk-opslag"),
        (_read_only, "SQLITE_READONLY", StoreError, "kan niet schrijven naar"),
    ],
)
def test_each_sqlite_error_is_known_by_its_code(
    make: Callable[[Path], sqlite3.Error],
    code: str,
    kind: type[StoreError],
    said: str,
    tmp_path: Path,
) -> None:
    error = make(tmp_path)
    assert error.sqlite_errorname == code
    translated = translate_sqlite_error(error, tmp_path / "coachdesk.sqlite")
    assert type(translated) is kind
    assert said in translated.message


def test_a_message_that_only_sounds_like_a_full_disk_is_not_called_one(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "a.sqlite")
    error = _raised(lambda: conn.execute("SELECT * FROM 'database or disk is full'"))
    conn.close()
    assert error.sqlite_errorname == "SQLITE_ERROR"
    assert "schijf" not in translate_sqlite_error(error, tmp_path).message


def test_the_newest_sound_backup_is_found_past_one_that_is_not_a_store(store: Store) -> None:
    Repositories.for_store(store).students.add(make_student())
    backups = Backups(store.path)
    sound = backups.make(store, "handmatig")
    newer = sound.with_name("coachdesk-29991231-235959-handmatig.sqlite")
    newer.write_bytes(b"Naam;Klas\n" * 500)
    assert backups.newest() == sound
