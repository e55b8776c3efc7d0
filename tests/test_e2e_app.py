"""The app started for real, in a real X server (Xvfb), as a coach would start it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = pytest.mark.slow


def test_the_app_starts_on_the_demo_store_under_xvfb(tmp_path: Path) -> None:
    xvfb_run = shutil.which("xvfb-run")
    assert xvfb_run, "xvfb-run is installed by scripts/setup.sh"
    shot = tmp_path / "venster.png"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    result = subprocess.run(
        [
            xvfb_run,
            "-a",
            sys.executable,
            "-m",
            "coachdesk",
            "--data-dir",
            str(tmp_path / "data"),
            "--demo",
            "--screenshot",
            str(shot),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    image = QImage(str(shot))
    assert image.width() >= 800
    assert image.height() >= 520
    assert (tmp_path / "data" / "demo" / "coachdesk.sqlite").is_file()


FIRST_FRAME_ON_SCREEN = r"""
import sys
from coachdesk.ui.first_frame import show_first_frame
from coachdesk.ui.theme import colours
frame = show_first_frame()
# What the X server shows now, in the window's place: the app goes on loading at this point.
image = frame.screen().grabWindow(frame.winId()).toImage()
print(image.pixelColor(100, 400).name(), colours().navigation)
"""


WITH_WINDOW_MANAGER = """
openbox --startup "touch $1" >/dev/null 2>&1 &
while [ ! -e "$1" ]; do sleep 0.05; done
shift
exec "$@"
"""
"""Runs a command once a window manager (openbox, as on a coach's desktop) manages the screen."""


def test_the_first_frame_is_on_screen_before_the_app_loads_in_a_real_x_server(
    tmp_path: Path,
) -> None:
    """Under a window manager X11 maps a new window with a round trip: found walking, the
    first frame stayed black until the app had loaded."""
    xvfb_run = shutil.which("xvfb-run")
    assert xvfb_run, "xvfb-run is installed by scripts/setup.sh"
    assert shutil.which("openbox"), "openbox is installed by scripts/setup.sh"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    probe = [sys.executable, "-c", FIRST_FRAME_ON_SCREEN]
    result = subprocess.run(
        [xvfb_run, "-a", "sh", "-c", WITH_WINDOW_MANAGER, "sh", str(tmp_path / "wm-ready"), *probe],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=True,
    )
    shown, navigation = result.stdout.split()
    assert shown == navigation
