"""A process killed in the middle of a large action leaves the store as it was before."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from coachdesk.storage.backups import check_backup
from coachdesk.storage.database import open_store
from coachdesk.storage.repositories import Repositories
from tests.helpers import plain_store, run_cli

pytestmark = pytest.mark.slow
FRAME = 4096 + 24
"""A WAL longer than its header and one page frame: the store is being written."""
ROWS = 20_000
"""Enough rows that writing them takes a good part of a second, so kills can land inside."""


def _start(folder: Path, *arguments: str) -> subprocess.Popen[bytes]:
    """Start the real ``coachdesk`` command on ``folder``, as school IT would."""
    return subprocess.Popen(
        [sys.executable, "-m", "coachdesk", "--data-dir", str(folder), *arguments],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for(condition: Callable[[], bool], process: subprocess.Popen[bytes]) -> bool:
    """Poll every millisecond until ``condition`` holds; ``False`` if the process ended first."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if condition():
            return True
        time.sleep(0.001)
    return False


def _bigger_than(path: Path, size: int) -> Callable[[], bool]:
    return lambda: path.exists() and path.stat().st_size > size


def _partial_in(folder: Path) -> Callable[[], bool]:
    return lambda: any(p.stat().st_size > 0 for p in folder.glob("*.partial"))


def _class_list(folder: Path, rows: int) -> str:
    path = folder / "grote-klas.csv"
    lines = ["Stamnummer;Roepnaam;Achternaam;Klas"]
    lines += [f"{n:07d};Zoë;Meer {n};VIG3A" for n in range(rows)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("action", ["demo", "import-students"])
def test_killing_a_large_write_halfway_writes_nothing(tmp_path: Path, action: str) -> None:
    folder = tmp_path / "gegevens"
    assert run_cli("check", data_dir=folder).returncode == 1  # no store yet
    plain_store(folder)
    wal = folder / "coachdesk.sqlite-wal"
    arguments = (
        ["demo", "--students", "3000"]
        if action == "demo"
        else ["import-students", _class_list(tmp_path, 150_000)]
    )
    process = _start(folder, *arguments)
    assert _wait_for(_bigger_than(wal, 2_000_000), process), "the write finished first"
    process.send_signal(signal.SIGKILL)
    process.wait()

    assert run_cli("check", data_dir=folder).returncode == 0
    store = open_store(folder / "coachdesk.sqlite")
    try:
        repos = Repositories.for_store(store)
        assert repos.students.count() == 0
        assert repos.conversations.count() == 0
    finally:
        store.close()


def test_an_import_killed_at_random_moments_while_writing_is_all_or_nothing(
    tmp_path: Path,
) -> None:
    class_list = _class_list(tmp_path, ROWS)
    timed = _start(plain_store(tmp_path / "proef"), "import-students", class_list)
    assert _wait_for(_bigger_than(tmp_path / "proef" / "coachdesk.sqlite-wal", FRAME), timed)
    began = time.monotonic()
    assert timed.wait(timeout=120) == 0
    writing = time.monotonic() - began  # from the first page written to the end of the process
    chance = random.Random(20261123)  # seeded: a failure can be replayed
    outcomes, interrupted = [], 0
    for number in range(6):
        folder = plain_store(tmp_path / f"poging-{number}")
        process = _start(folder, "import-students", class_list)
        assert _wait_for(_bigger_than(folder / "coachdesk.sqlite-wal", FRAME), process)
        moment = chance.uniform(0, writing)
        time.sleep(moment)
        alive = process.poll() is None
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert run_cli("check", data_dir=folder).returncode == 0, f"killed {moment:.2f} s in"
        store = open_store(folder / "coachdesk.sqlite")
        try:
            outcomes.append(Repositories.for_store(store).students.count())
        finally:
            store.close()
        interrupted += alive and outcomes[-1] == 0  # killed before the write was committed
    assert set(outcomes) <= {0, ROWS}, outcomes
    assert interrupted >= 2, f"only {interrupted} kills landed while the rows were written"


def test_killing_a_backup_halfway_leaves_the_store_and_older_backups_sound(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "gegevens"
    assert run_cli("demo", "--students", "1500", data_dir=folder).returncode == 0
    assert run_cli("backup", data_dir=folder).returncode == 0
    backups = folder / "backups"
    process = _start(folder, "backup")
    assert _wait_for(_partial_in(backups), process), "the backup finished before the kill"
    process.send_signal(signal.SIGKILL)
    process.wait()

    assert run_cli("check", data_dir=folder).returncode == 0
    leftovers = list(backups.glob("*.partial*"))
    assert leftovers, "the killed backup left its half-written file"
    an_hour_ago = time.time() - 3600
    for leftover in leftovers:
        os.utime(leftover, (an_hour_ago, an_hour_ago))
    assert run_cli("backup", data_dir=folder).returncode == 0
    assert list(backups.glob("*.partial*")) == []  # a half-written copy never lingers
    for backup in backups.glob("*.sqlite"):
        assert check_backup(backup) > 0


def test_a_backup_killed_at_random_moments_never_leaves_a_broken_backup(tmp_path: Path) -> None:
    folder = tmp_path / "gegevens"
    assert run_cli("demo", "--students", "1000", data_dir=folder).returncode == 0
    backups = folder / "backups"
    timed = _start(folder, "backup")
    assert _wait_for(_partial_in(backups), timed)
    began = time.monotonic()
    assert timed.wait(timeout=120) == 0
    writing = time.monotonic() - began  # from the first bytes of the copy to the end
    chance = random.Random(20261124)
    interrupted = 0
    for _attempt in range(5):
        whole = set(backups.glob("*.sqlite"))
        process = _start(folder, "backup")
        assert _wait_for(_partial_in(backups), process)
        moment = chance.uniform(0, writing)
        time.sleep(moment)
        alive = process.poll() is None
        process.send_signal(signal.SIGKILL)
        process.wait()
        interrupted += alive and set(backups.glob("*.sqlite")) == whole
        assert run_cli("check", data_dir=folder).returncode == 0, f"killed {moment:.2f} s in"
        for backup in backups.glob("*.sqlite"):  # only whole, checked copies carry the name
            assert check_backup(backup) > 0, f"{backup.name} after a kill {moment:.2f} s in"
    assert interrupted >= 2, f"only {interrupted} kills landed while the copy was written"
