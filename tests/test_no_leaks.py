"""Names stay out of window titles, and neither the app nor the CLI ever opens a network socket."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from coachdesk.app import build_window
from coachdesk.domain.reflections import ReflectionAuthor
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.ui.dialogs.start_conversation_dialog import StartConversationDialog
from coachdesk.ui.dialogs.student_dialog import StudentDialog

ROOT = Path(__file__).resolve().parent.parent
GUARD = """
import socket, sys
attempts = []
real = socket.socket.connect
def guarded(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        attempts.append(address)
        raise OSError("network blocked by the test")
    return real(self, address)
socket.socket.connect = guarded
import atexit
atexit.register(lambda: print("NETWORK-ATTEMPTS", len(attempts), file=sys.stderr))
sys.argv = ["coachdesk", *sys.argv[1:]]
from coachdesk.cli import main
code = main()
print("NETWORK-ATTEMPTS", len(attempts), file=sys.stderr)
sys.exit(code)
"""


def test_window_titles_never_hold_a_students_name(qtbot, data_dir: Path) -> None:
    workspace = Workspace.open(StoreLocation(data_dir, demo=True))
    fill_with_demo(workspace.repos, students=3, today=dt.date(2026, 11, 23))
    window = build_window(workspace)
    qtbot.addWidget(window)
    window.show()
    student = workspace.repos.students.caseload()[0]
    window.open_student(window.caseload_screen.model.entry_at(0))
    contacts = workspace.repos.contacts.select("student_id = ?", [student.id])
    dialogs = [
        StartConversationDialog(student, contacts, "Mirjam"),
        StudentDialog(student, contacts),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
    reflection = window.services.reflections.create(
        ReflectionAuthor.STUDENT, f"Reflectie van {student.given_name}", student_id=student.id
    )
    editor = window.open_reflection(reflection.id, student.full_name)
    titles = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
    editor.close()
    for dialog in dialogs:
        dialog.close()
    assert titles
    for title in titles:
        assert student.given_name not in title and student.family_name not in title, title
    window.close()  # as the app does: the window first, then its store
    workspace.close()


def test_the_cli_and_the_app_open_no_network_socket(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    data = str(tmp_path / "data")
    for args in (
        ["--data-dir", data, "demo", "--students", "3"],
        ["--data-dir", data, "students", "--json"],
        ["--data-dir", data, "check"],
        ["--data-dir", data, "--screenshot", str(tmp_path / "s.png")],
    ):
        result = subprocess.run(
            [sys.executable, "-c", GUARD, *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "NETWORK-ATTEMPTS 0" in result.stderr
        assert "NETWORK-ATTEMPTS 1" not in result.stderr
