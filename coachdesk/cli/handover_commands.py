"""Commands for a handover: write an encrypted dossier for the next coach, import one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from coachdesk.cli.command import Command, WorkspaceCommand
from coachdesk.cli.common import DOSSIER_PASSPHRASE_ENV, EXIT_OK, backup_before_import, passphrase
from coachdesk.i18n import N_, _

if TYPE_CHECKING:
    from coachdesk.services.workspace import Workspace


def _dossier_passphrase(*, confirm: bool) -> str:
    return passphrase(DOSSIER_PASSPHRASE_ENV, _("Dossier passphrase: "), confirm=confirm)


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("student_numbers", nargs="+", metavar=_("NUMBER"))
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE"))
    parser.add_argument(
        "--include-private",
        action="store_true",
        help=_("also include coach-private notes and referrals"),
    )
    parser.add_argument(
        "--consent",
        action="store_true",
        help=_("confirm the student (or a parent, below 16) agreed to the handover"),
    )


def _run_export(args: argparse.Namespace, workspace: Workspace) -> int:
    from coachdesk.services.dossier import Dossiers  # noqa: PLC0415 - loaded when the command runs

    path = Dossiers(workspace.repos).export(
        args.student_numbers,
        _dossier_passphrase(confirm=True),
        args.out,
        include_private=args.include_private,
        consent_given=args.consent,
    )
    print(_("Dossier written: {path}").format(path=path))
    return EXIT_OK


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar=_("FILE"))


def _run_import(args: argparse.Namespace, workspace: Workspace) -> int:
    from coachdesk.services.dossier import Dossiers  # noqa: PLC0415 - loaded when the command runs

    dossiers = Dossiers(workspace.repos)
    content = dossiers.read(args.file, _dossier_passphrase(confirm=False))
    backup_before_import(workspace)
    summary = dossiers.import_dossier(content)
    print(
        _("Dossier imported: {students} students, {records} records.").format(
            students=summary.students, records=summary.records
        )
    )
    return EXIT_OK


COMMANDS: tuple[Command, ...] = (
    WorkspaceCommand(
        name="export-dossier",
        help=N_("write an encrypted handover dossier of one or more students"),
        arguments=_export_arguments,
        run=_run_export,
    ),
    WorkspaceCommand(
        name="import-dossier",
        help=N_("import a handover dossier"),
        arguments=_import_arguments,
        run=_run_import,
        writes=True,
    ),
)
