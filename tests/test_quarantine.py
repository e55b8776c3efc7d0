"""A damaged store is never deleted or recreated: a copy goes to quarantine, a backup is offered."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachdesk.services.backups import Backups
from coachdesk.storage.database import open_store
from coachdesk.storage.repositories import Repositories
from tests.helpers import make_student, run_cli


def _damage(path: Path, kind: str) -> None:
    data = bytearray(path.read_bytes())
    if kind == "header":
        data[0:16] = b"Dit is geen SQL!"
    elif kind == "page":
        for offset in range(4096, len(data), 97):
            data[offset] ^= 0xFF
    elif kind == "truncated":
        data = data[: 4096 + 100]
    elif kind == "zero":  # cut off by a full disk or a crash while backups exist
        data = bytearray()
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("kind", ["header", "page", "truncated", "zero"])
def test_a_damaged_store_is_quarantined_and_a_backup_offered(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "gegevens"
    path = folder / "coachdesk.sqlite"
    store = open_store(path)
    repos = Repositories.for_store(store)
    repos.students.add_many(make_student(str(n), family_name=f"Meer {n}") for n in range(200))
    backup = Backups(path).make(store, "handmatig")
    store.close()
    _damage(path, kind)
    damaged = path.read_bytes()
    result = run_cli("students", data_dir=folder)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Een kopie staat bewaard in" in result.stderr
    assert f'coachdesk restore "{backup}"' in result.stderr
    assert path.read_bytes() == damaged
    copies = list((folder / "quarantaine").rglob("coachdesk.sqlite"))
    assert len(copies) == 1 and copies[0].read_bytes() == damaged
    assert run_cli("check", data_dir=folder).returncode == 1
    restored = run_cli("restore", str(backup), data_dir=folder)
    assert restored.returncode == 0, restored.stderr
    assert run_cli("check", data_dir=folder).returncode == 0


def test_a_store_in_use_or_unwritable_is_not_quarantined(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    run_cli("students", data_dir=blocker / "sub")
    assert not (tmp_path / "quarantaine").exists()
