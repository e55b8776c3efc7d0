"""Commands that write a report as PDF: a conversation's summary, a progress overview.

The services are loaded when a command runs, and reportlab only when the PDF is written, so
other commands start without them.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from coachdesk.cli.command import Command, WorkspaceCommand
from coachdesk.cli.common import iso_date, report_written
from coachdesk.domain.people import SUMMARY_READERS, Person
from coachdesk.i18n import N_, _

if TYPE_CHECKING:
    from coachdesk.services.workspace import Workspace


def _summary_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "conversation_id",
        metavar=_("CONVERSATION_ID"),
        help=_("the id at the end of each line of `coachdesk conversations`"),
    )
    parser.add_argument(
        "--out", type=Path, required=True, metavar=_("FILE.pdf"), help=_("where to write the PDF")
    )
    parser.add_argument(
        "--for",
        dest="reader",
        choices=[reader.value for reader in SUMMARY_READERS],
        default=Person.STUDENT.value,
        help=_("who the report is for (default: student)"),
    )


def _run_summary(args: argparse.Namespace, workspace: Workspace) -> int:
    from coachdesk.services.settings import SettingsService  # noqa: PLC0415 - loaded when the command runs
    from coachdesk.services.summary_content import SummaryContent  # noqa: PLC0415 - loaded when the command runs

    settings = SettingsService(workspace.repos.store)
    content = SummaryContent(workspace.repos).build(
        args.conversation_id, Person(args.reader), settings.school_name()
    )
    from coachdesk.export.summary_pdf import write_summary  # noqa: PLC0415 - reportlab on export only

    return report_written(write_summary(content, args.out, settings.school_logo()))


def _progress_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("student_number", metavar=_("NUMBER"))
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))
    parser.add_argument(
        "--from",
        dest="start",
        type=iso_date,
        metavar=_("DATE"),
        help=_("first day (default: start of the school year)"),
    )
    parser.add_argument(
        "--to", dest="end", type=iso_date, metavar=_("DATE"), help=_("last day (default: today)")
    )


def _run_progress(args: argparse.Namespace, workspace: Workspace) -> int:
    from coachdesk.services.progress_report import ProgressReports  # noqa: PLC0415 - loaded when the command runs
    from coachdesk.services.settings import SettingsService  # noqa: PLC0415 - loaded when the command runs

    settings = SettingsService(workspace.repos.store)
    report = ProgressReports(workspace.repos).build(
        args.student_number, args.start, args.end, settings.school_name()
    )
    from coachdesk.export.progress_pdf import write_progress  # noqa: PLC0415 - reportlab on export only

    return report_written(write_progress(report, args.out, settings.school_logo()))


COMMANDS: tuple[Command, ...] = (
    WorkspaceCommand(
        name="summary",
        help=N_("write the PDF report of a conversation"),
        arguments=_summary_arguments,
        run=_run_summary,
    ),
    WorkspaceCommand(
        name="progress",
        help=N_("write a student's progress overview (PDF)"),
        arguments=_progress_arguments,
        run=_run_progress,
    ),
)
