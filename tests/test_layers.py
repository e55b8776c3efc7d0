"""Layer rules and the Qt pin, checked so that a slip fails in CI and not on a coach's laptop."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import coachdesk

ROOT = Path(__file__).resolve().parent.parent
QT_FREE_PACKAGES = ("cli", "domain", "storage", "services", "export", "i18n")


def _qt_free_modules() -> list[str]:
    names = [
        "coachdesk.cli",
        "coachdesk.launch",
        "coachdesk.early_options",
        "coachdesk.paths",
        "coachdesk.file_names",
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


SQL_OUTSIDE_STORAGE = re.compile(
    r"\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|ORDER BY|IS NULL|BETWEEN|JOIN)\b"
    r"|= \?"  # a placeholder: a where clause being built
    r"|\.(conn|db)\b"  # a connection or the sqlite-utils database
    r"|\.select\(|order_by="  # a repository asked with a SQL fragment
)


def test_services_ask_repositories_by_name_and_hold_no_connection() -> None:
    offenders = [
        f"{path.relative_to(ROOT).as_posix()}:{number}: {line.strip()}"
        for path in sorted((ROOT / "coachdesk" / "services").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SQL_OUTSIDE_STORAGE.search(line)
    ]
    assert offenders == []


def test_qt_stays_pinned_to_the_version_that_survives_heavy_repaints() -> None:
    import PySide6

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "PySide6-Essentials==6.11.3" in project["project"]["dependencies"]
    assert PySide6.__version__ == "6.11.3"


def test_no_module_is_longer_than_a_newcomer_reads_in_one_go() -> None:
    """400 lines at most: a module that grows past it holds more than one job; split it."""
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in (ROOT / "coachdesk").rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert too_long == {}
