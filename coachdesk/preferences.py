"""Preferences that belong to the laptop rather than to a store, in a small JSON file.

The interface language (needed before any store is open) and how the coach left the window:
its place, size and column widths. They live beside the stores in the data folder and hold
no personal data. A bad or missing file means the defaults; it is never an error.
"""

from __future__ import annotations

import base64
import binascii
import json
from pathlib import Path

from coachdesk.i18n import DEFAULT_LANGUAGE, LANGUAGES
from coachdesk.savefile import save_text

PREFERENCES_FILE = "voorkeuren.json"
_LANGUAGE = "language"
_WINDOW = "window"
_CASELOAD_COLUMNS = "caseload_columns"


def _read(data_dir: Path) -> dict[str, object]:
    try:
        data = json.loads((data_dir / PREFERENCES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _update(data_dir: Path, key: str, value: object) -> None:
    """Change one preference and keep the others (written atomically)."""
    data = _read(data_dir)
    data[key] = value
    save_text(data_dir / PREFERENCES_FILE, json.dumps(data))


def load_language(data_dir: Path) -> str:
    """Return the chosen interface language; Dutch when none was chosen or the file is bad."""
    language = _read(data_dir).get(_LANGUAGE)
    return language if isinstance(language, str) and language in LANGUAGES else DEFAULT_LANGUAGE


def save_language(data_dir: Path, language: str) -> None:
    """Remember the interface language."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language}")
    _update(data_dir, _LANGUAGE, language)


def load_window_state(data_dir: Path) -> bytes | None:
    """Return the main window's place, size and maximised state as Qt saved it, if known."""
    text = _read(data_dir).get(_WINDOW)
    if not isinstance(text, str):
        return None
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


def save_window_state(data_dir: Path, state: bytes) -> None:
    """Remember the main window's place, size and maximised state for the next start."""
    _update(data_dir, _WINDOW, base64.b64encode(state).decode("ascii"))


def load_column_widths(data_dir: Path) -> list[int]:
    """Return the caseload's column widths as the coach left them (empty: the defaults)."""
    widths = _read(data_dir).get(_CASELOAD_COLUMNS)
    if not isinstance(widths, list) or not all(isinstance(w, int) and w > 0 for w in widths):
        return []
    return widths


def save_column_widths(data_dir: Path, widths: list[int]) -> None:
    """Remember the caseload's column widths the coach chose."""
    _update(data_dir, _CASELOAD_COLUMNS, widths)
