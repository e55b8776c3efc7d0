"""The one place that knows where data and bundled resources live.

Resources sit in the top-level ``resources/`` folder of a source checkout, inside
the package (``coachdesk/resources``) once installed from a wheel, and under
``sys._MEIPASS`` in a PyInstaller bundle. Nothing here runs at import time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "CoachDesk"
DATA_DIR_ENV = "COACHDESK_DATA_DIR"
STORE_FILE_NAME = "coachdesk.sqlite"
DEMO_SUBDIR = "demo"


def resources_dir() -> Path:
    """Return the folder with fonts, translations and demo material."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "coachdesk" / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates.append(package_dir / "resources")
    candidates.append(package_dir.parent / "resources")
    for candidate in candidates:
        if (candidate / "locale").is_dir():
            return candidate
    raise FileNotFoundError("CoachDesk resources folder not found; the installation is incomplete")


def resource_path(*parts: str) -> Path:
    """Return the path of one bundled resource."""
    return resources_dir().joinpath(*parts)


def default_data_dir() -> Path:
    """Return the coach's data folder: ``COACHDESK_DATA_DIR`` or the platform user-data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def store_dir(data_dir: Path, *, demo: bool) -> Path:
    """Return the folder of the real store, or of the separate demo store."""
    return data_dir / DEMO_SUBDIR if demo else data_dir


def store_path(data_dir: Path, *, demo: bool) -> Path:
    """Return the SQLite file for the real or the demo store."""
    return store_dir(data_dir, demo=demo) / STORE_FILE_NAME
