"""Reports from the student screen: the progress overview as a PDF where the coach chooses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coachdesk.domain.students import Student
from coachdesk.errors import UserFacingError
from coachdesk.file_names import name_part
from coachdesk.i18n import _
from coachdesk.ui.file_choice import save_path, saved_message
from coachdesk.ui.messages import show_problem

if TYPE_CHECKING:
    from coachdesk.ui.main_window import MainWindow


class ReportsController:
    """Builds a report first (a problem is said before asking where), then writes its PDF."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def save_progress_report(self, student: Student) -> None:
        """Write the student's progress overview for this school year where the coach chooses."""
        window = self._window
        settings = window.services.settings
        try:
            report = window.services.progress.build(
                student.student_number, today=window.today, school_name=settings.school_name()
            )
        except UserFacingError as error:
            show_problem(window, error)
            return
        target = save_path(
            window,
            _("Progress overview"),
            _("progress-{name}-{date}.pdf").format(
                name=name_part(student.given_name, "student"), date=window.today.isoformat()
            ),
            _("PDF files (*.pdf)"),
        )
        if target is None:
            return
        from coachdesk.export.progress_pdf import write_progress  # noqa: PLC0415 - reportlab on export only

        try:
            write_progress(report, target, settings.school_logo())
        except UserFacingError as error:
            show_problem(window, error)
            return
        window.notify(saved_message(target))
