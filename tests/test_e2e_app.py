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
