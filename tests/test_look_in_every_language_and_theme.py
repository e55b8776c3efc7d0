"""Every screen, in Dutch and English, light and dark: no clipped text, every text readable.

Readable means WCAG AA: each visible label and button, as rendered, against the background
behind it, at least 4.5:1. The colours come from the one palette in coachdesk/ui/theme.py.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from coachdesk.app import build_window
from coachdesk.domain.people import Person
from coachdesk.i18n import set_language
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.ui.dialogs.student_dialog import StudentDialog
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.theme import apply_theme
from tests.accessibility import clipped_texts, contrast_ratio, low_contrast_texts
from tests.helpers import run_cli

TODAY = dt.date(2026, 11, 23)
LAPTOP = QSize(1366, 768)
ROOT = Path(__file__).resolve().parent.parent
UI_FOLDER = ROOT / "coachdesk" / "ui"
LOCALE = ROOT / "resources" / "locale"


@pytest.fixture
def workspace(data_dir: Path) -> Iterator[Workspace]:
    opened = Workspace.open(StoreLocation(data_dir, demo=True))
    fill_with_demo(opened.repos, students=6, today=TODAY)
    yield opened
    opened.close()


def _settle(qtbot) -> None:
    QApplication.processEvents()
    qtbot.wait(20)


def _as_on_a_laptop(view: QWidget) -> QWidget:
    """A full-screen view at 1366×768 (the offscreen test screen is smaller)."""
    view.showNormal()
    view.resize(LAPTOP)
    return view


def every_screen(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Show each screen in turn, as a coach reaches it, and hand over the window showing it."""
    window.show_screen(0)
    yield "my students", window
    entry = window.caseload_screen.model.entry_at(0)
    window.open_student(entry)
    yield "student", window
    details = StudentDialog(entry.student, [], window)
    details.show()
    details.number_edit.clear()
    details.buttons.button(QDialogButtonBox.StandardButton.Save).click()  # a problem is said
    assert details.problem_label.text()
    yield "details", details
    details.reject()
    window.show_screen(2)
    conversation = window.conversation_screen
    conversation.steps.setCurrentWidget(conversation.prepare_step)
    yield "prepare", window
    conversation.steps.setCurrentWidget(conversation.wrap_up_step)
    yield "close together", window
    window.show_screen(3)
    yield "my practice", window
    window.scans.fill_in(entry.student, Person.STUDENT)
    scan = window.scans.scan_view
    assert scan is not None
    yield "scan", _as_on_a_laptop(scan)
    scan.close()
    window.show_screen(2)
    conversation.enter_calm_mode()
    calm = conversation.calm_view
    assert calm is not None
    yield "in conversation", _as_on_a_laptop(calm)
    calm.close()


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_screen_is_unclipped_and_readable(
    qtbot, qapp, workspace: Workspace, language: str, dark: bool
) -> None:
    set_language(language)
    apply_theme(qapp, dark=dark)
    try:
        window = build_window(workspace, TODAY)
        qtbot.addWidget(window)
        window.resize(LAPTOP)
        window.show()
        problems = {}
        for name, shown in every_screen(window):
            _settle(qtbot)
            found = clipped_texts(shown) + low_contrast_texts(shown)
            if found:
                problems[name] = found
        assert problems == {}
    finally:
        apply_theme(qapp, dark=False)


def test_the_contrast_check_fails_on_faint_text(qtbot, qapp) -> None:
    """The check measures what is drawn: grey on grey is caught, the theme's text passes."""
    apply_theme(qapp, dark=True)
    try:
        from PySide6.QtWidgets import QLabel, QVBoxLayout

        window = QWidget()
        qtbot.addWidget(window)
        layout = QVBoxLayout(window)
        faint = QLabel("Nauwelijks leesbaar", window)
        faint.setStyleSheet("color: #3a4445;")  # the dark theme's background is #1e2526
        layout.addWidget(faint)
        layout.addWidget(QLabel("Goed leesbaar", window))
        window.show()
        _settle(qtbot)
        found = low_contrast_texts(window)
        assert len(found) == 1 and "Nauwelijks" in found[0]
    finally:
        apply_theme(qapp, dark=False)


def test_contrast_ratio_follows_wcag() -> None:
    assert round(contrast_ratio(0x000000, 0xFFFFFF), 1) == 21.0
    assert round(contrast_ratio(0x777777, 0xFFFFFF), 2) == 4.48


def test_no_interface_file_names_a_colour_of_its_own() -> None:
    """Colours live in one palette (theme.py); a colour elsewhere would miss the dark theme."""
    colour = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|QColor\(\s*[\"'\d]|Qt\.GlobalColor")
    offenders = [
        f"{path.relative_to(UI_FOLDER)}:{number}"
        for path in UI_FOLDER.rglob("*.py")
        if path.name != "theme.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if colour.search(line)
    ]
    assert offenders == []


def _shown_texts(root: QWidget) -> set[str]:
    """Every text a coach can see on ``root``: labels, buttons, tabs, choices, column heads."""
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            texts += [str(model.headerData(i, widget.orientation())) for i in range(widget.count())]
    return {_plain(text) for text in texts if text}


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text).replace("&", "").strip(" :…").casefold()


def test_the_english_interface_has_no_dutch_left(qtbot, workspace: Workspace) -> None:
    """No text on any screen is one the Dutch catalogue holds (a string translated too early)."""
    with (LOCALE / "nl" / "LC_MESSAGES" / "coachdesk.po").open("rb") as handle:
        catalogue = read_po(handle)
    dutch = {
        _plain(message.string)
        for message in catalogue
        if isinstance(message.string, str) and message.string and message.string != message.id
    } - {_plain(message.id) for message in catalogue if isinstance(message.id, str)}
    set_language("en")
    window = build_window(workspace, TODAY)
    qtbot.addWidget(window)
    window.resize(LAPTOP)
    window.show()
    left = {}
    for name, shown in every_screen(window):
        _settle(qtbot)
        if found := _shown_texts(shown) & dutch:
            left[name] = sorted(found)
    assert left == {}


SCALED_SCRIPT = """
import datetime as dt, json, pathlib, sys
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from coachdesk.app import build_window
from coachdesk.i18n import set_language
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.ui.theme import apply_theme
from tests.accessibility import clipped_texts, low_contrast_texts
import tests.test_look_in_every_language_and_theme as look
app = QApplication([])
look.LAPTOP = QSize(1093, 614)  # 1366 x 768 pixels at 125 %
workspace = Workspace.open(StoreLocation(pathlib.Path(sys.argv[1]), demo=True))
found = {}
for language in ("nl", "en"):
    for dark in (False, True):
        set_language(language)
        apply_theme(app, dark=dark)
        window = build_window(workspace, dt.date(2026, 11, 23))
        window.resize(look.LAPTOP)
        window.show()
        for name, shown in look.every_screen(window):
            for _ in range(3):
                app.processEvents()
            if problems := clipped_texts(shown) + low_contrast_texts(shown):
                found[f"{language} {'dark' if dark else 'light'} {name}"] = problems
        window.close()
workspace.close()
print(json.dumps(found))
"""


@pytest.mark.slow
def test_every_screen_is_unclipped_and_readable_at_125_percent(tmp_path: Path) -> None:
    """Windows' common 125 % on a 1366 x 768 laptop: Qt's own scaling, as the coach has it."""
    folder = tmp_path / "data"
    assert run_cli("--demo", "demo", "--students", "6", data_dir=folder).returncode == 0
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_SCALE_FACTOR": "1.25",
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCALED_SCRIPT, str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {}
