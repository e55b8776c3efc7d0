"""One student added by hand: the dialog, then the caseload showing them, selected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coachdesk.i18n import _
from coachdesk.ui.dialogs.add_student_dialog import AddStudentDialog
from coachdesk.ui.window_services import Screen

if TYPE_CHECKING:
    from coachdesk.ui.main_window import MainWindow


class NewStudentController:
    """Adds a student typed in by the coach (from the caseload or the welcome screen)."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def add(self) -> None:
        """Ask for the student; once added, the caseload shows them selected."""
        window = self._window
        students = [entry.student for entry in window.caseload_screen.model.entries()]
        added = AddStudentDialog.ask(
            window,
            window.services.student_entry.add,
            sorted({s.group for s in students if s.group}),
            sorted({s.programme for s in students if s.programme}),
        )
        if added is None:
            return
        window.refresh_caseload()
        window.show_screen(Screen.CASELOAD)
        window.caseload_screen.select_student(added.id)
        window.notify(_("{name} is now in your caseload.").format(name=added.full_name))
