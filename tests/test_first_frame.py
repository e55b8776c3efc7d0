"""The window is on screen before CoachDesk's own code loads; the real window takes its place."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

from coachdesk.early_options import early_options
from coachdesk.ui.first_frame import PAINT_WAIT_MS, FirstFrame, show_first_frame
from coachdesk.ui.theme import DARK, LIGHT, apply_theme
from tests.helpers import run_cli

WATCH = r"""
import os, sys
import PySide6.QtCore
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QWidget

app = QApplication([])
seen = {}

class Watch(QObject):
    def eventFilter(self, watched, event):
        if (
            event.type() == QEvent.Type.Paint
            and "loaded" not in seen
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), QMainWindow)
        ):
            frame = watched.window()
            seen["loaded"] = [name for name in ("coachdesk.cli", "coachdesk.app", "sqlite_utils")
                              if name in sys.modules]
            if "Qt" in vars(PySide6.QtCore):  # PySide6 builds its Qt namespace on first use
                seen["loaded"].append("the Qt namespace")
            seen["title"] = frame.windowTitle()
            seen["geometry"] = frame.geometry().getRect()
        table = watched.parent() if isinstance(watched, QWidget) else None
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(table, QTableView)
            and table.objectName() == "caseloadTable"
            and table.model().rowCount() > 0
        ):
            seen.setdefault("painted with students at", watched.window().geometry().getRect())
        return False

def caseload_shown():
    if "painted with students at" not in seen:
        return
    windows = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    print("loaded before the first paint:", seen["loaded"])
    print("sqlite-utils loaded when the caseload shows:", "sqlite_utils" in sys.modules)
    print("first frame title:", seen["title"])
    print("windows open:", len(windows))
    print("same place:", seen["painted with students at"] == seen["geometry"], flush=True)
    os._exit(0)

watch = Watch()
app.installEventFilter(watch)
poll = QTimer()
poll.timeout.connect(caseload_shown)
poll.start(20)
from coachdesk.launch import main
main(["--data-dir", sys.argv[1], "--demo"])
"""


@pytest.mark.slow
def test_the_window_is_painted_before_the_app_loads_and_the_real_one_takes_its_place(
    tmp_path: Path,
) -> None:
    assert run_cli("--demo", "demo", "--students", "5", data_dir=tmp_path).returncode == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", WATCH, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    assert "loaded before the first paint: []" in result.stdout
    assert "sqlite-utils loaded when the caseload shows: False" in result.stdout  # on 1st write
    assert "first frame title: CoachDesk" in result.stdout  # never a student's name
    assert "windows open: 1" in result.stdout
    assert "same place: True" in result.stdout


@pytest.mark.parametrize(
    ("argv", "opens_window"),
    [
        ([], True),
        (["--demo", "--data-dir", "/tmp/x", "--lang", "en"], True),
        (["students"], False),
        (["--demo", "summary", "abc"], False),
        (["--help"], False),
        (["--version"], False),
        (["--screenshot", "x.png"], False),
    ],
)
def test_only_a_run_without_a_command_paints_a_window_first(
    argv: list[str], opens_window: bool, tmp_path: Path
) -> None:
    assert early_options([*argv, "--data-dir", str(tmp_path)]).opens_window is opens_window


def test_pyside_reads_no_source_of_what_loads_after_the_first_frame() -> None:
    """PySide6 would read every later module's whole source (~60 ms of each start)."""
    probe = (
        "import linecache\n"
        "from coachdesk.ui.first_frame import show_first_frame\n"
        "show_first_frame()\n"
        "from coachdesk.storage import database\n"
        "print(sorted(name for name in linecache.cache if 'sqlite_utils' in name))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("dark", [False, True])
def test_the_first_frame_is_the_window_outline_in_the_look_s_colours(qapp, dark: bool) -> None:
    """Navigation with its first place chosen and the caseload's table, light or dark; no text."""
    apply_theme(qapp, dark=dark)
    try:
        frame = FirstFrame()
        frame.resize(1366, 740)
        image = frame.grab().toImage()
        frame.close()
    finally:
        apply_theme(qapp, dark=False)
    look = DARK if dark else LIGHT

    def colour_at(x: int, y: int) -> str:
        return image.pixelColor(x, y).name()

    assert colour_at(100, 400) == look.navigation
    assert colour_at(15, 15) == look.accent  # "My students", chosen
    assert colour_at(800, 400) == look.base  # the caseload's table
    assert colour_at(800, 158) == look.alternate  # its header
    assert colour_at(1355, 400) == look.window


def test_a_window_system_that_never_lets_the_frame_paint_does_not_stop_the_app_loading(
    qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started minimised or in a locked session, the first frame waits its bound, then the app
    loads on (it used to wait on Python's clock, which on Windows can lag Qt's timer)."""
    monkeypatch.setattr(FirstFrame, "paintEvent", QMainWindow.paintEvent)  # no paint comes
    started = time.monotonic()
    frame = show_first_frame()
    waited = time.monotonic() - started
    frame.close()
    assert not frame.painted
    assert PAINT_WAIT_MS / 1000 * 0.9 <= waited < 3


def test_the_demo_store_s_first_frame_has_its_strip_so_the_window_does_not_jump_down(
    qapp,
) -> None:
    """Found walking: the demo window landed 42 px lower than its outline."""
    apply_theme(qapp, dark=False)
    frame = FirstFrame(demo=True)
    frame.resize(1366, 740)
    image = frame.grab().toImage()
    frame.close()
    assert image.pixelColor(700, 20).name() == LIGHT.banner
    assert image.pixelColor(15, 15).name() == LIGHT.banner  # the navigation starts below it
    assert image.pixelColor(15, 42 + 15).name() == LIGHT.accent
