"""A process killed in the middle of a large action leaves the store as it was before."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coachdesk.storage.backups import check_backup
from coachdesk.storage.database import open_store
from coachdesk.storage.repositories import Repositories
from tests.helpers import plain_store, run_cli

pytestmark = pytest.mark.slow


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
    process = subprocess.Popen(
        [sys.executable, "-m", "coachdesk", "--data-dir", str(folder), *arguments],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size > 2_000_000:
            break
        time.sleep(0.005)
    assert process.poll() is None, "the write finished before it could be interrupted"
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


def _import_process(folder: Path, class_list: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "coachdesk",
            "--data-dir",
            str(folder),
            "import-students",
            class_list,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_a_5000_row_import_killed_at_random_moments_is_all_or_nothing(tmp_path: Path) -> None:
    class_list = _class_list(tmp_path, 5000)
    timed = _import_process(plain_store(tmp_path / "proef"), class_list)
    started = time.monotonic()
    assert timed.wait(timeout=60) == 0
    duration = time.monotonic() - started  # start-up, backup before import, the import itself
    chance = random.Random(20261123)  # seeded: a failure can be replayed
    moments = sorted(chance.uniform(0.05, duration) for _ in range(6))
    outcomes = []
    for number, moment in enumerate(moments):
        folder = plain_store(tmp_path / f"poging-{number}")
        process = _import_process(folder, class_list)
        time.sleep(moment)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert run_cli("check", data_dir=folder).returncode == 0, f"killed after {moment:.2f} s"
        store = open_store(folder / "coachdesk.sqlite")
        try:
            outcomes.append(Repositories.for_store(store).students.count())
        finally:
            store.close()
    assert set(outcomes) <= {0, 5000}, list(zip(moments, outcomes, strict=True))


def test_killing_a_backup_halfway_leaves_the_store_and_older_backups_sound(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "gegevens"
    assert run_cli("demo", "--students", "1500", data_dir=folder).returncode == 0
    assert run_cli("backup", data_dir=folder).returncode == 0
    backups = folder / "backups"
    process = subprocess.Popen(
        [sys.executable, "-m", "coachdesk", "--data-dir", str(folder), "backup"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if any(p.stat().st_size > 0 for p in backups.glob("*.partial")):
            break
        time.sleep(0.001)
    if process.poll() is not None:
        pytest.skip("the backup finished before it could be interrupted on this machine")
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
    started = time.monotonic()
    assert run_cli("backup", data_dir=folder).returncode == 0
    duration = time.monotonic() - started
    chance = random.Random(20261124)
    for moment in sorted(chance.uniform(0.05, duration) for _ in range(5)):
        process = subprocess.Popen(
            [sys.executable, "-m", "coachdesk", "--data-dir", str(folder), "backup"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(moment)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert run_cli("check", data_dir=folder).returncode == 0, f"killed after {moment:.2f} s"
        for backup in backups.glob("*.sqlite"):  # only whole, checked copies carry the name
            assert check_backup(backup) > 0, f"{backup.name} after a kill at {moment:.2f} s"
