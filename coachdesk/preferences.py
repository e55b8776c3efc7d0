"""Preferences needed before any store is open (the interface language), in a small JSON file.

They live beside the stores in the data folder and hold no personal data.
"""

from __future__ import annotations

import json
from pathlib import Path

from coachdesk.i18n import DEFAULT_LANGUAGE, LANGUAGES
from coachdesk.savefile import save_text

PREFERENCES_FILE = "voorkeuren.json"


def load_language(data_dir: Path) -> str:
    """Return the chosen interface language; Dutch when none was chosen or the file is bad."""
    try:
        data = json.loads((data_dir / PREFERENCES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return DEFAULT_LANGUAGE
    language = data.get("language") if isinstance(data, dict) else None
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def save_language(data_dir: Path, language: str) -> None:
    """Remember the interface language (written atomically)."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language}")
    save_text(data_dir / PREFERENCES_FILE, json.dumps({"language": language}))
