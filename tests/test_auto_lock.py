"""Auto-lock: a laptop left alone shows no student, and the coach carries on where they were."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from coachdesk.app import build_window
from coachdesk.domain.reflections import ReflectionAuthor
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.encryption import encrypt, unlock
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.storage.keyfile import KdfParams
from coachdesk.ui.dialogs.student_dialog import StudentDialog
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.screens.lock_screen import LockScreen, LockWindow
from tests.helpers import FakeClock, answer_next_dialog

LEFT = Qt.MouseButton.LeftButton

FAST = KdfParams(time_cost=1, memory_kib=8192)
PASSPHRASE = "lange wachtwoordzin 2026"


def _visible_text() -> str:
    """Everything a passer-by could read on screen, in every window of the app."""
    parts = []
    for window in QApplication.topLevelWidgets():
        if not window.isVisible():
            continue
        parts.append(window.windowTitle())
        for widget in window.findChildren(QWidget):
            if not widget.isVisible():
                continue
            if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
                parts.append(widget.text())
    return "\n".join(parts)


@pytest.fixture
def own_workspace(data_dir: Path):
    workspace = Workspace.open(StoreLocation(data_dir))
    fill_with_demo(workspace.repos, students=8, today=dt.date(2026, 11, 23))
    yield workspace
    workspace.close()


def _window(qtbot, workspace: Workspace) -> tuple[MainWindow, FakeClock]:
    window = build_window(workspace, dt.date(2026, 11, 23))
    qtbot.addWidget(window)
    clock = FakeClock()
    window.idle.clock = clock
    window.idle.touch()
    window.show()
    return window, clock


def test_five_quiet_minutes_lock_the_window_and_no_student_name_shows(
    qtbot, own_workspace: Workspace
) -> None:
    window, clock = _window(qtbot, own_workspace)
    window.open_student(window.caseload_screen.model.entry_at(0))
    names = [s.family_name for s in own_workspace.repos.students.caseload()]
    assert any(name in _visible_text() for name in names)
    clock.now += 4 * 60
    window.idle.check()
    assert not window.is_locked
    clock.now += 61
    window.idle.check()
    assert window.is_locked
    shown = _visible_text()
    assert "CoachDesk is vergrendeld" in shown
    assert "alleen verzonnen studenten" in shown  # this store holds the demo students
    assert "coachdesk encrypt" not in shown  # a coach is never sent to the command line
    assert not any(name in shown for name in names)
    qtbot.mouseClick(window.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not window.is_locked
    assert window.stack.currentWidget() is window.student_screen


def test_ctrl_l_locks_and_only_the_passphrase_unlocks_an_encrypted_store(
    qtbot, data_dir: Path
) -> None:
    location = StoreLocation(data_dir)
    workspace = Workspace.open(location)
    fill_with_demo(workspace.repos, students=3, today=dt.date(2026, 11, 23))
    workspace.close()
    encrypt(location.path, PASSPHRASE, FAST)
    workspace = Workspace.open(location, unlock(location.path, PASSPHRASE))
    try:
        window, _clock = _window(qtbot, workspace)
        with qtbot.waitActive(window):
            window.activateWindow()
        qtbot.keyClick(
            window.focusWidget() or window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
        )
        assert window.is_locked
        form = window.lock_screen.form
        assert form is not None
        qtbot.keyClicks(form.secret_edit, "verkeerd verkeerd")
        qtbot.keyClick(form.secret_edit, Qt.Key.Key_Return)
        assert window.is_locked and "klopt niet" in form.problem_label.text()
        form.secret_edit.setText(PASSPHRASE)
        qtbot.keyClick(form.secret_edit, Qt.Key.Key_Return)
        assert not window.is_locked
        assert form.secret_edit.text() == ""
    finally:
        window.close()
        workspace.close()


def test_locking_saves_the_reflection_being_typed_and_hides_its_window(
    qtbot, own_workspace: Workspace
) -> None:
    window, _clock = _window(qtbot, own_workspace)
    reflection = window.services.reflections.create(ReflectionAuthor.COACH, "Dinsdag")
    editor = window.open_reflection(reflection.id, "Mijn praktijk")
    qtbot.keyClicks(editor.editor, "Vandaag ging het goed")
    window.lock()
    assert not editor.isVisible()
    recovered = window.services.reflections.open(reflection.id).recovered
    assert recovered is not None and "Vandaag ging het goed" in recovered.body_html
    window.unlock()
    assert editor.isVisible()
    editor.close()


def test_a_calm_conversation_gets_three_times_as_long_before_locking(
    qtbot, own_workspace: Workspace
) -> None:
    window, clock = _window(qtbot, own_workspace)
    screen = window.conversation_screen
    model = window.caseload_screen.model
    for row in range(model.rowCount()):  # the first student the demo gave a conversation
        entry = model.entry_at(row)
        window.open_student(entry)
        window.show_screen(2)
        if screen.conversation is not None:
            break
    assert screen.conversation is not None, "the demo caseload holds conversations"
    screen.enter_calm_mode()
    calm = screen.calm_view
    assert calm is not None and calm.isVisible()
    clock.now += 6 * 60
    window.idle.check()
    assert not window.is_locked
    clock.now += 10 * 60
    window.idle.check()
    assert window.is_locked and not calm.isVisible()
    assert entry.student.given_name not in _visible_text()
    qtbot.mouseClick(window.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    assert calm.isVisible() and not window.isVisible()
    calm.close()


@pytest.mark.parametrize("how", ["idle", "Ctrl+L"])
def test_a_half_filled_form_stays_open_hidden_while_locked_and_comes_back(
    qtbot, own_workspace: Workspace, how: str
) -> None:
    window, clock = _window(qtbot, own_workspace)
    entry = window.caseload_screen.model.entry_at(0)
    window.open_student(entry)
    seen: dict[str, object] = {}

    def while_editing(dialog: StudentDialog) -> None:
        dialog.group_edit.setText("VIG3-9Z")  # typed, not saved yet
        dialog.group_edit.setFocus()
        if how == "idle":
            clock.now += 6 * 60
            window.idle.check()
        else:
            qtbot.keyClick(dialog.group_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        seen["locked"] = window.is_locked
        seen["form still open"] = dialog.isVisible()
        seen["on screen"] = _visible_text()
        lock_window = QApplication.activeModalWidget()
        assert isinstance(lock_window, LockWindow)
        lock_window.close()  # closing it does not unlock
        seen["still locked"] = window.is_locked and lock_window.isVisible()
        qtbot.mouseClick(lock_window.unlock_button, Qt.MouseButton.LeftButton)
        seen["typed text back"] = dialog.group_edit.isVisible() and dialog.group_edit.text()
        seen["cursor back"] = dialog.focusWidget() is dialog.group_edit
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)

    answer_next_dialog(StudentDialog, while_editing)
    qtbot.mouseClick(window.student_screen.edit_button, LEFT)

    assert seen["locked"] and seen["form still open"] and seen["still locked"]
    assert entry.student.family_name not in str(seen["on screen"])
    assert entry.student.given_name not in str(seen["on screen"])
    assert "CoachDesk is vergrendeld" in str(seen["on screen"])
    assert seen["typed text back"] == "VIG3-9Z" and seen["cursor back"]
    assert not window.is_locked
    saved = own_workspace.repos.students.get(entry.student.id)
    assert saved.group == "VIG3-9Z"


def test_locking_an_own_store_from_before_encryption_says_what_the_next_start_offers(
    qtbot,
) -> None:
    screen = LockScreen(None, demo=False)
    qtbot.addWidget(screen)
    said = " ".join(label.text() for label in screen.findChildren(QLabel))
    assert "Bij de volgende start biedt CoachDesk aan ze te versleutelen." in said
