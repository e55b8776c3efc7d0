"""Backups: made and checked, rotated so old ones (and erased students) go, restored safely."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from coachdesk.errors import StoreError
from coachdesk.services.backups import Backups, RotationPolicy, to_keep
from coachdesk.storage import keyfile
from coachdesk.storage.backups import BackupFile, list_backups
from coachdesk.storage.cipher import SqlCipherConnectionFactory, export_encrypted
from coachdesk.storage.database import Store, open_store
from coachdesk.storage.keyfile import KdfParams, keyfile_path
from coachdesk.storage.repositories import Repositories
from tests.helpers import make_student, plain_store, run_cli


def test_a_backup_is_checked_and_rotated(repos: Repositories) -> None:
    repos.students.add(make_student())
    backups = Backups(repos.store.path)
    path = backups.make(repos.store, "handmatig")
    assert path.parent.name == "backups"
    copy = sqlite3.connect(path)
    assert copy.execute("SELECT count(*) FROM students").fetchone()[0] == 1
    copy.close()
    assert [b.path for b in list_backups(repos.store.path)] == [path]


def test_rotation_keeps_recent_daily_and_weekly_copies_up_to_the_maximum_age() -> None:
    now = dt.datetime(2026, 11, 23, 12, 0)
    made = [now - dt.timedelta(hours=hours) for hours in range(0, 24 * 120, 6)]
    backups = [BackupFile(Path(f"b{i}"), moment) for i, moment in enumerate(made)]
    keep = to_keep(backups, now, RotationPolicy(recent=10, daily_days=14, max_age_days=90))
    kept = sorted((b.made_at for b in backups if b.path in keep), reverse=True)
    assert kept[:10] == made[:10]
    assert all(now - moment <= dt.timedelta(days=90) for moment in kept)
    last_two_weeks = {m.date() for m in kept if now - m <= dt.timedelta(days=14)}
    assert len(last_two_weeks) == 15
    older_weeks = [m for m in kept if now - m > dt.timedelta(days=15)]
    assert len(older_weeks) == len({m.isocalendar()[:2] for m in older_weeks})


def test_restore_puts_the_backup_back_and_keeps_the_replaced_store(tmp_path: Path) -> None:
    path = tmp_path / "gegevens" / "coachdesk.sqlite"
    store = open_store(path)
    repos = Repositories.for_store(store)
    repos.students.add(make_student("1"))
    backups = Backups(path)
    early = backups.make(store, "handmatig")
    repos.students.add(make_student("2"))
    store.close()
    kept = backups.restore(early)
    store = open_store(path)
    assert [s.student_number for s in Repositories.for_store(store).students.caseload()] == ["1"]
    store.close()
    copy = sqlite3.connect(kept)
    assert copy.execute("SELECT count(*) FROM students").fetchone()[0] == 2
    copy.close()


def test_a_damaged_backup_is_refused_and_the_store_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "gegevens" / "coachdesk.sqlite"
    store = open_store(path)
    Repositories.for_store(store).students.add(make_student("1"))
    store.close()
    before = path.read_bytes()
    bad = tmp_path / "kapot.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(StoreError):
        Backups(path).restore(bad)
    assert path.read_bytes() == before


def test_the_backup_and_restore_commands(tmp_path: Path) -> None:
    folder = plain_store(tmp_path / "gegevens")
    csv = tmp_path / "klas.csv"
    csv.write_text("Stamnummer;Roepnaam;Achternaam\n001;Zoë;Bakker\n", encoding="utf-8")
    assert run_cli("import-students", str(csv), data_dir=folder).returncode == 0
    assert any("voor-import" in p.name for p in (folder / "backups").iterdir())
    made = run_cli("backup", "--out", str(tmp_path / "kopie.sqlite"), data_dir=folder)
    assert made.returncode == 0 and "gecontroleerd" in made.stdout
    csv.write_text("Stamnummer;Roepnaam;Achternaam\n002;Sem;Smit\n", encoding="utf-8")
    assert run_cli("import-students", str(csv), data_dir=folder).returncode == 0
    restored = run_cli("restore", str(tmp_path / "kopie.sqlite"), data_dir=folder)
    assert restored.returncode == 0, restored.stderr
    numbers = [
        s["student_number"]
        for s in json.loads(run_cli("students", "--json", data_dir=folder).stdout)
    ]
    assert numbers == ["001"]
    assert run_cli("check", data_dir=folder).returncode == 0
    missing = run_cli("restore", str(tmp_path / "weg.sqlite"), data_dir=folder)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


DATA = Path(__file__).parent / "data"
FAST = KdfParams(time_cost=1, memory_kib=8192)  # tests only
OLDEST_SCHEMA = DATA / "db_v1" / "coachdesk.sqlite"


def test_a_schema_upgrade_backup_ages_out_with_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "gegevens" / "coachdesk.sqlite"
    path.parent.mkdir()
    shutil.copy(OLDEST_SCHEMA, path)
    open_store(path).close()  # upgrades the schema, after a backup of the old one
    [made] = list_backups(path)
    assert "voor-migratie-v1" in made.path.name
    assert Backups(path).rotate(made.made_at + dt.timedelta(days=91)) == [made.path]
    assert list((path.parent / "backups").iterdir()) == []


def test_an_upgrade_backup_named_the_old_way_ages_out_too(store: Store) -> None:
    folder = store.path.parent / "backups"
    folder.mkdir()
    old = folder / "voor-migratie-v3-20250101-120000.sqlite"
    old.write_bytes(b"")
    assert [b.made_at for b in list_backups(store.path)] == [dt.datetime(2025, 1, 1, 12)]
    assert Backups(store.path).rotate(dt.datetime(2026, 11, 23)) == [old]


def test_an_encrypted_store_upgrade_backup_has_its_key_file_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "gegevens" / "coachdesk.sqlite"
    path.parent.mkdir()
    shutil.copy(OLDEST_SCHEMA, path)
    key, _recovery = keyfile.create(path, "een lange wachtzin", FAST)
    export_encrypted(path, key)
    open_store(path, SqlCipherConnectionFactory(key)).close()
    [made] = list_backups(path)
    assert keyfile_path(made.path).is_file()
    assert keyfile.unlock(made.path, "een lange wachtzin") == key
