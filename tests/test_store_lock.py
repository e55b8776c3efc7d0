"""One writer per store: with the store held by another process, no writing command changes it."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from coachdesk.cli import WRITING_COMMANDS, main
from coachdesk.services.backups import Backups
from coachdesk.storage.database import open_store
from coachdesk.storage.repositories import Repositories
from coachdesk.storage.store_lock import StoreInUseError, StoreLock
from tests.helpers import make_student

HOLD = (
    "import sys; from pathlib import Path; from coachdesk.storage.store_lock import StoreLock; "
    "lock = StoreLock(Path(sys.argv[1]), sys.argv[2]); print('vast', flush=True); sys.stdin.read()"
)


@contextlib.contextmanager
def held_elsewhere(store: Path, holder: str = "app") -> Iterator[subprocess.Popen[str]]:
    """Hold the store's lock in a real second process, as an open app window does."""
    with subprocess.Popen(
        [sys.executable, "-c", HOLD, str(store), holder],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == "vast"
            yield process
        finally:
            process.kill()


def _files(folder: Path) -> dict[Path, bytes]:
    """Every file in the data folder with its bytes (the lock file itself aside)."""
    return {
        path.relative_to(folder): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix != ".lock"
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A store with one student and a backup of it."""
    data = tmp_path / "gegevens"
    store = open_store(data / "coachdesk.sqlite")
    Repositories.for_store(store).students.add(make_student("2024001"))
    Backups(store.path).make(store, "handmatig")
    store.close()
    return data


def _arguments(command: str, folder: Path) -> list[str]:
    backup = next((folder / "backups").glob("*.sqlite"))
    class_list = folder.parent / "klas.csv"
    class_list.write_text("Leerlingnummer;Roepnaam;Achternaam\n2024002;Sem;Bakker\n")
    form = folder.parent / "formulier.pdf"
    return {
        "restore": [str(backup)],
        "erase": ["2024001", "--confirm"],
        "import-students": [str(class_list)],
        "import-dossier": [str(class_list)],
        "form": ["--student", "2024001", "--for", "praktijkopleider", "--out", str(form)],
        "import-form": [str(form)],
    }.get(command, [])


@pytest.mark.parametrize("command", sorted(WRITING_COMMANDS))
def test_a_writing_command_refuses_while_the_app_holds_the_store(
    command: str, folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for variable in ("PASSPHRASE", "NEW_PASSPHRASE", "DOSSIER_PASSPHRASE"):
        monkeypatch.setenv(f"COACHDESK_{variable}", "een lange wachtzin 2026")
    before = _files(folder)
    with held_elsewhere(folder / "coachdesk.sqlite"):
        code = main(["--data-dir", str(folder), command, *_arguments(command, folder)])
    error = capsys.readouterr().err
    assert code == 1
    assert error.strip().splitlines() == [
        "Fout: CoachDesk heeft deze opslag al open in een ander venster. Gebruik dat venster, "
        "of sluit het eerst; er is niets veranderd."
    ]
    assert _files(folder) == before


def test_the_restore_command_works_again_once_the_app_is_gone(folder: Path) -> None:
    backup = next((folder / "backups").glob("*.sqlite"))
    with held_elsewhere(folder / "coachdesk.sqlite") as app:
        app.kill()  # a crash: the operating system lets go of the lock, nothing is stale
        app.wait()
        assert main(["--data-dir", str(folder), "restore", str(backup)]) == 0


def test_a_reading_command_runs_beside_the_app(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with held_elsewhere(folder / "coachdesk.sqlite"):
        assert main(["--data-dir", str(folder), "students"]) == 0
    assert "2024001" in capsys.readouterr().out


def test_the_app_is_told_which_command_holds_the_store(folder: Path) -> None:
    store = folder / "coachdesk.sqlite"
    expected = r"'coachdesk import-students' \(proces \d+\)"
    with held_elsewhere(store, "import-students"), pytest.raises(StoreInUseError, match=expected):
        StoreLock(store)
