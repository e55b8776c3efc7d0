"""Commands about the caseload: fill the demo store, list students and conversations, import.

Each command loads its services when it runs (and the demo data its default when it is run),
so ``--help``, ``--version`` and the other commands start without them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from coachdesk.cli.command import Command, WorkspaceCommand
from coachdesk.cli.common import EXIT_OK, backup_before_import, print_json, whole_number
from coachdesk.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from coachdesk.domain.conversations import Conversation
    from coachdesk.domain.students import Student
    from coachdesk.services.workspace import Workspace

DELIMITER_NAMES = {";": ";", ",": ",", "\t": "tab"}


def _demo_arguments(parser: argparse.ArgumentParser) -> None:
    from coachdesk.services.demo_data import DEFAULT_STUDENTS  # noqa: PLC0415 - loaded when the command runs

    parser.add_argument(
        "--students",
        type=whole_number,
        default=DEFAULT_STUDENTS,
        help=_("number of students (default: {count})").format(count=DEFAULT_STUDENTS),
    )


def _run_demo(args: argparse.Namespace, workspace: Workspace) -> int:
    from coachdesk.services.demo_data import fill_with_demo  # noqa: PLC0415 - loaded when the command runs

    report = fill_with_demo(workspace.repos, students=args.students)
    print(
        _("Demo ready: {students} fictional students, {records} records in {path}.").format(
            students=report.students, records=report.records, path=workspace.location.path
        )
    )
    return EXIT_OK


def _students_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print JSON"))
    parser.add_argument("--all", action="store_true", help=_("include archived students"))


def _student_json(student: Student) -> dict[str, object]:
    return {
        "student_number": student.student_number,
        "given_name": student.given_name,
        "name_prefix": student.name_prefix,
        "family_name": student.family_name,
        "group": student.group,
        "programme": student.programme,
        "pathway": student.pathway.value if student.pathway else None,
        "level": student.level,
        "status": student.status.value,
    }


def _run_students(args: argparse.Namespace, workspace: Workspace) -> int:
    from coachdesk.services.caseload import CaseloadService  # noqa: PLC0415 - loaded when the command runs

    students = CaseloadService(workspace.repos).students(include_archived=args.all)
    if args.json:
        print_json([_student_json(student) for student in students])
        return EXIT_OK
    for student in students:
        level = str(student.level or "")
        print(
            f"{student.student_number:<11} {student.sort_name:<32} {student.group:<10} "
            f"{student.programme} {level}"
        )
    print(_("{count} students").format(count=len(students)))
    return EXIT_OK


def _conversations_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print JSON"))
    parser.add_argument("--student", metavar=_("NUMBER"), help=_("only this student number"))


def _conversation_json(conversation: Conversation, student_number: str) -> dict[str, object]:
    return {
        "id": conversation.id,
        "student_number": student_number,
        "kind": conversation.kind.value,
        "date": conversation.date.isoformat(),
    }


def _run_conversations(args: argparse.Namespace, workspace: Workspace) -> int:
    from coachdesk.i18n.dates import short_date  # noqa: PLC0415 - loaded when the command runs
    from coachdesk.services.conversation_log import ConversationLog  # noqa: PLC0415 - loaded when the command runs

    listing = ConversationLog(workspace.repos).conversations(args.student)
    if args.json:
        print_json([_conversation_json(conversation, number) for conversation, number in listing])
        return EXIT_OK
    for conversation, number in listing:  # the id last: what `coachdesk summary` takes
        print(
            f"{short_date(conversation.date)}  {number:<11} {conversation.state.label:<12} "
            f"{conversation.kind.label:<34} {conversation.id}"
        )
    print(_("{count} conversations").format(count=len(listing)))
    return EXIT_OK


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar=_("FILE"))
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help=_("import the valid rows and skip invalid ones (default: import nothing then)"),
    )


def _run_import(args: argparse.Namespace, workspace: Workspace) -> int:
    from coachdesk.services.csv_files import read_table  # noqa: PLC0415 - loaded when the command runs
    from coachdesk.services.student_import import StudentImport  # noqa: PLC0415 - loaded when the command runs

    importer = StudentImport(workspace.repos, demo_store=workspace.is_demo)
    table = read_table(args.file)
    plan = importer.prepare(table)
    if not plan.problems or args.skip_invalid:
        backup_before_import(workspace)
    if plan.problems and not args.skip_invalid:
        for problem in plan.problems:
            print(problem, file=sys.stderr)
    result = importer.apply(plan, skip_invalid=args.skip_invalid)
    print(
        _(
            "Class list imported: {created} new, {updated} updated "
            "({encoding}, delimiter {delimiter})."
        ).format(
            created=result.created,
            updated=result.updated,
            encoding=table.encoding,
            delimiter=DELIMITER_NAMES.get(table.delimiter, table.delimiter),
        )
    )
    if result.skipped:
        for problem in plan.problems:
            print(problem)
        print(
            ngettext(
                "{count} row with a problem was skipped.",
                "{count} rows with a problem were skipped.",
                result.skipped,
            ).format(count=result.skipped)
        )
    return EXIT_OK


COMMANDS: tuple[Command, ...] = (
    WorkspaceCommand(
        name="demo",
        help=N_("fill an empty store with a fictional caseload"),
        arguments=_demo_arguments,
        run=_run_demo,
        writes=True,
    ),
    WorkspaceCommand(
        name="students",
        help=N_("list the students in the caseload"),
        arguments=_students_arguments,
        run=_run_students,
    ),
    WorkspaceCommand(
        name="conversations",
        help=N_("list conversations"),
        arguments=_conversations_arguments,
        run=_run_conversations,
    ),
    WorkspaceCommand(
        name="import-students",
        help=N_("import a class list (CSV from Magister, Somtoday, Eduarte, ...)"),
        arguments=_import_arguments,
        run=_run_import,
        writes=True,
    ),
)
