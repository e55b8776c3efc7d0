"""The ``coachdesk`` command: the GUI without arguments, and commands for school IT and automation.

Commands call the same services as the GUI. Problems are one Dutch line on stderr
and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from coachdesk import __version__
from coachdesk.cli_forms import FORM_COMMANDS, add_form_commands, run_form_command
from coachdesk.crash_log import write_crash_log
from coachdesk.domain.conversations import Conversation
from coachdesk.domain.students import RETENTION_YEARS, Student
from coachdesk.early_options import early_options
from coachdesk.errors import UserFacingError
from coachdesk.i18n import LANGUAGES, N_, _, ngettext, set_language
from coachdesk.i18n.dates import short_date
from coachdesk.paths import DATA_DIR_ENV, default_data_dir
from coachdesk.services import csv_files, demo_data
from coachdesk.services.backups import Backups
from coachdesk.services.caseload import CaseloadService
from coachdesk.services.conversation_log import ConversationLog
from coachdesk.services.dossier import Dossiers
from coachdesk.services.encryption import (
    StoreOpener,
    change_passphrase,
    encrypt,
    is_encrypted,
    unlock,
)
from coachdesk.services.health import HealthReport, check_store
from coachdesk.services.privacy import Privacy
from coachdesk.services.progress_report import ProgressReports
from coachdesk.services.quarantine import explain_damage_found, set_aside_foreign_wal
from coachdesk.services.settings import SettingsService
from coachdesk.services.student_import import StudentImport
from coachdesk.services.summary_content import Reader, SummaryContent
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.storage.cipher import is_store_damage
from coachdesk.storage.keyfile import keyfile_path
from coachdesk.storage.store_lock import StoreLock

if TYPE_CHECKING:
    from coachdesk.ui.first_frame import FirstFrame

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2
EXIT_BUG = 70
DOSSIER_PASSPHRASE_ENV = "COACHDESK_DOSSIER_PASSPHRASE"
PASSPHRASE_ENV = "COACHDESK_PASSPHRASE"
NEW_PASSPHRASE_ENV = "COACHDESK_NEW_PASSPHRASE"
RECOVERY_KEY_ENV = "COACHDESK_RECOVERY_KEY"
DELIMITER_NAMES = {";": ";", ",": ",", "\t": "tab"}
WRITING_COMMANDS = frozenset(
    {
        "demo",
        "encrypt",
        "change-passphrase",
        "restore",
        "set-aside-wal",
        "erase",
        "import-dossier",
        "import-students",
        *FORM_COMMANDS,
    }
)
"""Commands that change or replace the store: each holds the store's lock, like the app."""


ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("expected one argument"),
)
"""argparse's own messages that the Dutch catalogue translates (marked here for extraction)."""


