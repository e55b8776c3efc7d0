"""The screens behind the navigation that the first frame does not show: the student, the
conversations and my practice.

Each is imported and built the first time the coach opens it, in the place of a stand-in, so
neither their code nor their widgets cost anything before the caseload is on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QWidget

from coachdesk.i18n import _
from coachdesk.ui.window_services import Screen

if TYPE_CHECKING:
    from coachdesk.ui.main_window import MainWindow

BUILT_ON_FIRST_USE = (Screen.STUDENT, Screen.CONVERSATION, Screen.PRACTICE)
"""Screens the coach has not opened yet cost nothing before the first paint."""


class HiddenScreens:
    """Builds each hidden screen on first use and connects it to the window's actions."""

    def __init__(self, window: MainWindow) -> None:
        """Put a stand-in for each screen in the window's stack (after the caseload's place)."""
        self._window = window
        self._built: dict[Screen, QWidget] = {}
        for _screen in BUILT_ON_FIRST_USE:
            window.stack.addWidget(QWidget(window.stack))

    def built(self, name: Screen) -> QWidget | None:
        """Return the screen ``name`` if it was built already, else ``None`` (and build nothing)."""
        return self._built.get(name)

    def get(self, name: Screen) -> QWidget:
        """Return the screen ``name``, building it in its stand-in's place the first time."""
        screen = self._built.get(name)
        if screen is None:
            screen = self._build(name)
            self._built[name] = screen
            stack = self._window.stack
            stand_in = cast(QWidget, stack.widget(name))
            stack.insertWidget(name, screen)
            stack.removeWidget(stand_in)
            stand_in.deleteLater()
        return screen

    def _build(self, name: Screen) -> QWidget:
        # Each screen's code (and what it imports: reports, forms, the editor) loads here.
        window = self._window
        if name is Screen.STUDENT:
            from coachdesk.ui.screens.student_screen import StudentScreen  # noqa: PLC0415 - above

            student = StudentScreen(window.services.student_file, window, window.today)
            student.student_changed.connect(lambda _id: window.refresh_caseload())
            student.progress_report_requested.connect(window.reports.save_progress_report)
            student.reflection_requested.connect(window.reflections.new_student_reflection)
            student.reflection_open_requested.connect(window.reflections.open_student_reflection)
            student.scan_requested.connect(window.scans.fill_in)
            student.scan_paper_requested.connect(window.scans.save_paper)
            student.form_requested.connect(window.scans.save_form)
            student.form_import_requested.connect(window.scans.read_form)
            student.inzage_requested.connect(window.privacy.save_inzage)
            student.erase_requested.connect(window.privacy.erase_student)
            student.conversation_requested.connect(lambda _s: window.new_conversation())
            return student
        if name is Screen.CONVERSATION:
            from coachdesk.ui.screens.conversation.conversation_screen import (  # noqa: PLC0415 - above
                ConversationScreen,
            )

            conversations = ConversationScreen(window.services.conversation, window, window.today)
            conversations.conversations_changed.connect(window.conversations_changed)
            conversations.file_saved.connect(window.notify)
            return conversations
        from coachdesk.ui.screens.my_practice_screen import MyPracticeScreen  # noqa: PLC0415 - above

        practice = MyPracticeScreen(window)
        practice.new_requested.connect(window.reflections.new_practice_reflection)
        practice.open_requested.connect(lambda rid: window.open_reflection(rid, _("My practice")))
        practice.show_reflections(window.services.reflections.coach_reflections())
        return practice
