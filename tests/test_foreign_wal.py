"""A log file (-wal) of another store beside ours is refused, never replayed into our data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coachdesk.services.encryption import encrypt, unlock
from coachdesk.storage.connection import ConnectionFactory, PlainConnectionFactory
from coachdesk.storage.database import Store, open_store
from coachdesk.storage.keyfile import KdfParams, keyfile_path
from coachdesk.storage.repositories import Repositories
from coachdesk.storage.store_identity import wal_file
from tests.helpers import make_student, run_cli

FAST = KdfParams(time_cost=1, memory_kib=8192)
PASSPHRASE = "lange wachtwoordzin 2026"
ENV = {"COACHDESK_PASSPHRASE": PASSPHRASE}


def _store_with(folder: Path, family_name: str, *, encrypted: bool) -> ConnectionFactory:
    """Make a closed store in ``folder`` holding one student; return how to open it."""
    path = folder / "coachdesk.sqlite"
    store = open_store(path)
    Repositories.for_store(store).students.add(make_student("1", family_name=family_name))
    store.close()
    if not encrypted:
        return PlainConnectionFactory()
    encrypt(path, PASSPHRASE, FAST)
    shutil.rmtree(folder / "backups")
    return unlock(path, PASSPHRASE)


def _add_while_open(folder: Path, factory: ConnectionFactory, family_name: str) -> Store:
    """Add a student and keep the store open, so the last transaction is only in its WAL."""
    store = open_store(folder / "coachdesk.sqlite", factory)
    Repositories.for_store(store).students.add(make_student("2", family_name=family_name))
    assert wal_file(store.path).stat().st_size > 32
    return store


def _family_names(folder: Path) -> str:
    result = run_cli("students", data_dir=folder, env=ENV)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_the_stores_own_log_after_a_crash_is_replayed_with_every_saved_word(
    tmp_path: Path, encrypted: bool
) -> None:
    factory = _store_with(tmp_path / "laptop", "Aalders", encrypted=encrypted)
    store = _add_while_open(tmp_path / "laptop", factory, "Bakker")
    crashed = tmp_path / "na-crash"
    shutil.copytree(tmp_path / "laptop", crashed)  # what is on disk when the power goes
    store.close()
    assert "Bakker" in _family_names(crashed)
    assert run_cli("check", data_dir=crashed, env=ENV).returncode == 0


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
@pytest.mark.parametrize("log", ["whole store", "one transaction"])
def test_a_log_file_of_another_store_is_refused_kept_and_can_be_set_aside(
    tmp_path: Path, encrypted: bool, log: str
) -> None:
    ours, other = tmp_path / "gegevens", tmp_path / "andere-laptop"
    _store_with(ours, "Aalders", encrypted=encrypted)
    if log == "whole store":  # a store that never reached a checkpoint: every page in its log
        other_store = open_store(other / "coachdesk.sqlite")
        Repositories.for_store(other_store).students.add(make_student("9", family_name="Bakker"))
    else:  # a few pages only; the same page numbers as ours
        other_factory = _store_with(other, "Claes", encrypted=encrypted)
        other_store = _add_while_open(other, other_factory, "Bakker")
    shutil.copyfile(wal_file(other_store.path), wal_file(ours / "coachdesk.sqlite"))
    other_store.close()
    store_bytes = (ours / "coachdesk.sqlite").read_bytes()
    wal_bytes = wal_file(ours / "coachdesk.sqlite").read_bytes()

    refused = run_cli("students", data_dir=ours, env=ENV)

    assert refused.returncode == 1
    assert "Traceback" not in refused.stderr
    assert "logbestand (coachdesk.sqlite-wal)" in refused.stderr
    assert "coachdesk set-aside-wal" in refused.stderr
    assert (ours / "coachdesk.sqlite").read_bytes() == store_bytes
    assert wal_file(ours / "coachdesk.sqlite").read_bytes() == wal_bytes
    kept = list((ours / "quarantaine").rglob("coachdesk.sqlite-wal"))
    assert [path.read_bytes() for path in kept] == [wal_bytes]
    check = run_cli("check", data_dir=ours, env=ENV)
    assert check.returncode == 1
    assert "Logbestand (-wal): PROBLEEM" in check.stdout
    assert wal_file(ours / "coachdesk.sqlite").read_bytes() == wal_bytes

    set_aside = run_cli("set-aside-wal", data_dir=ours, env=ENV)

    assert set_aside.returncode == 0, set_aside.stderr
    assert not wal_file(ours / "coachdesk.sqlite").exists()
    names = _family_names(ours)
    assert "Aalders" in names
    assert "Bakker" not in names and "Claes" not in names
    assert run_cli("check", data_dir=ours, env=ENV).returncode == 0
    if encrypted:
        assert keyfile_path(ours / "coachdesk.sqlite").is_file()


def test_the_stores_own_log_is_never_set_aside(tmp_path: Path) -> None:
    factory = _store_with(tmp_path / "laptop", "Aalders", encrypted=False)
    store = _add_while_open(tmp_path / "laptop", factory, "Bakker")
    crashed = tmp_path / "na-crash"
    shutil.copytree(tmp_path / "laptop", crashed)
    store.close()
    refused = run_cli("set-aside-wal", data_dir=crashed)
    assert refused.returncode == 1
    assert "eigen" in refused.stderr
    assert wal_file(crashed / "coachdesk.sqlite").is_file()
    assert "Bakker" in _family_names(crashed)