def _translate_argparse() -> None:
    """Let argparse's own texts (usage, options, its errors) follow the UI language."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are a Dutch line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USAGE, _("Error: {message}. See: coachdesk --help").format(message=message) + "\n"
        )


def _student_count(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a whole number").format(value=text)
        ) from None


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a date like 2026-11-23").format(value=text)
        ) from None


def _build_parser() -> argparse.ArgumentParser:
    _translate_argparse()
    parser = _Parser(
        prog="coachdesk",
        description=_(
            "CoachDesk: prepare, hold and close career conversations. "
            "Without a command the app opens."
        ),
    )
    parser.add_argument("--version", action="version", version=f"CoachDesk {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        help=_("folder with the store (default: {env} or the user data folder)").format(
            env=DATA_DIR_ENV
        ),
    )
    parser.add_argument(
        "--demo", action="store_true", help=_("use the separate demo store with fictional students")
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("language (default: the one chosen in the app, else nl)"),
    )
    parser.add_argument("--screenshot", type=Path, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar=_("command"))
    demo = commands.add_parser("demo", help=_("fill an empty store with a fictional caseload"))
    demo.add_argument(
        "--students",
        type=_student_count,
        default=demo_data.DEFAULT_STUDENTS,
        help=_("number of students (default: {count})").format(count=demo_data.DEFAULT_STUDENTS),
    )
    students = commands.add_parser("students", help=_("list the students in the caseload"))
    students.add_argument("--json", action="store_true", help=_("print JSON"))
    students.add_argument("--all", action="store_true", help=_("include archived students"))
    conversations = commands.add_parser("conversations", help=_("list conversations"))
    conversations.add_argument("--json", action="store_true", help=_("print JSON"))
    conversations.add_argument("--student", metavar=_("NUMBER"), help=_("only this student number"))
    commands.add_parser("check", help=_("check the store; exit code 1 on any problem"))
    summary = commands.add_parser("summary", help=_("write the PDF report of a conversation"))
    summary.add_argument("conversation_id", metavar=_("CONVERSATION_ID"))
    summary.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))
    summary.add_argument(
        "--for",
        dest="reader",
        choices=[reader.value for reader in Reader],
        default=Reader.STUDENT.value,
        help=_("who the report is for (default: student)"),
    )
    progress = commands.add_parser("progress", help=_("write a student's progress overview (PDF)"))
    progress.add_argument("student_number", metavar=_("NUMBER"))
    progress.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))
    progress.add_argument(
        "--from",
        dest="start",
        type=_iso_date,
        metavar=_("DATE"),
        help=_("first day (default: start of the school year)"),
    )
    progress.add_argument(
        "--to", dest="end", type=_iso_date, metavar=_("DATE"), help=_("last day (default: today)")
    )
    exporter = commands.add_parser(
        "export-dossier", help=_("write an encrypted handover dossier of one or more students")
    )
    exporter.add_argument("student_numbers", nargs="+", metavar=_("NUMBER"))
    exporter.add_argument("--out", type=Path, required=True, metavar=_("FILE"))
    exporter.add_argument(
        "--include-private",
        action="store_true",
        help=_("also include coach-private notes and referrals"),
    )
    exporter.add_argument(
        "--consent",
        action="store_true",
        help=_("confirm the student (or a parent, below 16) agreed to the handover"),
    )
    backup = commands.add_parser("backup", help=_("make a checked backup of the store now"))
    backup.add_argument(
        "--out",
        type=Path,
        metavar=_("FILE"),
        help=_("where (default: the backups folder beside the store)"),
    )
    commands.add_parser(
        "encrypt", help=_("encrypt the store with a passphrase (prints a recovery key)")
    )
    change = commands.add_parser(
        "change-passphrase", help=_("choose a new passphrase for the encrypted store")
    )
    change.add_argument(
        "--recovery",
        action="store_true",
        help=_("prove it with the recovery key (in {env}) when the passphrase is forgotten").format(
            env=RECOVERY_KEY_ENV
        ),
    )
    restore = commands.add_parser(
        "restore", help=_("put a backup in place of the store (the current one is kept)")
    )
    restore.add_argument("file", type=Path, metavar=_("FILE"))
    commands.add_parser(
        "set-aside-wal",
        help=_("move a log file (-wal) that belongs to another store into quarantine"),
    )
    inzage = commands.add_parser(
        "inzage", help=_("everything about one student, as PDF and JSON (a request to see)")
    )
    inzage.add_argument("student_number", metavar=_("NUMBER"))
    inzage.add_argument("--out", type=Path, required=True, metavar=_("FOLDER"))
    erase = commands.add_parser("erase", help=_("erase a student completely (cannot be undone)"))
    erase.add_argument("student_number", metavar=_("NUMBER"))
    erase.add_argument("--confirm", action="store_true", help=_("yes, erase for good"))
    retention = commands.add_parser(
        "retention", help=_("list archived students past the retention period")
    )
    retention.add_argument(
        "--years",
        type=_student_count,
        help=_("years after leaving (default: the setting, else {n})").format(n=RETENTION_YEARS),
    )
    add_form_commands(commands)
    dossier_import = commands.add_parser("import-dossier", help=_("import a handover dossier"))
    dossier_import.add_argument("file", type=Path, metavar=_("FILE"))
    importer = commands.add_parser(
        "import-students", help=_("import a class list (CSV from Magister, Somtoday, Eduarte, ...)")
    )
    importer.add_argument("file", type=Path, metavar=_("FILE"))
    importer.add_argument(
        "--skip-invalid",
        action="store_true",
        help=_("import the valid rows and skip invalid ones (default: import nothing then)"),
    )
    return parser


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


def _conversation_json(conversation: Conversation, student_number: str) -> dict[str, object]:
    return {
        "id": conversation.id,
        "student_number": student_number,
        "kind": conversation.kind.value,
        "date": conversation.date.isoformat(),
    }


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _run_demo(workspace: Workspace, students: int) -> int:
    report = demo_data.fill_with_demo(workspace.repos, students=students)
    print(
        _("Demo ready: {students} fictional students, {records} records in {path}.").format(
            students=report.students, records=report.records, path=workspace.location.path
        )
    )
    return EXIT_OK


def _run_students(workspace: Workspace, *, as_json: bool, include_archived: bool) -> int:
    students = CaseloadService(workspace.repos).students(include_archived=include_archived)
    if as_json:
        _print_json([_student_json(student) for student in students])
        return EXIT_OK
    for student in students:
        level = str(student.level or "")
        print(
            f"{student.student_number:<11} {student.sort_name:<32} {student.group:<10} "
            f"{student.programme} {level}"
        )
    print(_("{count} students").format(count=len(students)))
    return EXIT_OK


def _run_conversations(workspace: Workspace, *, as_json: bool, student_number: str | None) -> int:
    listing = ConversationLog(workspace.repos).conversations(student_number)
    if as_json:
        _print_json([_conversation_json(conversation, number) for conversation, number in listing])
        return EXIT_OK
    for conversation, number in listing:
        print(f"{short_date(conversation.date)}  {number:<11} {conversation.kind.label}")
    print(_("{count} conversations").format(count=len(listing)))
    return EXIT_OK


def _run_import(workspace: Workspace, path: Path, *, skip_invalid: bool) -> int:
    importer = StudentImport(workspace.repos, demo_store=workspace.is_demo)
    table = csv_files.read_table(path)
    plan = importer.prepare(table)
    if not plan.problems or skip_invalid:
        _backup_before_import(workspace)
    if plan.problems and not skip_invalid:
        for problem in plan.problems:
            print(problem, file=sys.stderr)
    result = importer.apply(plan, skip_invalid=skip_invalid)
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


def _run_summary(workspace: Workspace, conversation_id: str, reader: str, out: Path) -> int:
    settings = SettingsService(workspace.repos.store)
    content = SummaryContent(workspace.repos).build(
        conversation_id, Reader(reader), settings.school_name()
    )
    from coachdesk.export.summary_pdf import write_summary  # noqa: PLC0415 - reportlab on export only

    path = write_summary(content, out, settings.school_logo())
    print(_("Report written: {path}").format(path=path))
    return EXIT_OK


def _run_progress(workspace: Workspace, args: argparse.Namespace) -> int:
    settings = SettingsService(workspace.repos.store)
    report = ProgressReports(workspace.repos).build(
        args.student_number, args.start, args.end, settings.school_name()
    )
    from coachdesk.export.progress_pdf import write_progress  # noqa: PLC0415 - reportlab on export only

    path = write_progress(report, args.out, settings.school_logo())
    print(_("Report written: {path}").format(path=path))
    return EXIT_OK


def _passphrase(env: str, prompt: str, *, confirm: bool = False) -> str:
    """Return a passphrase from the environment, or ask for it on a terminal."""
    passphrase = os.environ.get(env)
    if passphrase:
        return passphrase
    if not sys.stdin.isatty():
        raise UserFacingError(
            _("Give the passphrase in {env}, or run this command in a terminal.").format(env=env)
        )
    passphrase = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("Again: ")) != passphrase:
        raise UserFacingError(_("The two passphrases differ."))
    return passphrase


def _dossier_passphrase(*, confirm: bool) -> str:
    return _passphrase(DOSSIER_PASSPHRASE_ENV, _("Dossier passphrase: "), confirm=confirm)


def _store_factory(location: StoreLocation) -> StoreOpener:
    """Return how to open the store: an encrypted one needs the passphrase first."""
    if not is_encrypted(location.path):
        return unlock(location.path)
    return unlock(location.path, _passphrase(PASSPHRASE_ENV, _("Passphrase: ")))


def _run_encrypt(location: StoreLocation) -> int:
    passphrase = _passphrase(NEW_PASSPHRASE_ENV, _("New passphrase: "), confirm=True)
    recovery = encrypt(location.path, passphrase)
    print(
        _(
            "The store is encrypted. Print this recovery key and give it to the school to "
            "keep safe; it opens the store if the passphrase is lost:"
        )
    )
    print(recovery)
    return EXIT_OK


def _run_inzage(workspace: Workspace, student_number: str, folder: Path) -> int:
    from coachdesk.export.progress_pdf import write_progress  # noqa: PLC0415 - reportlab on export only

    privacy = Privacy(workspace.repos)
    inzage = privacy.inzage(student_number)
    folder.mkdir(parents=True, exist_ok=True)
    privacy.write_inzage_json(inzage, folder / f"inzage-{student_number}.json")
    write_progress(inzage.overview, folder / f"inzage-{student_number}.pdf")
    print(
        _("Inzage written to {folder}: a PDF to read and a JSON file with all data.").format(
            folder=folder
        )
    )
    return EXIT_OK


def _run_erase(workspace: Workspace, student_number: str, *, confirm: bool) -> int:
    if not confirm:
        raise UserFacingError(
            _("Erasing cannot be undone. Add --confirm to erase student {number} for good.").format(
                number=student_number
            )
        )
    Privacy(workspace.repos).erase(student_number)
    print(
        _("Student {number} is erased, also from the store's free space and log.").format(
            number=student_number
        )
    )
    return EXIT_OK


def _run_retention(workspace: Workspace, years: int | None) -> int:
    years = years or SettingsService(workspace.repos.store).retention_years()
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


def _run_backup(workspace: Workspace, out: Path | None) -> int:
    path = Backups(workspace.location.path).make(workspace.repos.store, "handmatig", out)
    print(_("Backup made and checked: {path}").format(path=path))
    key = keyfile_path(path)
    if key.is_file():
        print(_("Keep the key file with it, or it cannot be opened: {path}").format(path=key))
    return EXIT_OK


def _backup_before_import(workspace: Workspace) -> None:
    if not workspace.is_demo:
        Backups(workspace.location.path).make(workspace.repos.store, "voor-import")


def _run_export_dossier(workspace: Workspace, args: argparse.Namespace) -> int:
    path = Dossiers(workspace.repos).export(
        args.student_numbers,
        _dossier_passphrase(confirm=True),
        args.out,
        include_private=args.include_private,
        consent_given=args.consent,
    )
    print(_("Dossier written: {path}").format(path=path))
    return EXIT_OK


def _run_import_dossier(workspace: Workspace, path: Path) -> int:
    dossiers = Dossiers(workspace.repos)
    content = dossiers.read(path, _dossier_passphrase(confirm=False))
    _backup_before_import(workspace)
    summary = dossiers.import_dossier(content)
    print(
        _("Dossier imported: {students} students, {records} records.").format(
            students=summary.students, records=summary.records
        )
    )
    return EXIT_OK


def _print_health(report: HealthReport) -> None:
    kind = _("demo") if report.is_demo else _("own data")
    print(_("Store: {path} ({kind})").format(path=report.path, kind=kind))
    for result in report.results:
        state = _("OK") if result.ok else _("PROBLEM")
        print(f"{result.name}: {state}")
        for problem in result.problems:
            print(f"  - {problem}")
    print(_("Result: everything is in order.") if report.ok else _("Result: problems found."))


def _dispatch(args: argparse.Namespace, location: StoreLocation) -> int:
    """Run a command; one that writes (or makes the store) first takes the store's lock."""
    if args.command not in WRITING_COMMANDS and location.path.exists():
        return _run_command(args, location)
    with StoreLock(location.path, args.command):
        return _run_command(args, location)


