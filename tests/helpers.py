"""Helpers shared by tests: running the real ``coachdesk`` command and building records."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from coachdesk.domain.students import Pathway, Student


class FakeClock:
    """A monotonic clock in seconds that only moves when a test moves it."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def run_cli(
    *args: str,
    data_dir: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m coachdesk`` in a subprocess, as school IT would run the command."""
    command = [sys.executable, "-m", "coachdesk"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full_env,
        check=False,
    )


def plain_store(data_dir: Path) -> Path:
    """Make an empty unencrypted store, as an older CoachDesk left it; return the folder.

    Commands never make a store without a passphrase now; tests about other things start
    from such a store so they need no slow passphrase hashing.
    """
    from coachdesk.storage.database import open_store

    open_store(data_dir / "coachdesk.sqlite").close()
    return data_dir


def make_student(number: str = "2024001", **changes: object) -> Student:
    """Return a student with Dutch name particles and accents, overridable per test."""
    values: dict[str, object] = {
        "student_number": number,
        "given_name": "Zoë",
        "name_prefix": "van der",
        "family_name": "Meer",
        "date_of_birth": dt.date(2009, 3, 14),
        "group": "VIG3-2A",
        "programme": "Verzorgende-IG",
        "level": 3,
        "pathway": Pathway.BOL,
        "year_of_study": 2,
    }
    values.update(changes)
    return Student(**values)  # type: ignore[arg-type]


def answer_next_dialog(dialog_type: type, fill: Callable[[Any], None]) -> list[bool]:
    """Fill and close the next modal dialog as a user would, once it has opened.

    Returns a list that holds ``True`` once the dialog was seen, so a test can assert it.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[bool] = []

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, handle)
            return
        assert isinstance(dialog, dialog_type), dialog
        seen.append(True)
        fill(dialog)

    QTimer.singleShot(0, handle)
    return seen


def demo_window(qtbot: Any, data_dir: Path, students: int, today: dt.date) -> Iterator[Any]:
    """Yield the main window over a fresh demo store of ``students``, shown; closed after."""
    from coachdesk.app import build_window
    from coachdesk.services.demo_data import fill_with_demo
    from coachdesk.services.workspace import StoreLocation, Workspace

    workspace = Workspace.open(StoreLocation(data_dir, demo=True))
    fill_with_demo(workspace.repos, students=students, today=today)
    main = build_window(workspace, today)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()
    workspace.close()
