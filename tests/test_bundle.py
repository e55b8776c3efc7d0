"""The installable one-folder app builds and starts, as a school's IT would check it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from coachdesk.ui.window_place import MINIMUM_SIZE

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def test_the_bundle_builds_and_its_app_and_cli_start(tmp_path: Path) -> None:
    env = {**os.environ, "DIST": str(tmp_path / "dist"), "WORK": str(tmp_path / "work")}
    build = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh")],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    app = tmp_path / "dist" / "CoachDesk" / "coachdesk"
    assert (app.parent / "coachdesk.desktop").is_file()
    data = tmp_path / "data"
    run_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def bundle(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(app), "--data-dir", str(data), *args],
            capture_output=True,
            text=True,
            env=run_env,
            timeout=120,
            check=False,
        )

    demo = bundle("demo", "--students", "3")
    assert demo.returncode == 0, demo.stderr
    check = bundle("check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Resultaat: alles is in orde." in check.stdout
    shot = tmp_path / "venster.png"
    gui = bundle("--screenshot", str(shot))
    assert gui.returncode == 0, gui.stderr
    assert QImage(str(shot)).width() >= MINIMUM_SIZE.width()  # the window, within the screen
