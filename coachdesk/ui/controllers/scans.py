"""The competence scan: filled in full screen by one rater, or printed for the workplace trainer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from coachdesk.domain.people import Person
from coachdesk.domain.students import Student, workplace_trainer_name
from coachdesk.errors import UserFacingError
from coachdesk.file_names import name_part
from coachdesk.i18n import _
from coachdesk.services.competence_scan import statements
from coachdesk.ui.file_choice import save_path, saved_message
from coachdesk.ui.messages import show_problem
from coachdesk.ui.scan_form_actions import read_scan_form, save_scan_form
from coachdesk.ui.screens.scan.scan_entry import ScanEntryView

if TYPE_CHECKING:
    from coachdesk.ui.main_window import MainWindow


class ScanController:
    """One scan at a time; while it is filled in, the rest of the file is out of sight."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.scan_view: ScanEntryView | None = None

    def fill_in(self, student: Student, rater: Person) -> None:
        """Open the full-screen scan for one rater; the rest of the file goes out of sight.

        Whether this rater may rate now is asked first, before fifteen answers are typed.
        """
        window = self._window
        try:
            window.services.scans.rating_moment(student.id, rater, window.today)
        except UserFacingError as error:
            show_problem(window, error)
            return
        if rater is Person.STUDENT:
            title = _("Competence scan · filled in by {who}").format(who=student.given_name)
        else:
            title = _("Competence scan of {name} · filled in by {who}").format(
                name=student.given_name, who=rater.sentence_label
            )
        view = ScanEntryView(
            title, rater, statements(), lambda answers: self._save(student, rater, answers)
        )
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.destroyed.connect(self._closed)
        self.scan_view = view
        self._window.hide()
        view.showFullScreen()
        view.setFocus()

    def _save(self, student: Student, rater: Person, answers: dict[str, int]) -> bool:
        window = self._window
        services = window.services
        contacts = services.student_file.open(student.id).contacts
        name = workplace_trainer_name(contacts) if rater is Person.WORKPLACE_TRAINER else ""
        try:
            services.scans.record(student.id, rater, answers, window.today, name)
        except UserFacingError as error:
            show_problem(self.scan_view, error)
            return False
        window.student_screen.show_student(student.id)
        return True

    def save_form(self, student: Student, rater: Person) -> None:
        """Save a fillable scan form for the praktijkopleider or the student to fill in."""
        window = self._window
        target = save_scan_form(window, window.services.forms, student, rater, window.today)
        if target is not None:
            window.notify(saved_message(target))

    def read_form(self, student: Student) -> None:
        """Read a filled-in form back; the student's file then shows what came in."""
        window = self._window
        if read_scan_form(window, window.services.forms, window.today, student.id):
            window.student_screen.show_student(student.id)

    def _closed(self) -> None:
        self.scan_view = None
        self._window.show()
        # Back on the file, on its timeline: not on a button a stray Space would press
        # (found walking: it landed on Privacy, and Space opened the inzage).
        self._window.student_screen.timeline.setFocus()

    def save_paper(self, student: Student) -> None:
        """Save the paper scan for the workplace trainer where the coach chooses."""
        from coachdesk.export.scan_pdf import write_scan_paper  # noqa: PLC0415 - reportlab on export only

        window = self._window
        target = save_path(
            window,
            _("Competence scan"),
            _("scan-{name}.pdf").format(name=name_part(student.given_name, "student")),
            _("PDF files (*.pdf)"),
        )
        if target is None:
            return
        try:
            write_scan_paper(student, window.today, target)
            window.services.scans.note_paper_form(student.id)
        except UserFacingError as error:
            show_problem(window, error)
            return
        window.notify(saved_message(target))
