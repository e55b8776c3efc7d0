"""The shell: navigation, a stacked area for the screens, the demo banner and the status bar.

The window builds the screens and routes what they ask for: to another screen, or to the
controller of that workflow (``ui/controllers``). Screens are named by ``Screen``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from coachdesk.domain.conversations import ConversationState
from coachdesk.domain.students import Student
from coachdesk.i18n import _
from coachdesk.preferences import load_column_widths
from coachdesk.services.caseload import CaseloadEntry
from coachdesk.ui.after_paint import AfterPaint
from coachdesk.ui.banners import demo_banner, read_only_banner
from coachdesk.ui.controllers.handover import HandoverController
from coachdesk.ui.controllers.lock import LockController
from coachdesk.ui.controllers.new_student import NewStudentController
from coachdesk.ui.controllers.privacy import PrivacyController
from coachdesk.ui.controllers.reflections import ReflectionEditors
from coachdesk.ui.controllers.reports import ReportsController
from coachdesk.ui.controllers.scans import ScanController
from coachdesk.ui.controllers.settings import SettingsController
from coachdesk.ui.eliding_label import ElidingLabel
from coachdesk.ui.hidden_screens import BUILT_ON_FIRST_USE, HiddenScreens
from coachdesk.ui.page_stack import PageStack
from coachdesk.ui.screens.caseload_screen import CaseloadScreen
from coachdesk.ui.screens.welcome_screen import WelcomeScreen
from coachdesk.ui.window_place import MINIMUM_SIZE, remember_window
from coachdesk.ui.window_services import (
    STATUS_MESSAGE_MS,
    Screen,
    StoreInfo,
    WindowServices,
    store_kind,
)

if TYPE_CHECKING:  # built on first use (ui/hidden_screens.py)
    from coachdesk.ui.idle_lock import IdleWatcher
    from coachdesk.ui.screens.conversation.calm_view import CalmConversationView
    from coachdesk.ui.screens.conversation.conversation_screen import ConversationScreen
    from coachdesk.ui.screens.lock_screen import LockScreen
    from coachdesk.ui.screens.my_practice_screen import MyPracticeScreen
    from coachdesk.ui.screens.reflection.reflection_window import ReflectionWindow
    from coachdesk.ui.screens.student_screen import StudentScreen

__all__ = ["MainWindow", "Screen", "StoreInfo", "WindowServices"]

FIRST_SCREENFUL = 60
"""Students shown before the whole caseload is loaded: more than fit on a large screen."""


class MainWindow(QMainWindow):
    """The main window over one open store.

    Signals:
        switch_store_requested(bool): open the demo store (True) or the coach's own (False).
    """

    switch_store_requested = Signal(bool)

    def __init__(
        self,
        services: WindowServices,
        store: StoreInfo,
        today: dt.date | None = None,
        *,
        caseload_after_paint: bool = False,
    ) -> None:
        """With ``caseload_after_paint``, the window opens with the caseload's first screenful
        (read from an index: it costs what it shows, not what the store holds) and the whole
        caseload loads right after its first paint; else the whole caseload is loaded now.
        """
        super().__init__()
        self.services = services
        self.store = store
        self.today = today or dt.date.today()
        self.setWindowTitle(_("CoachDesk — demo") if store.is_demo else "CoachDesk")
        self.resize(1180, 760)  # the app places it on the screen (ui/window_place.py)
        self.setMinimumSize(MINIMUM_SIZE)

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(_("Navigation"))
        self.navigation.setFixedWidth(200)
        self.navigation.addItems(
            [_("My students"), _("Student"), _("Conversation"), _("My practice")]
        )
        self.caseload_screen = CaseloadScreen(self, self.today)
        self.caseload_screen.retention_years = services.settings.retention_years()
        self.caseload_screen.columns.restore(load_column_widths(store.data_dir))
        self.reflections = ReflectionEditors(self)
        self.handover = HandoverController(self)
        self.new_student = NewStudentController(self)
        self.privacy = PrivacyController(self)
        self.scans = ScanController(self)
        self.reports = ReportsController(self)
        self.settings = SettingsController(self)
        self.welcome_screen = WelcomeScreen(self)
        self.stack = PageStack(self)
        self.stack.addWidget(self.caseload_screen)
        self.hidden = HiddenScreens(self)
        self.stack.addWidget(self.welcome_screen)
        self.navigation.currentRowChanged.connect(self._show_row)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.navigation)
        body.addWidget(self.stack.in_scroll_area(), 1)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.demo_banner, self.own_store_button = demo_banner(
            self, lambda: self.switch_store_requested.emit(False)
        )
        self.demo_banner.setVisible(store.is_demo)
        column.addWidget(self.demo_banner)
        if store.read_only:
            column.addWidget(read_only_banner(self))
            for writer in (
                self.caseload_screen.import_button,
                self.caseload_screen.add_button,
                self.caseload_screen.settings_button,
            ):
                writer.setEnabled(False)  # the rest says so when tried: nothing is saved here
        column.addLayout(body, 1)
        self.locking = LockController(self, central)

        self.store_label = ElidingLabel(
            _("{kind}: {path}").format(kind=store_kind(store), path=store.path), self
        )
        self.store_label.setContentsMargins(12, 2, 12, 2)
        self.statusBar().addWidget(self.store_label)

        self._connect_screens()
        self._conversations_for: Student | None = None
        """The student whose conversations the conversation screen still has to show."""
        self._build_shortcuts()

        if caseload_after_paint:
            self._show_first_screenful()
        else:
            self.refresh_caseload()
        if store.is_empty and not store.is_demo:
            self.navigation.hide()
            self.stack.setCurrentIndex(Screen.WELCOME)
        else:
            self.show_screen(Screen.CASELOAD)

    def _build_shortcuts(self) -> None:
        """Screens by Ctrl+1…4, Ctrl+Q quits; the conversation keys here, so they work on every
        screen."""
        for row, key in enumerate(("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4")):
            QShortcut(QKeySequence(key), self, lambda row=row: self.show_screen(row))
        QShortcut(QKeySequence.StandardKey.New, self, self.new_conversation)
        QShortcut(QKeySequence("F5"), self, self.start_conversation)
        # Quitting saves what is being typed first, as closing the window does (closeEvent).
        QShortcut(QKeySequence("Ctrl+Q"), self, self.close)

    def _connect_screens(self) -> None:
        """Route what each screen asks for to the window's actions."""
        self.caseload_screen.student_opened.connect(self.open_student)
        self.caseload_screen.import_requested.connect(self.handover.import_class_list)
        self.caseload_screen.add_student_requested.connect(self.new_student.add)
        self.caseload_screen.demo_requested.connect(lambda: self.switch_store_requested.emit(True))
        self.caseload_screen.settings_requested.connect(self.settings.open_settings)
        self.caseload_screen.dossier_export_requested.connect(self.handover.export_dossier)
        self.caseload_screen.dossier_import_requested.connect(self.handover.import_dossier)
        self.welcome_screen.demo_chosen.connect(lambda: self.switch_store_requested.emit(True))
        self.welcome_screen.empty_chosen.connect(lambda: self.show_screen(Screen.CASELOAD))
        self.welcome_screen.import_chosen.connect(self.handover.import_class_list)
        self.welcome_screen.add_chosen.connect(self.new_student.add)

    @property
    def student_screen(self) -> StudentScreen:
        """The student's timeline (built on first use)."""
        return cast("StudentScreen", self.hidden.get(Screen.STUDENT))

    @property
    def conversation_screen(self) -> ConversationScreen:
        """The student's conversations (built on first use)."""
        return cast("ConversationScreen", self.hidden.get(Screen.CONVERSATION))

    @property
    def practice_screen(self) -> MyPracticeScreen:
        """The coach's own reflections (built on first use)."""
        return cast("MyPracticeScreen", self.hidden.get(Screen.PRACTICE))

    def calm_view(self) -> CalmConversationView | None:
        """Return the calm conversation view, if a conversation is being held."""
        screen = self.hidden.built(Screen.CONVERSATION)
        return cast("ConversationScreen", screen).calm_view if screen is not None else None

    @property
    def lock_screen(self) -> LockScreen:
        """The neutral screen shown while locked."""
        return self.locking.lock_screen

    @property
    def idle(self) -> IdleWatcher:
        """Watches for idle minutes and Ctrl+L."""
        return self.locking.idle

    @property
    def is_locked(self) -> bool:
        """Whether the lock screen is showing."""
        return self.locking.is_locked

    def lock(self) -> None:
        """Save what is being typed and hide every window with student data."""
        self.locking.lock()

    def unlock(self) -> None:
        """Bring back exactly what was on screen before the lock."""
        self.locking.unlock()

    def notify(self, message: str) -> None:
        """Say in the status bar what just happened (or why nothing did)."""
        self.statusBar().showMessage(message, STATUS_MESSAGE_MS)

    def _show_first_screenful(self) -> None:
        """Show the first screenful of students now, and load the whole caseload after they are
        painted. (The window's outline was painted before the app loaded: ``ui.first_frame``.)"""
        cadence = self.services.settings.cadence()
        first = self.services.caseload.overview(self.today, cadence, first=FIRST_SCREENFUL)
        if not first:  # no table to paint (at most archived students): load the rest now
            self.refresh_caseload()
            return
        self.caseload_screen.show_entries(first, complete=False)
        AfterPaint(self.caseload_screen.table.viewport(), self.refresh_caseload)

    def refresh_caseload(self) -> None:
        """Reload the caseload, e.g. after an import or an edit."""
        cadence = self.services.settings.cadence()
        self.caseload_screen.show_entries(self.services.caseload.overview(self.today, cadence))

    def show_screen(self, screen: int) -> None:
        """Show one of the navigation's screens (a ``Screen``: students, student, …)."""
        self.navigation.show()
        self.navigation.setCurrentRow(screen)
        self._show_row(screen)
        focused = self.focusWidget()
        if focused is None or not focused.isVisible():
            # Keep the keyboard usable: focus must never stay on a screen that was hidden.
            self.navigation.setFocus()

    def open_student(self, entry: CaseloadEntry) -> None:
        """Show one student's timeline, then get their conversations ready.

        The conversation screen (hidden, and slower to fill than the timeline) is filled right
        after the timeline's first frame, or at once when it is shown or the window is hidden.
        """
        student = entry.student
        self.student_screen.show_student(student.id)
        self._conversations_for = student
        self.show_screen(Screen.STUDENT)
        self.student_screen.timeline.setFocus()
        if self.isVisible():
            AfterPaint(self.student_screen, self._fill_conversation_screen)
        else:
            self._fill_conversation_screen()

    def _show_row(self, row: int) -> None:
        if row in BUILT_ON_FIRST_USE:
            self.hidden.get(Screen(row))
        if row == Screen.CONVERSATION:
            self._fill_conversation_screen()
        self.stack.setCurrentIndex(row)

    def _fill_conversation_screen(self) -> None:
        student, self._conversations_for = self._conversations_for, None
        if student is not None:
            self.conversation_screen.show_student(student)

    def _student_in_view(self) -> Student | None:
        """Return the student the coach is looking at: selected, open or in conversation."""
        current = self.stack.currentWidget()
        if current is self.caseload_screen:
            entry = self.caseload_screen.selected_entry()
            return entry.student if entry is not None else None
        if current is self.hidden.built(Screen.STUDENT) and self.student_screen.file is not None:
            return self.student_screen.file.student
        return self._conversations_for or self.conversation_screen.student

    def _show_conversations_of(self, student: Student | None) -> bool:
        """Bring up the conversation screen for ``student``; say so when nobody is chosen."""
        if student is None:
            self.notify(_("Choose a student first."))
            return False
        screen = self.conversation_screen
        self._conversations_for = None  # this student, not the one still waiting to be shown
        if screen.student is None or screen.student.id != student.id:
            self.student_screen.show_student(student.id)
            screen.show_student(student)
        self.show_screen(Screen.CONVERSATION)
        return True

    def new_conversation(self) -> None:
        """Ctrl+N anywhere: plan a conversation with the student in view."""
        if self._show_conversations_of(self._student_in_view()):
            self.conversation_screen.new_conversation()

    def start_conversation(self) -> None:
        """F5 anywhere: the calm view of the conversation in progress, or the next planned one."""
        on_conversations = self.stack.currentWidget() is self.hidden.built(Screen.CONVERSATION)
        student = self._student_in_view()
        if student is None or not self._show_conversations_of(student):
            return
        screen = self.conversation_screen
        chosen = screen.conversation
        # On the conversation screen F5 starts the one chosen there; elsewhere the one in
        # progress, or else the next planned one (never just the newest in the list).
        if not on_conversations or chosen is None or chosen.state is ConversationState.CLOSED:
            upcoming = self.services.conversation.flow.current(student.id, self.today)
            if upcoming is None:
                self.notify(_("No conversation to start yet: plan one with Ctrl+N."))
                return
            screen.show_student(student, select=upcoming.id)
        screen.enter_calm_mode()

    def conversations_changed(self, student_id: str) -> None:
        """A conversation of this student was added or closed: the caseload and timeline say so."""
        self.refresh_caseload()
        if (
            self.student_screen.file is not None
            and self.student_screen.file.student.id == student_id
        ):
            self.student_screen.show_student(student_id)

    def open_reflection(self, reflection_id: str, context: str) -> ReflectionWindow:
        """Open a reflection in its own editor window (or bring the open one forward)."""
        return self.reflections.open(reflection_id, context)

    def erase_student(self, student: Student) -> None:
        """Erase a student for good, after the coach confirms with the student number."""
        self.privacy.erase_student(student)

    def save_typing(self) -> None:
        """Store every word being typed: keywords, the close of a conversation, reflections."""
        conversations = self.hidden.built(Screen.CONVERSATION)
        if conversations is not None:
            cast("ConversationScreen", conversations).save_typing()
        self.reflections.save_typing()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_typing()
        self.reflections.close_all()
        self.services.drafts.close()
        remember_window(self, self.store.data_dir, self.caseload_screen.columns.widths())
        super().closeEvent(event)
