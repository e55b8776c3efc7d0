"""AVG commands: inzage (everything about one student), erasure and the retention list."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from coachdesk.cli.command import Command, WorkspaceCommand
from coachdesk.cli.common import EXIT_OK, whole_number
from coachdesk.errors import UserFacingError
from coachdesk.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from coachdesk.services.workspace import Workspace


def _inzage_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("student_number", metavar=_("NUMBER"))
    parser.add_argument("--out", type=Path, required=True, metavar=_("FOLDER"))


def _run_inzage(args: argparse.Namespace, workspace: Workspace) -> int:
    from coachdesk.export.inzage_files import write_inzage  # noqa: PLC0415 - reportlab on export only
    from coachdesk.services.privacy import Privacy  # noqa: PLC0415 - loaded when the command runs

    folder = args.out
    write_inzage(Privacy(workspace.repos), args.student_number, folder)
    print(
        _("Inzage written to {folder}: a PDF to read and a JSON file with all data.").format(
            folder=folder
        )
    )
    return EXIT_OK


def _erase_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("student_number", metavar=_("NUMBER"))
    parser.add_argument("--confirm", action="store_true", help=_("yes, erase for good"))


def _run_erase(args: argparse.Namespace, workspace: Workspace) -> int:
    from coachdesk.services.privacy import Privacy  # noqa: PLC0415 - loaded when the command runs

    number = args.student_number
    if not args.confirm:
        raise UserFacingError(
            _("Erasing cannot be undone. Add --confirm to erase student {number} for good.").format(
                number=number
            )
        )
    Privacy(workspace.repos).erase(number)
    print(
        _("Student {number} is erased, also from the store's free space and log.").format(
            number=number
        )
    )
    return EXIT_OK


def _retention_arguments(parser: argparse.ArgumentParser) -> None:
    from coachdesk.domain.students import RETENTION_YEARS  # noqa: PLC0415 - loaded when the command runs

    parser.add_argument(
        "--years",
        type=whole_number,
        help=_("years after leaving (default: the setting, else {n})").format(n=RETENTION_YEARS),
    )


def _run_retention(args: argparse.Namespace, workspace: Workspace) -> int:
    from coachdesk.services.privacy import Privacy  # noqa: PLC0415 - loaded when the command runs
    from coachdesk.services.settings import SettingsService  # noqa: PLC0415 - loaded when the command runs

    years = args.years or SettingsService(workspace.repos.store).retention_years()
    due = Privacy(workspace.repos).due_for_erasure(years=years)
    for student in due:
        print(f"{student.student_number:<11} {student.leave_date}")
    print(
        ngettext(
            "{count} student to erase (left more than {years} years ago)",
            "{count} students to erase (left more than {years} years ago)",
            len(due),
        ).format(count=len(due), years=years)
    )
    return EXIT_OK


COMMANDS: tuple[Command, ...] = (
    WorkspaceCommand(
        name="inzage",
        help=N_("everything about one student, as PDF and JSON (a request to see)"),
        arguments=_inzage_arguments,
        run=_run_inzage,
    ),
    WorkspaceCommand(
        name="erase",
        help=N_("erase a student completely (cannot be undone)"),
        arguments=_erase_arguments,
        run=_run_erase,
        writes=True,
    ),
    WorkspaceCommand(
        name="retention",
        help=N_("list archived students past the retention period"),
        arguments=_retention_arguments,
        run=_run_retention,
    ),
)
