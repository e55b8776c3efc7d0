"""An unchanged store is not read whole again at every opening; any change is checked again."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from coachdesk.errors import StoreError
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.storage.checked_state import NOTE_NAME
from coachdesk.storage.connection import PlainConnectionFactory
from tests.helpers import make_student

HOUR_NS = 3600 * 1_000_000_000


class CountingFactory(PlainConnectionFactory):
    """The real connection factory, counting the read-only connections the checks open."""

    def __init__(self) -> None:
        self.read_only = 0

    def connect(
        self, path: Path, *, read_only: bool = False, main_file_only: bool = False
    ) -> sqlite3.Connection:
        self.read_only += read_only
        return super().connect(path, read_only=read_only, main_file_only=main_file_only)


def _store_written_an_hour_ago(data_dir: Path) -> StoreLocation:
    location = StoreLocation(data_dir)
    workspace = Workspace.open(location)
    workspace.repos.students.add(make_student())
    workspace.close()
    modified = location.path.stat().st_mtime_ns - HOUR_NS
    os.utime(location.path, ns=(modified, modified))
    return location


def _open_and_close(location: StoreLocation, factory: CountingFactory | None = None) -> None:
    Workspace.open(location, factory).close()


def _break_first_table(path: Path) -> None:
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'students'").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size] = 0x00
    path.write_bytes(bytes(data))


def test_a_store_that_passed_and_did_not_change_is_not_read_whole_again(data_dir: Path) -> None:
    location = _store_written_an_hour_ago(data_dir)
    first, second = CountingFactory(), CountingFactory()
    _open_and_close(location, first)
    _open_and_close(location, second)
    assert first.read_only == 1  # the quick check's own connection
    assert second.read_only == 0
    assert (location.path.parent / NOTE_NAME).is_file()


def test_a_store_changed_after_it_passed_is_checked_again_and_its_damage_found(
    data_dir: Path,
) -> None:
    location = _store_written_an_hour_ago(data_dir)
    _open_and_close(location)
    _break_first_table(location.path)  # same size, a new modification time
    with pytest.raises(StoreError):
        _open_and_close(location)


def test_a_store_written_moments_before_its_check_is_checked_at_every_opening(
    data_dir: Path,
) -> None:
    """Within the file system's clock tick a second write could keep the same time: no note."""
    location = StoreLocation(data_dir)
    Workspace.open(location).close()
    factory = CountingFactory()
    _open_and_close(location, factory)
    _open_and_close(location, factory)
    assert factory.read_only == 2
    assert not (location.path.parent / NOTE_NAME).exists()
