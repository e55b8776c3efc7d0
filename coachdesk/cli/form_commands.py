"""``coachdesk form`` and ``coachdesk import-form``: fillable scan forms for automation and tests.

Both change the store (a form is registered when made, and its answers are stored when read
in), so both hold the store's lock like every writing command. Each loads its services (and the
form reader, pypdf) when it runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from coachdesk.cli.command import Command, WorkspaceCommand
from coachdesk.domain.competences import scale_label
from coachdesk.domain.people import Person
from coachdesk.domain.scan_forms import FORM_RATERS, form_code
from coachdesk.errors import ValidationError
from coachdesk.i18n import N_, _

if TYPE_CHECKING:
    from coachdesk.services.scan_forms import FormReading
    from coachdesk.services.workspace import Workspace


def _form_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--student", required=True, metavar=_("NUMBER"))
    parser.add_argument(
        "--for", dest="rater", required=True, choices=[r.value for r in FORM_RATERS]
    )
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar=_("FILE.pdf"))
    parser.add_argument(
        "--yes",
        action="store_true",
        help=_("also read in a form read before (replacing it) or one not fully filled in"),
    )
    parser.add_argument(
        "--student", metavar=_("NUMBER"), help=_("refuse a form made for another student")
    )


def _run_form(args: argparse.Namespace, workspace: Workspace) -> int:
    from coachdesk.services.scan_forms import ScanForms  # noqa: PLC0415 - loaded when the command runs

    forms = ScanForms(workspace.repos)
    student = _student(workspace, args.student)
    content = forms.make(student, Person(args.rater), dt.date.today())
    from coachdesk.export.scan_form_pdf import write_scan_form  # noqa: PLC0415 - reportlab on export only

    path = write_scan_form(content, args.out)
    print(
        _("Form written: {path} (form code {code})").format(
            path=path, code=form_code(content.form_id)
        )
    )
    return 0


def _run_import_form(args: argparse.Namespace, workspace: Workspace) -> int:
    from coachdesk.services.scan_forms import ScanForms  # noqa: PLC0415 - loaded when the command runs

    forms, today = ScanForms(workspace.repos), dt.date.today()
    expected = _student(workspace, args.student) if args.student else None
    reading = forms.read(args.file, today, expected)
    asked = reading.questions()
    if asked and not args.yes:
        raise ValidationError(asked[0] + " " + _("Add --yes to read it in."))
    forms.store(reading, today, confirmed=True)
    for line in describe(reading):
        print(line)
    return 0


def _student(workspace: Workspace, number: str) -> str:
    student = workspace.repos.students.by_number(number)
    if student is None:
        raise ValidationError(_("There is no student with number {number}.").format(number=number))
    return student.id


def describe(reading: FormReading) -> list[str]:
    """Return what was read in, beside what CoachDesk had, one line per part."""
    from coachdesk.i18n.dates import long_date  # noqa: PLC0415 - loaded when the command runs
    from coachdesk.services.competence_scan import statements  # noqa: PLC0415 - loaded when the command runs
    from coachdesk.services.scan_forms import earlier_text  # noqa: PLC0415 - loaded when the command runs

    form = reading.form
    who = reading.filled_by or form.rater.label
    lines = [
        _("Read in: the form (code {code}) of {who} about {name}, dated {date}.").format(
            code=form_code(form.id),
            who=who,
            name=reading.student.full_name,
            date=long_date(reading.filled_on) if reading.filled_on else _("no date"),
        )
    ]
    for number, statement in enumerate(statements(), start=1):
        answer = reading.answers.get(statement.id)
        lines.append(
            _("{number}. {answer} (before: {known})").format(
                number=number,
                answer=scale_label(answer) if answer else _("not filled in"),
                known=earlier_text(reading, statement),
            )
        )
    for label, text in (
        (_("View"), reading.view),
        (_("To talk about"), reading.points),
        (_("Proposals for agreements"), reading.proposals),
    ):
        if text:
            lines.append(f"{label}: {' '.join(text.split())}")
    return lines


COMMANDS: tuple[Command, ...] = (
    WorkspaceCommand(
        name="form",
        help=N_("write a fillable scan form (PDF) for the workplace trainer or the student"),
        arguments=_form_arguments,
        run=_run_form,
        writes=True,
    ),
    WorkspaceCommand(
        name="import-form",
        help=N_("read a filled-in scan form back in"),
        arguments=_import_arguments,
        run=_run_import_form,
        writes=True,
    ),
)