def _run_command(args: argparse.Namespace, location: StoreLocation) -> int:
    if args.command == "encrypt":
        return _run_encrypt(location)
    if args.command == "change-passphrase":
        if args.recovery:
            proof = {"recovery_key": _passphrase(RECOVERY_KEY_ENV, _("Recovery key: "))}
        else:
            proof = {"old": _passphrase(PASSPHRASE_ENV, _("Passphrase: "))}
        new = _passphrase(NEW_PASSPHRASE_ENV, _("New passphrase: "), confirm=True)
        change_passphrase(location.path, new, **proof)
        print(_("The passphrase is changed; the recovery key stays the same."))
        return EXIT_OK
    factory = _store_factory(location)
    if args.command == "check":
        report = check_store(location.path, factory)
        _print_health(report)
        return EXIT_OK if report.ok else EXIT_PROBLEM
    if args.command == "restore":
        kept = Backups(location.path, factory=factory).restore(args.file)
        print(
            _("Restored from {source}. The store as it was is kept in {kept}.").format(
                source=args.file, kept=kept
            )
        )
        return EXIT_OK
    if args.command == "set-aside-wal":
        copy = set_aside_foreign_wal(location.path, factory)
        print(
            _(
                "The foreign log file is set aside (a copy of both files is kept in {copy}). "
                "The store opens again as it was last saved in its own file."
            ).format(copy=copy.parent)
        )
        return EXIT_OK
    handlers: dict[str, Callable[[Workspace], int]] = {
        "demo": lambda w: _run_demo(w, args.students),
        "summary": lambda w: _run_summary(w, args.conversation_id, args.reader, args.out),
        "progress": lambda w: _run_progress(w, args),
        "export-dossier": lambda w: _run_export_dossier(w, args),
        "backup": lambda w: _run_backup(w, args.out),
        "inzage": lambda w: _run_inzage(w, args.student_number, args.out),
        "erase": lambda w: _run_erase(w, args.student_number, confirm=args.confirm),
        "retention": lambda w: _run_retention(w, args.years),
        "import-dossier": lambda w: _run_import_dossier(w, args.file),
        "import-students": lambda w: _run_import(w, args.file, skip_invalid=args.skip_invalid),
        "students": lambda w: _run_students(w, as_json=args.json, include_archived=args.all),
        "conversations": lambda w: _run_conversations(
            w, as_json=args.json, student_number=args.student
        ),
        **{name: lambda w: run_form_command(w, args, dt.date.today()) for name in FORM_COMMANDS},
    }
    if not location.demo and not location.path.exists() and args.command != "demo":
        factory = _new_encrypted_store(location)
    workspace = Workspace.open(location, factory)
    try:
        return handlers[args.command](workspace)
    finally:
        workspace.close()


