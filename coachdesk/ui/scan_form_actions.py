"""The coach's two actions on fillable scan forms, shared by the student screen and the trialoog.

Saving a form and reading one back both go through a file dialog; problems are shown as one
sentence and change nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QWidget

from coachdesk.domain.people import Person
from coachdesk.domain.students import Student
from coachdesk.errors import UserFacingError
from coachdesk.file_names import name_part
from coachdesk.i18n import _
from coachdesk.services.scan_forms import ScanForms
from coachdesk.ui.dialogs.form_import_dialog import FormImportDialog
from coachdesk.ui.file_choice import open_path, save_path
from coachdesk.ui.messages import show_problem


def save_scan_form(
    parent: QWidget,
    forms: ScanForms,
    student: Student,
    rater: Person,
    today: dt.date,
    *,
    conversation_id: str | None = None,
) -> Path | None:
    """Ask where to save a fillable form for the praktijkopleider or the student, and write it.

    Returns where it was written, so the caller can say so; ``None`` if it was not.
    """
    from coachdesk.export.scan_form_pdf import write_scan_form  # noqa: PLC0415 - reportlab on export only

    name = _("form-{rater}-{name}.pdf").format(
        rater=rater.value, name=name_part(student.given_name, "student")
    )
    target = save_path(parent, _("Save fillable form"), name, _("PDF files (*.pdf)"))
    if target is None:
        return None
    try:
        write_scan_form(forms.make(student.id, rater, today, conversation_id), target)
    except UserFacingError as error:
        show_problem(parent, error)
        return None
    return target


def read_scan_form(
    parent: QWidget, forms: ScanForms, today: dt.date, student_id: str | None = None
) -> bool:
    """Ask for a filled-in form, show what it holds and store it on the coach's word.

    Returns whether anything was stored.
    """
    source = open_path(parent, _("Read in a filled-in form"), _("PDF files (*.pdf)"))
    if source is None:
        return False
    try:
        reading = forms.read(source, today, student_id)
        if not FormImportDialog.confirm(parent, reading):
            return False
        forms.store(reading, today, confirmed=True)
    except UserFacingError as error:
        show_problem(parent, error)
        return False
    return True
