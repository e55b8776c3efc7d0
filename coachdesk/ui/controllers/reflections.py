"""Reflections: each open in its own editor window, one window per reflection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

from coachdesk.domain.reflections import Reflection, ReflectionAuthor
from coachdesk.domain.students import Student
from coachdesk.errors import UserFacingError
from coachdesk.i18n import _
from coachdesk.ui.messages import show_problem

if TYPE_CHECKING:
    from coachdesk.ui.main_window import MainWindow
    from coachdesk.ui.screens.reflection.reflection_window import ReflectionWindow


class ReflectionEditors:
    """The open reflection editors, by reflection id; the coach's and the students' alike."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.editors: dict[str, ReflectionWindow] = {}

    def open(self, reflection_id: str, context: str) -> ReflectionWindow:
        """Open a reflection in its own editor window (or bring the open one forward)."""
        services = self._window.services
        editor = self.editors.get(reflection_id)
        if editor is None:
            from coachdesk.ui.screens.reflection.reflection_window import (  # noqa: PLC0415 - the editor loads with the first reflection opened
                ReflectionWindow,
            )

            editor = ReflectionWindow(services.reflections, services.drafts, reflection_id, context)
            editor.saved.connect(self._saved)
            editor.destroyed.connect(
                lambda _obj=None, rid=reflection_id: self.editors.pop(rid, None)
            )
            self.editors[reflection_id] = editor
            editor.show()
            editor.editor.setFocus()  # the title is known: the writing starts in the text
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def new_practice_reflection(self) -> None:
        """Start one of the coach's own reflections."""
        window = self._window
        reflection = self._create(ReflectionAuthor.COACH, "")
        if reflection is None:
            return
        window.practice_screen.show_reflections(window.services.reflections.coach_reflections())
        self.open(reflection.id, _("My practice"))

    def new_student_reflection(self, student: Student) -> None:
        """Start a reflection by the student (typed together, or by the student at the laptop)."""
        reflection = self._create(ReflectionAuthor.STUDENT, _("Reflection: "), student.id)
        if reflection is None:
            return
        self._window.student_screen.show_student(student.id)
        self.open(reflection.id, student.full_name)

    def _create(
        self, author: ReflectionAuthor, title: str, student_id: str | None = None
    ) -> Reflection | None:
        """Ask for a title until one can be used (said why each time) or the coach cancels."""
        window = self._window
        while True:
            title, accepted = QInputDialog.getText(
                window, _("New reflection"), _("Title"), text=title
            )
            if not accepted:
                return None
            try:
                return window.services.reflections.create(author, title, student_id=student_id)
            except UserFacingError as error:
                show_problem(window, error)

    def open_student_reflection(self, reflection_id: str) -> None:
        """Open a reflection of the student on screen."""
        shown = self._window.student_screen.file
        self.open(reflection_id, shown.student.full_name if shown else "")

    def _saved(self, _reflection_id: str) -> None:
        window = self._window
        window.practice_screen.show_reflections(window.services.reflections.coach_reflections())
        shown = window.student_screen.file
        if shown is not None:
            window.student_screen.show_student(shown.student.id)

    def save_typing(self) -> None:
        """Store what is being typed in every open editor."""
        for editor in self.editors.values():
            editor.autosave.save_now()

    def close_all(self) -> None:
        """Close every editor (each saves its text as it closes)."""
        for editor in list(self.editors.values()):
            editor.close()
