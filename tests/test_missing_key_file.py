"""An encrypted store copied without its key file is known by its bytes and named as such."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coachdesk.errors import MissingKeyFileError
from coachdesk.services.backups import Backups
from coachdesk.services.encryption import encrypt, unlock
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.storage.cipher import looks_encrypted
from coachdesk.storage.database import open_store
from coachdesk.storage.keyfile import KdfParams, keyfile_path
from tests.helpers import plain_store, run_cli

FAST = KdfParams(time_cost=1, memory_kib=8192)  # tests only
PASSPHRASE = "lange wachtwoordzin 2026"


def _files(folder: Path) -> dict[Path, bytes]:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def without_key(tmp_path: Path) -> StoreLocation:
    """An encrypted store (with a backup) whose key file stayed behind on the old laptop."""
    location = StoreLocation(plain_store(tmp_path / "gegevens"))
    encrypt(location.path, PASSPHRASE, FAST)
    keyfile_path(location.path).unlink()
    return location


def test_the_command_line_names_the_missing_key_file_and_changes_nothing(
    without_key: StoreLocation,
) -> None:
    before = _files(without_key.data_dir)
    result = run_cli(
        "students", data_dir=without_key.data_dir, env={"COACHDESK_PASSPHRASE": PASSPHRASE}
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "coachdesk.sqlite.sleutel ontbreekt" in result.stderr
    assert "versleutelde opslag" in result.stderr
    assert _files(without_key.data_dir) == before  # nothing quarantined, nothing written


def test_opening_it_is_refused_as_a_missing_key_not_as_damage(without_key: StoreLocation) -> None:
    with pytest.raises(MissingKeyFileError, match="Zet het sleutelbestand terug"):
        Workspace.open(without_key)
    assert not (without_key.data_dir / "quarantaine").exists()


def test_a_backup_copied_without_its_key_file_names_its_own_key_file(tmp_path: Path) -> None:
    location = StoreLocation(plain_store(tmp_path / "gegevens"))
    encrypt(location.path, PASSPHRASE, FAST)
    store = open_store(location.path, unlock(location.path, PASSPHRASE))
    usb = Backups(location.path).make(store, "handmatig", tmp_path / "usb" / "kopie.sqlite")
    store.close()
    keyfile_path(usb).unlink()
    with pytest.raises(MissingKeyFileError, match=r"kopie\.sqlite\.sleutel ontbreekt"):
        Backups(location.path).restore(usb)


def test_a_plain_store_with_a_damaged_header_is_still_damage(tmp_path: Path) -> None:
    path = plain_store(tmp_path / "gegevens") / "coachdesk.sqlite"
    data = bytearray(path.read_bytes())
    data[0:16] = b"Dit is geen SQL!"
    damaged = shutil.copy(path, tmp_path / "beschadigd.sqlite")
    Path(damaged).write_bytes(bytes(data))
    assert not looks_encrypted(Path(damaged))
