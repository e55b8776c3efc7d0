"""Usable by keyboard and screen reader, readable at 150 %, in Dutch or English, light or dark."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from coachdesk.app import build_window
from coachdesk.domain.school_year import Cadence
from coachdesk.domain.students import Student
from coachdesk.i18n import set_language
from coachdesk.preferences import load_language, save_language
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.ui.dialogs.add_student_dialog import AddStudentDialog
from coachdesk.ui.dialogs.experience_dialog import ExperienceDialog
from coachdesk.ui.dialogs.settings_dialog import CoachSettings, SettingsDialog
from coachdesk.ui.dialogs.start_conversation_dialog import StartConversationDialog
from coachdesk.ui.dialogs.student_dialog import StudentDialog
from coachdesk.ui.theme import DARK, LIGHT, apply_theme, colours, follow_colour_scheme
from tests.accessibility import clipped_texts, cut_short_in_table, unnamed_controls
from tests.helpers import plain_store, run_cli

TODAY = dt.date(2026, 11, 23)
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def workspace(data_dir: Path):
    opened = Workspace.open(StoreLocation(data_dir, demo=True))
    fill_with_demo(opened.repos, students=6, today=TODAY)
    yield opened
    opened.close()


def test_every_control_has_a_name_a_screen_reader_can_say(qtbot, workspace: Workspace) -> None:
    window = build_window(workspace, TODAY)
    qtbot.addWidget(window)
    window.show()
    entry = window.caseload_screen.model.entry_at(0)
    window.open_student(entry)
    window.show_screen(2)
    assert unnamed_controls(window) == []
    student = entry.student
    contacts = workspace.repos.contacts.select("student_id = ?", [student.id])
    dialogs = [
        ExperienceDialog(student.id, []),
        StudentDialog(student, contacts),
        StartConversationDialog(student, contacts, "Mirjam"),
        SettingsDialog(CoachSettings("Mirjam", "", "ROC", None, Cadence(), "nl", 5, 2)),
        AddStudentDialog(workspace_add_refused, [], []),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert unnamed_controls(dialog) == [], type(dialog).__name__


def test_the_caseload_is_reachable_with_tab_from_the_search_field(
    qtbot, workspace: Workspace
) -> None:
    window = build_window(workspace, TODAY)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    screen = window.caseload_screen
    screen.search_edit.setFocus()
    reached = []
    for _step in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
        if QApplication.focusWidget() is screen.table:
            break
    assert screen.group_combo in reached
    assert reached[-1] is screen.table


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_nothing_is_clipped_on_any_screen(qtbot, workspace: Workspace, lang: str) -> None:
    set_language(lang)
    window = build_window(workspace, TODAY)
    qtbot.addWidget(window)
    window.show()
    assert cut_short_in_table(window.caseload_screen.table) == []
    window.open_student(window.caseload_screen.model.entry_at(0))
    for row in range(4):
        window.show_screen(row)
        assert clipped_texts(window) == [], row
    dialog = AddStudentDialog(workspace_add_refused, ["VIG3-2A"], ["Verzorgende-IG"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert clipped_texts(dialog) == []
    dialog.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_empty_caseload_is_not_clipped(qtbot, data_dir: Path, lang: str) -> None:
    set_language(lang)
    own = Workspace.open(StoreLocation(data_dir))
    window = build_window(own, TODAY)
    qtbot.addWidget(window)
    window.show()
    window.show_screen(0)
    assert window.caseload_screen.empty_state.isVisible()
    assert clipped_texts(window) == []
    assert unnamed_controls(window) == []
    window.close()
    own.close()


def workspace_add_refused(_texts: object) -> Student:
    """Stands in for adding: these dialogs are only looked at."""
    raise AssertionError("not saved in this test")


@pytest.mark.slow
def test_nothing_is_clipped_at_150_percent(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    assert run_cli("--demo", "demo", "--students", "6", data_dir=folder).returncode == 0
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_SCALE_FACTOR": "1.5",
        "PYTHONPATH": str(ROOT),
    }
    script = (
        "import json, pathlib, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from coachdesk.app import build_window\n"
        "from coachdesk.services.workspace import StoreLocation, Workspace\n"
        "from coachdesk.ui.theme import apply_theme\n"
        "from tests.accessibility import clipped_texts\n"
        "app = QApplication([])\n"
        "apply_theme(app)\n"
        "ws = Workspace.open(StoreLocation(pathlib.Path(sys.argv[1]), demo=True))\n"
        "w = build_window(ws)\n"
        "w.show()\n"
        "w.open_student(w.caseload_screen.model.entry_at(0))\n"
        "found = {}\n"
        "for row in range(4):\n"
        "    w.show_screen(row)\n"
        "    app.processEvents()\n"
        "    found[row] = clipped_texts(w)\n"
        "w.grab().save(sys.argv[2])\n"
        "print(json.dumps(found))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(folder), str(tmp_path / "150.png")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "0": [],
        "1": [],
        "2": [],
        "3": [],
    }


def test_english_is_chosen_in_settings_and_used_from_the_next_start(
    qtbot, workspace: Workspace, data_dir: Path
) -> None:
    assert load_language(data_dir) == "nl"
    save_language(data_dir, "en")
    assert load_language(data_dir) == "en"
    set_language("en")
    window = build_window(workspace, TODAY)
    qtbot.addWidget(window)
    assert window.navigation.item(0).text() == "My students"
    assert window.caseload_screen.search_edit.placeholderText().startswith("Search by name")
    result = run_cli("students", data_dir=plain_store(data_dir))
    assert "students" in result.stdout.splitlines()[-1]


def test_a_broken_preferences_file_falls_back_to_dutch(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "voorkeuren.json").write_text("{niet geldig")
    assert load_language(data_dir) == "nl"


def test_a_dark_desktop_gets_the_dark_colours_and_a_light_one_the_light(qapp) -> None:
    """The desktop's own palette says dark or light (read without Qt's colour-scheme enum, which
    costs some 20 ms of the first frame)."""
    desktop = QPalette(qapp.palette())
    desktop.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    qapp.setPalette(desktop)
    apply_theme(qapp)
    assert colours() is DARK
    apply_theme(qapp)  # again, over its own dark palette: still dark
    assert colours() is DARK
    desktop.setColor(QPalette.ColorRole.Window, QColor("#efefef"))
    qapp.setPalette(desktop)
    apply_theme(qapp)
    assert colours() is LIGHT


def test_a_desktop_that_names_its_colour_scheme_gets_that_look(qapp) -> None:
    """Some Linux desktops say dark without giving Qt a dark palette."""
    apply_theme(qapp, dark=False)
    follow_colour_scheme(qapp, Qt.ColorScheme.Unknown)
    assert colours() is LIGHT  # the palette's choice stands
    follow_colour_scheme(qapp, Qt.ColorScheme.Dark)
    assert colours() is DARK
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == DARK.window
    follow_colour_scheme(qapp, Qt.ColorScheme.Light)
    assert colours() is LIGHT


def test_dark_mode_gives_a_dark_palette(qapp) -> None:
    apply_theme(qapp, dark=True)
    assert qapp.palette().color(qapp.palette().ColorRole.Window).name() == DARK.window
    apply_theme(qapp, dark=False)
    assert qapp.palette().color(qapp.palette().ColorRole.Window).name() == LIGHT.window


@pytest.mark.parametrize("dark", [False, True])
def test_a_button_that_cannot_be_used_yet_looks_so(qapp, dark: bool) -> None:
    """Found walking: "Verder" before the recovery key was kept looked like any button."""
    apply_theme(qapp, dark=dark)
    try:
        palette = qapp.palette()
        for role in (
            QPalette.ColorRole.ButtonText,
            QPalette.ColorRole.Text,
            QPalette.ColorRole.WindowText,
        ):
            assert palette.color(QPalette.ColorGroup.Disabled, role).name() == colours().disabled
            assert palette.color(QPalette.ColorGroup.Active, role).name() == colours().text
    finally:
        apply_theme(qapp, dark=False)
