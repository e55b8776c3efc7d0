"""The main window as a coach meets it: the caseload, one student, switching to the demo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from coachdesk.app import AppController, build_window, open_workspace
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.ui.main_window import MainWindow


@pytest.fixture
def demo_workspace(data_dir: Path):
    workspace = Workspace.open(StoreLocation(data_dir, demo=True))
    fill_with_demo(workspace.repos, students=12, today=dt.date(2026, 11, 23))
    yield workspace
    workspace.close()


def test_the_window_opens_on_the_demo_caseload(qtbot, demo_workspace: Workspace) -> None:
    window = build_window(demo_workspace)
    qtbot.addWidget(window)
    window.show()
    assert "CoachDesk" in window.windowTitle()
    assert window.demo_banner.isVisible()
    assert window.stack.currentWidget() is window.caseload_screen
    active = demo_workspace.repos.students.caseload()
    everyone = demo_workspace.repos.students.caseload(include_archived=True)
    assert window.caseload_screen.model.rowCount() == len(active)
    assert window.caseload_screen.count_label.text().startswith(
        f"{len(active)} van {len(everyone)} studenten"
    )
    labels = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert labels == ["Mijn studenten", "Student", "Gesprek", "Mijn praktijk"]
    assert "Demo-opslag" in window.store_label.text()


def test_enter_on_a_student_opens_their_details_and_conversations(
    qtbot, demo_workspace: Workspace
) -> None:
    window = build_window(demo_workspace)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    table = window.caseload_screen.table
    table.setFocus()
    table.selectRow(0)
    student = window.caseload_screen.model.entry_at(0).student
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.student_screen
    assert window.student_screen.title.text() == student.full_name
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.conversation_screen
    assert window.conversation_screen.title.text() == f"Gesprekken met {student.given_name}"
    assert window.conversation_screen.conversation_combo.count() > 0


def test_an_empty_own_store_offers_the_demo_and_switches_to_it(qtbot, data_dir: Path) -> None:
    controller = AppController(StoreLocation(data_dir))
    first: MainWindow = controller.window
    qtbot.addWidget(first)
    first.show()
    assert first.stack.currentWidget() is first.welcome_screen
    assert not first.demo_banner.isVisible()
    qtbot.mouseClick(first.welcome_screen.demo_button, Qt.MouseButton.LeftButton)
    second = controller.window
    qtbot.addWidget(second)
    assert second is not first
    assert second.store.is_demo
    assert second.caseload_screen.model.rowCount() > 0
    assert (data_dir / "demo" / "coachdesk.sqlite").is_file()
    own = Workspace.open(StoreLocation(data_dir))
    assert own.is_empty()
    own.close()
    qtbot.mouseClick(second.own_store_button, Qt.MouseButton.LeftButton)
    qtbot.addWidget(controller.window)
    assert not controller.window.store.is_demo
    controller.close()


def test_start_empty_shows_the_empty_caseload(qtbot, data_dir: Path) -> None:
    workspace = open_workspace(StoreLocation(data_dir))
    window = build_window(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.welcome_screen.empty_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.caseload_screen
    assert window.navigation.isVisible()
    assert window.caseload_screen.count_label.text() == "0 van 0 studenten"
    workspace.close()


def test_a_store_opens_in_one_window_at_a_time(qtbot, data_dir: Path) -> None:
    from coachdesk.errors import UserFacingError

    first = AppController(StoreLocation(data_dir))
    qtbot.addWidget(first.window)
    with pytest.raises(UserFacingError, match="al open in een ander venster"):
        AppController(StoreLocation(data_dir))
    first.close()
    second = AppController(StoreLocation(data_dir))
    qtbot.addWidget(second.window)
    second.close()


def test_ctrl_q_quits_from_any_screen(qtbot, demo_workspace: Workspace) -> None:
    window = build_window(demo_workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_screen(1)
    qtbot.keyClick(
        window.focusWidget() or window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier
    )
    assert not window.isVisible()
