"""AVG rights from the student screen: inzage (everything about a student) and erasure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

from coachdesk.domain.students import Student
from coachdesk.errors import UserFacingError
from coachdesk.i18n import _
from coachdesk.ui.file_choice import folder_path
from coachdesk.ui.messages import show_problem
from coachdesk.ui.window_services import Screen

if TYPE_CHECKING:
    from coachdesk.ui.main_window import MainWindow


class PrivacyController:
    """Inzage and erasure, each confirmed by the coach first."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def save_inzage(self, student: Student) -> None:
        """Write everything about a student (PDF to read, JSON with all data) into a folder."""
        from coachdesk.export.inzage_files import write_inzage  # noqa: PLC0415 - reportlab on export only

        window = self._window
        folder = folder_path(window, _("Inzage: choose a folder"))
        if folder is None:
            return
        try:
            write_inzage(window.services.privacy, student.student_number, folder, window.today)
        except (UserFacingError, OSError) as error:
            show_problem(
                window,
                error if isinstance(error, UserFacingError) else UserFacingError(str(error)),
            )
            return
        window.notify(
            _("Inzage written to {folder}: a PDF to read and a JSON file with all data.").format(
                folder=folder
            )
        )

    def erase_student(self, student: Student) -> None:
        """Erase a student for good, after the coach types the student number to confirm."""
        window = self._window
        typed, accepted = QInputDialog.getText(
            window,
            _("Erase this student for good…"),
            _(
                "Erasing cannot be undone; older backups expire within 90 days. Type the student "
                "number {number} to confirm."
            ).format(number=student.student_number),
        )
        if not accepted or typed.strip() != student.student_number:
            return
        window.services.privacy.erase(student.student_number, window.today)
        window.refresh_caseload()
        window.show_screen(Screen.CASELOAD)
        window.notify(
            _("Student {number} is erased, also from the store's free space and log.").format(
                number=student.student_number
            )
        )