def _new_encrypted_store(location: StoreLocation) -> StoreOpener:
    """Make the coach's first store, encrypted: a command never makes an unencrypted one.

    Only ``demo`` (fictional students, marked as demo) makes a store without a passphrase.
    The recovery key goes to stderr, so the command's own output stays as it is.
    """
    if not os.environ.get(PASSPHRASE_ENV) and not sys.stdin.isatty():
        raise UserFacingError(
            _(
                "There is no store here yet, and a new store is always encrypted. Start the "
                "CoachDesk app once to choose a passphrase, or give one in {env}."
            ).format(env=PASSPHRASE_ENV)
        )
    passphrase = _passphrase(PASSPHRASE_ENV, _("Choose a passphrase: "), confirm=True)
    recovery = encrypt(location.path, passphrase)
    print(
        _(
            "A new encrypted store was made. Print this recovery key and give it to the school "
            "to keep safe; it opens the store if the passphrase is lost:"
        ),
        file=sys.stderr,
    )
    print(recovery, file=sys.stderr)
    return unlock(location.path, passphrase)


def main(argv: Sequence[str] | None = None, *, first_frame: FirstFrame | None = None) -> int:
    """Run the command line; return the process exit code.

    ``first_frame`` is the window's outline ``coachdesk.launch`` painted before this loaded.
    """
    arguments = sys.argv[1:] if argv is None else argv
    set_language(early_options(arguments).language)
    args = _build_parser().parse_args(arguments)
    data_dir = args.data_dir or default_data_dir()
    location = StoreLocation(data_dir, demo=args.demo)
    try:
        if args.command is None:
            from coachdesk.app import run_gui  # noqa: PLC0415 - keep Qt out of CLI-only runs

            return run_gui(location, screenshot=args.screenshot, first_frame=first_frame)
        return _dispatch(args, location)
    except UserFacingError as error:
        print(_("Error: {message}").format(message=error.message), file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return EXIT_PROBLEM
    except BrokenPipeError:
        # The reader (e.g. ``| head``) went away; silence the flush at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PROBLEM
    except Exception as error:
        if is_store_damage(error):
            message = explain_damage_found(location.path).message
            print(_("Error: {message}").format(message=message), file=sys.stderr)
            return EXIT_PROBLEM
        log = write_crash_log(location.data_dir, error)
        print(
            _("CoachDesk hit an internal error; nothing more was changed. Details: {log}").format(
                log=log or "-"
            ),
            file=sys.stderr,
        )
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
