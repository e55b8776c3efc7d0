"""Layer rules and the Qt pin, checked so that a slip fails in CI and not on a coach's laptop."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import coachdesk

ROOT = Path(__file__).resolve().parent.parent
QT_FREE_PACKAGES = ("domain", "storage", "services", "export", "i18n")


def _qt_free_modules() -> list[str]:
    names = [
        "coachdesk.cli",
        "coachdesk.launch",
        "coachdesk.early_options",
        "coachdesk.paths",
        "coachdesk.errors",
        "coachdesk.crash_log",
    ]
    for module in pkgutil.walk_packages(coachdesk.__path__, "coachdesk."):
        if module.name.split(".")[1] in QT_FREE_PACKAGES:
            names.append(module.name)
    return names


def test_domain_storage_services_and_exports_never_load_qt() -> None:
    modules = _qt_free_modules()
    assert any(".storage." in name for name in modules)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(loaded)\n"
        "sys.exit(1 if loaded else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_storage_speaks_sql() -> None:
    offenders = []
    for path in (ROOT / "coachdesk").rglob("*.py"):
        relative = path.relative_to(ROOT / "coachdesk").as_posix()
        if relative.startswith("storage/"):
            continue
        text = path.read_text(encoding="utf-8")
        if "import sqlite3" in text:
            offenders.append(relative)
        if "SELECT " in text or "INSERT INTO" in text:
            offenders.append(relative)
    assert offenders == []


def test_qt_stays_pinned_to_the_version_that_survives_heavy_repaints() -> None:
    import PySide6

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "PySide6-Essentials==6.11.3" in project["project"]["dependencies"]
    assert PySide6.__version__ == "6.11.3"
