"""``coachdesk check``: is the store whole? Reads only; never changes the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from coachdesk.errors import ForeignWalError, StoreError
from coachdesk.i18n import _, ngettext
from coachdesk.storage.connection import ConnectionFactory, PlainConnectionFactory
from coachdesk.storage.integrity import inspect_store
from coachdesk.storage.migrations import LATEST_VERSION
from coachdesk.storage.store_identity import refuse_foreign_wal


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
    schema_version: int
    is_demo: bool
    results: list[CheckResult]

    @property
    def ok(self) -> bool:
        """Return whether every check passed."""
        return all(result.ok for result in self.results)


def check_store(path: Path, factory: ConnectionFactory | None = None) -> HealthReport:
    """Run the quick, integrity and foreign-key checks and compare the schema version."""
    if not path.is_file():
        raise StoreError(_("There is no store at {path} yet.").format(path=path))
    try:
        refuse_foreign_wal(path, factory or PlainConnectionFactory())
    except ForeignWalError as error:  # reading through it would check the wrong data
        log = CheckResult(_("Log file (-wal)"), [error.message])
        return HealthReport(path, 0, is_demo=False, results=[log])
    findings = inspect_store(path, factory)
    version = CheckResult(_("Schema version {version}").format(version=findings.schema_version))
    if findings.schema_version == 0:
        version.problems.append(_("The file holds no CoachDesk data (it is empty)."))
    if findings.schema_version > LATEST_VERSION:
        version.problems.append(
            _(
                "Made by a newer CoachDesk (schema {found}); this version knows up to {known}."
            ).format(found=findings.schema_version, known=LATEST_VERSION)
        )
    if findings.damaged_pages:
        cipher = CheckResult(
            _("Encryption (every page checked)"),
            [
                ngettext(
                    "{count} page fails its check: the file was changed or damaged on disk.",
                    "{count} pages fail their check: the file was changed or damaged on disk.",
                    len(findings.damaged_pages),
                ).format(count=len(findings.damaged_pages))
            ],
        )
        return HealthReport(path, findings.schema_version, findings.is_demo, [version, cipher])
    references = CheckResult(_("References between records (foreign keys)"))
    references.problems = [
        _("Row {row} in table {table} refers to a missing record in {parent}.").format(
            row=row, table=table, parent=parent
        )
        for table, row, parent in findings.broken_references
    ]
    return HealthReport(
        path=path,
        schema_version=findings.schema_version,
        is_demo=findings.is_demo,
        results=[
            version,
            *(
                [CheckResult(_("Encryption (every page checked)"))]
                if findings.damaged_pages is not None
                else []
            ),
            CheckResult(_("Quick check"), findings.quick_check),
            CheckResult(_("Integrity check"), findings.integrity_check),
            references,
        ],
    )
