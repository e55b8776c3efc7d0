"""``coachdesk check``: is the store whole? Reads only; never changes the file."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from coachdesk.errors import StoreError
from coachdesk.i18n import _
from coachdesk.services.demo_data import DEMO_META_KEY
from coachdesk.storage.connection import ConnectionFactory, PlainConnectionFactory
from coachdesk.storage.database import ensure_sqlite_file, translate_sqlite_error
from coachdesk.storage.migrations import LATEST_VERSION


@dataclass
class CheckResult:
    """One named check and what it found (an empty ``problems`` list means OK)."""

    name: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Return whether the check found nothing wrong."""
        return not self.problems


@dataclass
class HealthReport:
    """What ``check`` found about one store."""

    path: Path
    schema_version: int = 0
    is_demo: bool = False
    results: list[CheckResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Return whether every check passed."""
        return all(result.ok for result in self.results)


def _pragma_rows(conn: sqlite3.Connection, pragma: str) -> list[tuple[object, ...]]:
    return [tuple(row) for row in conn.execute(f"PRAGMA {pragma}").fetchall()]


def check_store(path: Path, factory: ConnectionFactory | None = None) -> HealthReport:
    """Run the quick, integrity and foreign-key checks and compare the schema version."""
    report = HealthReport(path=path)
    if not path.is_file():
        raise StoreError(_("There is no store at {path} yet.").format(path=path))
    ensure_sqlite_file(path)
    try:
        conn = (factory or PlainConnectionFactory()).connect(path, read_only=True)
    except sqlite3.Error as error:
        raise translate_sqlite_error(error, path) from error
    try:
        report.schema_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        version = CheckResult(_("Schema version {version}").format(version=report.schema_version))
        if report.schema_version > LATEST_VERSION:
            version.problems.append(
                _(
                    "Made by a newer CoachDesk (schema {found}); this version knows up to {known}."
                ).format(found=report.schema_version, known=LATEST_VERSION)
            )
        quick = CheckResult(_("Quick check"))
        quick.problems = [
            str(row[0]) for row in _pragma_rows(conn, "quick_check") if row[0] != "ok"
        ]
        integrity = CheckResult(_("Integrity check"))
        integrity.problems = [
            str(row[0]) for row in _pragma_rows(conn, "integrity_check") if row[0] != "ok"
        ]
        foreign = CheckResult(_("References between records (foreign keys)"))
        foreign.problems = [
            _("Row {row} in table {table} refers to a missing record in {parent}.").format(
                row=row[1], table=row[0], parent=row[2]
            )
            for row in _pragma_rows(conn, "foreign_key_check")
        ]
        report.results = [version, quick, integrity, foreign]
        if report.schema_version >= 1:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", [DEMO_META_KEY]).fetchone()
            report.is_demo = row is not None and row[0] == "1"
    except sqlite3.Error as error:
        raise translate_sqlite_error(error, path) from error
    finally:
        conn.close()
    return report
