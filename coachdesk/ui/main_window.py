"""The shell: navigation, a stacked area for the screens, the demo banner and the status bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.domain.conversations import ConversationState
from coachdesk.domain.reflections import ReflectionAuthor
from coachdesk.domain.roles import Role
from coachdesk.domain.students import ContactRole, Student
from coachdesk.errors import UserFacingError
from coachdesk.i18n import _, language
from coachdesk.preferences import save_language
from coachdesk.services.caseload import CaseloadEntry, CaseloadService
from coachdesk.services.competence_scan import CompetenceScans, statements
from coachdesk.services.dossier import Dossiers
from coachdesk.services.draft_writer import DraftWriter
from coachdesk.services.privacy import Privacy
from coachdesk.services.progress_report import ProgressReports
from coachdesk.services.reflections import ReflectionService
from coachdesk.services.scan_forms import ScanForms
from coachdesk.services.settings import SettingsService
from coachdesk.services.student_file import StudentFileService
from coachdesk.services.student_import import StudentImport
from coachdesk.ui.dialog_veil import DialogVeil
from coachdesk.ui.dialogs.change_passphrase_dialog import (
    ChangePassphrase,
    ChangePassphraseDialog,
)
from coachdesk.ui.dialogs.handover_dialog import HandoverDialog
from coachdesk.ui.dialogs.import_wizard import ImportWizard
from coachdesk.ui.dialogs.settings_dialog import CoachSettings, SettingsDialog
from coachdesk.ui.idle_lock import IdleWatcher
from coachdesk.ui.messages import show_problem
from coachdesk.ui.passphrase_form import Unlock
from coachdesk.ui.scan_form_actions import read_scan_form, save_scan_form
from coachdesk.ui.screens.caseload_screen import CaseloadScreen
from coachdesk.ui.screens.conversation.calm_view import CalmConversationView
from coachdesk.ui.screens.conversation.conversation_screen import (
    ConversationScreen,
    ConversationServices,
)
from coachdesk.ui.screens.lock_screen import LockScreen, LockWindow
from coachdesk.ui.screens.my_practice_screen import MyPracticeScreen
from coachdesk.ui.screens.reflection.reflection_window import ReflectionWindow
from coachdesk.ui.screens.scan.scan_entry import ScanEntryView
from coachdesk.ui.screens.student_screen import StudentScreen
from coachdesk.ui.screens.welcome_screen import WelcomeScreen

CALM_MODE_LOCK_FACTOR = 3
"""A conversation has long quiet moments; locking mid-conversation would break it."""
STUDENT_ROW, CONVERSATION_ROW, PRACTICE_ROW = 1, 2, 3
"""Rows of the navigation and the screen stack (row 0: the caseload, 4: the welcome screen)."""
FIRST_SCREENFUL = 60
"""Students shown before the whole caseload is loaded: more than fit on a large screen."""


class _AfterPaint(QObject):
    """Runs ``action`` once, right after ``widget`` is next painted: the frame comes first.

    Nothing runs once the window was closed (or hidden) meanwhile: its store may be closed.
    """

    def __init__(self, widget: QWidget, action: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._action = action
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after the rest of this frame
        return False

    def _run(self) -> None:
        if self._widget.window().isVisible():
            self._action()
        self.deleteLater()


@dataclass(frozen=True)
class StoreInfo:
    """What the window tells about the open store."""

    path: Path
    data_dir: Path
    is_demo: bool
    is_empty: bool
    read_only: bool = False
    """A damaged store's quarantine copy, shown for reading only."""


def _store_kind(store: StoreInfo) -> str:
    """Say in the status bar which store this window shows."""
    if store.read_only:
        return _("Read-only copy of the damaged store")
    if store.is_demo:
        return _("Demo store (fictional students)")
    return _("Your own store")


@dataclass(frozen=True)
class WindowServices:
    """The use cases the window's screens call."""

    caseload: CaseloadService
    student_file: StudentFileService
    settings: SettingsService
    importer: Callable[[], StudentImport]
    """Makes an importer; raises ``UserFacingError`` for the demo store."""
    conversation: ConversationServices
    progress: ProgressReports
    reflections: ReflectionService
    scans: CompetenceScans
    forms: ScanForms
    dossiers: Dossiers
    privacy: Privacy
    backup_before_import: Callable[[], object]
    """Makes a checked backup of the coach's own store (nothing for the demo)."""
    drafts: DraftWriter
    """Writes reflection drafts in the background; closed with the window."""
    unlock: Unlock | None = None
    """Checks the passphrase on the lock screen; ``None`` when the store is not encrypted."""
    change_passphrase: ChangePassphrase | None = None
    """Rewraps the store key under a new passphrase; ``None`` when the store is not encrypted."""


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
        """With ``caseload_after_paint``, the first frame shows the empty screen at once and the
        caseload (which grows with the store) fills it right after; else it is filled now.
        """
        super().__init__()
        self.services = services
        self.store = store
        self.today = today or dt.date.today()
        self.setWindowTitle(_("CoachDesk — demo") if store.is_demo else "CoachDesk")
        self.resize(1180, 760)
        self.setMinimumSize(860, 560)

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(_("Navigation"))
        self.navigation.setFixedWidth(200)
        self.navigation.addItems(
            [_("My students"), _("Student"), _("Conversation"), _("My practice")]
        )
        self.caseload_screen = CaseloadScreen(self, self.today)
        self.caseload_screen.retention_years = services.settings.retention_years()
        self.editors: dict[str, ReflectionWindow] = {}
        self.welcome_screen = WelcomeScreen(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.caseload_screen)
        self._built: dict[int, QWidget] = {}
        """The screens behind the navigation built so far: each is built when first used."""
        for _row in (STUDENT_ROW, CONVERSATION_ROW, PRACTICE_ROW):
            self.stack.addWidget(QWidget(self.stack))  # stands in until the screen is built
        self.stack.addWidget(self.welcome_screen)
        self.navigation.currentRowChanged.connect(self._show_row)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.navigation)
        body.addWidget(self.stack, 1)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.demo_banner = self._build_demo_banner()
        column.addWidget(self.demo_banner)
        if store.read_only:
            column.addWidget(self._build_read_only_banner())
            for writer in (
                self.caseload_screen.import_button,
                self.caseload_screen.settings_button,
            ):
                writer.setEnabled(False)  # the rest says so when tried: nothing is saved here
        column.addLayout(body, 1)
        self._build_lock(central)

        self.store_label = QLabel(
            _("{kind}: {path}").format(kind=_store_kind(store), path=store.path), self
        )
        self.store_label.setContentsMargins(12, 2, 12, 2)
        self.statusBar().addWidget(self.store_label)

        self._connect_screens()
        self.scan_view: ScanEntryView | None = None
        self._conversations_for: Student | None = None
        """The student whose conversations the conversation screen still has to show."""
        self._build_shortcuts()

        if caseload_after_paint:
            _AfterPaint(self.stack, self._load_caseload_in_steps)
        else:
            self.refresh_caseload()
        if store.is_empty and not store.is_demo:
            self.navigation.hide()
            self.stack.setCurrentWidget(self.welcome_screen)
        else:
            self.show_screen(0)

    def _build_shortcuts(self) -> None:
        """Screens by Ctrl+1…4; the conversation keys here, so they work on every screen."""
        for row, key in enumerate(("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4")):
            QShortcut(QKeySequence(key), self, lambda row=row: self.show_screen(row))
        QShortcut(QKeySequence.StandardKey.New, self, self.new_conversation)
        QShortcut(QKeySequence("F5"), self, self.start_conversation)

    def _connect_screens(self) -> None:
        """Route what each screen asks for to the window's actions."""
        self.caseload_screen.student_opened.connect(self.open_student)
        self.caseload_screen.import_requested.connect(self.import_class_list)
        self.caseload_screen.settings_requested.connect(self.open_settings)
        self.caseload_screen.dossier_export_requested.connect(self.export_dossier)
        self.caseload_screen.dossier_import_requested.connect(self.import_dossier)
        self.welcome_screen.demo_chosen.connect(lambda: self.switch_store_requested.emit(True))
        self.welcome_screen.empty_chosen.connect(lambda: self.show_screen(0))
        self.welcome_screen.import_chosen.connect(self.import_class_list)

    @property
    def student_screen(self) -> StudentScreen:
        """The student's timeline (built on first use)."""
        return cast(StudentScreen, self._screen(STUDENT_ROW))

    @property
    def conversation_screen(self) -> ConversationScreen:
        """The student's conversations (built on first use)."""
        return cast(ConversationScreen, self._screen(CONVERSATION_ROW))

    @property
    def practice_screen(self) -> MyPracticeScreen:
        """The coach's own reflections (built on first use)."""
        return cast(MyPracticeScreen, self._screen(PRACTICE_ROW))

    def _screen(self, row: int) -> QWidget:
        """Return the screen at ``row``, building it in its stand-in's place the first time.

        Screens the coach has not opened yet cost nothing before the first paint.
        """
        screen = self._built.get(row)
        if screen is None:
            screen = self._build_screen(row)
            self._built[row] = screen
            stand_in = self.stack.widget(row)
            self.stack.insertWidget(row, screen)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
        return screen

    def _build_screen(self, row: int) -> QWidget:
        if row == STUDENT_ROW:
            student = StudentScreen(self.services.student_file, self, self.today)
            student.student_changed.connect(lambda _id: self.refresh_caseload())
            student.progress_report_requested.connect(self.save_progress_report)
            student.reflection_requested.connect(self.new_student_reflection)
            student.reflection_open_requested.connect(self._open_student_reflection)
            student.scan_requested.connect(self.fill_in_scan)
            student.scan_paper_requested.connect(self.save_scan_paper)
            student.form_requested.connect(
                lambda s, rater: save_scan_form(self, self.services.forms, s, rater, self.today)
            )
            student.form_import_requested.connect(self._read_scan_form)
            student.inzage_requested.connect(self.save_inzage)
            student.erase_requested.connect(self.erase_student)
            student.conversation_requested.connect(lambda _s: self.new_conversation())
            return student
        if row == CONVERSATION_ROW:
            conversations = ConversationScreen(self.services.conversation, self, self.today)
            conversations.conversations_changed.connect(self._conversations_changed)
            return conversations
        practice = MyPracticeScreen(self)
        practice.new_requested.connect(self.new_practice_reflection)
        practice.open_requested.connect(lambda rid: self.open_reflection(rid, _("My practice")))
        practice.show_reflections(self.services.reflections.coach_reflections())
        return practice

    def _calm_view(self) -> CalmConversationView | None:
        """Return the calm conversation view, if a conversation is being held."""
        screen = self._built.get(CONVERSATION_ROW)
        return cast(ConversationScreen, screen).calm_view if screen is not None else None

    def _build_lock(self, central: QWidget) -> None:
        """Put the lock screen beside the app's body; lock when idle or on Ctrl+L (any window)."""
        self.lock_screen = LockScreen(self.services.unlock, self)
        self.lock_screen.unlocked.connect(self.unlock)
        self.shell = QStackedWidget(self)
        self.shell.addWidget(central)
        self.shell.addWidget(self.lock_screen)
        self.setCentralWidget(self.shell)
        self._hidden_while_locked: list[QWidget] = []
        self._veils: list[DialogVeil] = []
        self._lock_window: LockWindow | None = None
        self._lock_minutes = self.services.settings.lock_minutes()
        self.idle = IdleWatcher(self._idle_seconds, self)
        self.idle.idle.connect(self.lock)
        self.idle.lock_key_pressed.connect(self.lock)

    def _idle_seconds(self) -> float:
        """Idle time allowed now: three times as long while a calm conversation is on."""
        minutes = self._lock_minutes
        in_conversation = self._calm_view() is not None
        return minutes * 60 * (CALM_MODE_LOCK_FACTOR if in_conversation else 1)

    @property
    def is_locked(self) -> bool:
        """Whether the lock screen is showing."""
        return self.shell.currentWidget() is self.lock_screen

    def lock(self) -> None:
        """Save what is being typed, hide every window with student data, show the lock screen."""
        if self.is_locked:
            return
        self._save_typing()
        self.services.drafts.flush()
        shown = [w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible()]
        self._hidden_while_locked = [widget for widget in shown if not widget.isModal()]
        for widget in self._hidden_while_locked:
            widget.hide()
        self._veils = [DialogVeil(dialog) for dialog in shown if dialog.isModal()]
        self.statusBar().hide()
        self.shell.setCurrentWidget(self.lock_screen)
        self.idle.paused = True
        self.show()
        if self._veils:  # an open dialog blocks this window: ask for the passphrase above it
            self._lock_window = LockWindow(self.services.unlock)
            self._lock_window.unlocked.connect(self.unlock)
            self._lock_window.resize(self.lock_screen.size())
            self._lock_window.show()
            self._lock_window.prepare()
        else:
            self.lock_screen.prepare()

    def unlock(self) -> None:
        """Bring back exactly what was on screen before the lock."""
        form = (self._lock_window or self.lock_screen).form
        recovery_key = form.recovery_key_used if form is not None else None
        if self._lock_window is not None:
            self._lock_window.hide()
            self._lock_window.deleteLater()
            self._lock_window = None
        for veil in self._veils:
            veil.lift()
        self._veils = []
        self.shell.setCurrentIndex(0)
        self.statusBar().show()
        calm = self._calm_view()
        for widget in self._hidden_while_locked:
            if widget is calm:
                widget.showFullScreen()
            else:
                widget.show()
        if calm is not None and calm in self._hidden_while_locked:
            self.hide()  # calm mode shows nothing else, as before the lock
            calm.activateWindow()
        self._hidden_while_locked = []
        self.idle.paused = False
        self.idle.touch()
        if recovery_key and self.services.change_passphrase is not None:  # passphrase forgotten
            ChangePassphraseDialog.ask(self.services.change_passphrase, recovery_key, self)

    def _banner(self, name: str, text: str) -> tuple[QFrame, QHBoxLayout]:
        """Return a calm strip across the top of the window, with its wrapped message."""
        banner = QFrame(self)
        banner.setObjectName(name)
        layout = QHBoxLayout(banner)
        layout.setContentsMargins(16, 8, 16, 8)
        message = QLabel(text, banner)
        message.setWordWrap(True)
        layout.addWidget(message, 1)
        return banner, layout

    def _build_demo_banner(self) -> QFrame:
        banner, layout = self._banner(
            "demoBanner", _("Demo: all students here are fictional. Your own data is kept apart.")
        )
        self.own_store_button = QPushButton(_("Go to my own data"), banner)
        self.own_store_button.clicked.connect(lambda: self.switch_store_requested.emit(False))
        layout.addWidget(self.own_store_button, 0, Qt.AlignmentFlag.AlignRight)
        banner.setVisible(self.store.is_demo)
        return banner

    def _build_read_only_banner(self) -> QFrame:
        banner, _layout = self._banner(
            "readOnlyBanner",
            _(
                "Read only: this is what could still be read from your damaged data. Nothing "
                "you change here is saved. Start CoachDesk again to restore a backup and work on."
            ),
        )
        return banner

    def _load_caseload_in_steps(self) -> None:
        """Show the first screenful of students in one frame, then load the whole caseload."""
        cadence = self.services.settings.cadence()
        first = self.services.caseload.overview(self.today, cadence, first=FIRST_SCREENFUL)
        self.caseload_screen.show_entries(first, complete=False)
        _AfterPaint(self.caseload_screen.table.viewport(), self.refresh_caseload)

    def refresh_caseload(self) -> None:
        """Reload the caseload, e.g. after an import or an edit."""
        cadence = self.services.settings.cadence()
        self.caseload_screen.show_entries(self.services.caseload.overview(self.today, cadence))

    def show_screen(self, row: int) -> None:
        """Show the navigation's screen ``row`` (students, student, conversation, my practice)."""
        self.navigation.show()
        self.navigation.setCurrentRow(row)
        self._show_row(row)
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
        self.show_screen(1)
        self.student_screen.timeline.setFocus()
        if self.isVisible():
            _AfterPaint(self.student_screen, self._fill_conversation_screen)
        else:
            self._fill_conversation_screen()

    def _show_row(self, row: int) -> None:
        if row in (STUDENT_ROW, CONVERSATION_ROW, PRACTICE_ROW):
            self._screen(row)
        if row == CONVERSATION_ROW:
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
        if current is self._built.get(STUDENT_ROW) and self.student_screen.file is not None:
            return self.student_screen.file.student
        return self._conversations_for or self.conversation_screen.student

    def _show_conversations_of(self, student: Student | None) -> bool:
        """Bring up the conversation screen for ``student``; say so when nobody is chosen."""
        if student is None:
            self.statusBar().showMessage(_("Choose a student first."), 10_000)
            return False
        screen = self.conversation_screen
        self._conversations_for = None  # this student, not the one still waiting to be shown
        if screen.student is None or screen.student.id != student.id:
            self.student_screen.show_student(student.id)
            screen.show_student(student)
        self.show_screen(CONVERSATION_ROW)
        return True

    def new_conversation(self) -> None:
        """Ctrl+N anywhere: plan a conversation with the student in view."""
        if self._show_conversations_of(self._student_in_view()):
            self.conversation_screen.new_conversation()

    def start_conversation(self) -> None:
        """F5 anywhere: the calm view of the conversation in progress, or the next planned one."""
        on_conversations = self.stack.currentWidget() is self._built.get(CONVERSATION_ROW)
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
                self.statusBar().showMessage(
                    _("No conversation to start yet: plan one with Ctrl+N."), 10_000
                )
                return
            screen.show_student(student, select=upcoming.id)
        screen.enter_calm_mode()

    def _conversations_changed(self, student_id: str) -> None:
        self.refresh_caseload()
        if (
            self.student_screen.file is not None
            and self.student_screen.file.student.id == student_id
        ):
            self.student_screen.show_student(student_id)

    def import_class_list(self) -> None:
        """Run the import wizard (after a backup); on success the caseload shows the students."""
        try:
            self.services.backup_before_import()
            result = ImportWizard.run(self, self.services.importer())
        except UserFacingError as error:
            show_problem(self, error)
            return
        if result is None:
            return
        self.refresh_caseload()
        self.show_screen(0)
        self.statusBar().showMessage(
            _("Class list imported: {created} new, {updated} updated, {skipped} skipped.").format(
                created=result.created, updated=result.updated, skipped=result.skipped
            ),
            10_000,
        )

    def open_reflection(self, reflection_id: str, context: str) -> ReflectionWindow:
        """Open a reflection in its own editor window (or bring the open one forward)."""
        editor = self.editors.get(reflection_id)
        if editor is None:
            editor = ReflectionWindow(
                self.services.reflections, self.services.drafts, reflection_id, context
            )
            editor.saved.connect(self._reflection_saved)
            editor.destroyed.connect(
                lambda _obj=None, rid=reflection_id: self.editors.pop(rid, None)
            )
            self.editors[reflection_id] = editor
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def new_practice_reflection(self) -> None:
        """Start one of the coach's own reflections."""
        title, accepted = QInputDialog.getText(self, _("New reflection"), _("Title"))
        if not accepted:
            return
        try:
            reflection = self.services.reflections.create(ReflectionAuthor.COACH, title)
        except UserFacingError as error:
            show_problem(self, error)
            return
        self.practice_screen.show_reflections(self.services.reflections.coach_reflections())
        self.open_reflection(reflection.id, _("My practice"))

    def new_student_reflection(self, student: Student) -> None:
        """Start a reflection by the student (typed together, or by the student at the laptop)."""
        title, accepted = QInputDialog.getText(
            self, _("New reflection"), _("Title"), text=_("Reflection: ")
        )
        if not accepted:
            return
        try:
            reflection = self.services.reflections.create(
                ReflectionAuthor.STUDENT, title, student_id=student.id
            )
        except UserFacingError as error:
            show_problem(self, error)
            return
        self.student_screen.show_student(student.id)
        self.open_reflection(reflection.id, student.full_name)

    def export_dossier(self, student_numbers: list[str]) -> None:
        """Make an encrypted handover dossier of these students."""
        choice = HandoverDialog.ask(self, len(student_numbers))
        if choice is None:
            return
        suggested = Path.home() / _("dossier-{date}.cddossier").format(date=self.today.isoformat())
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Handover dossier"), str(suggested), _("CoachDesk dossiers (*.cddossier)")
        )
        if not name:
            return
        try:
            self.services.dossiers.export(
                student_numbers,
                choice.passphrase,
                Path(name),
                include_private=choice.include_private,
                consent_given=choice.consent_given,
                today=self.today,
            )
        except UserFacingError as error:
            show_problem(self, error)
            return
        self.statusBar().showMessage(_("Dossier written: {path}").format(path=name), 10_000)

    def import_dossier(self) -> None:
        """Import a handover dossier; nothing is written unless all of it is sound."""
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Import a dossier…"),
            str(Path.home()),
            _("CoachDesk dossiers (*.cddossier);;All files (*)"),
        )
        if not name:
            return
        passphrase, accepted = QInputDialog.getText(
            self, _("Import a dossier…"), _("Passphrase"), QLineEdit.EchoMode.Password
        )
        if not accepted:
            return
        dossiers = self.services.dossiers
        try:
            content = dossiers.read(Path(name), passphrase)
            self.services.backup_before_import()
            summary = dossiers.import_dossier(content)
        except UserFacingError as error:
            show_problem(self, error)
            return
        self.refresh_caseload()
        self.statusBar().showMessage(
            _("Dossier imported: {students} students, {records} records.").format(
                students=summary.students, records=summary.records
            ),
            10_000,
        )

    def save_inzage(self, student: Student) -> None:
        """Write everything about a student (PDF to read, JSON with all data) into a folder."""
        from coachdesk.export.progress_pdf import write_progress  # noqa: PLC0415 - reportlab on export only

        folder = QFileDialog.getExistingDirectory(
            self, _("Inzage: choose a folder"), str(Path.home())
        )
        if not folder:
            return
        privacy = self.services.privacy
        try:
            inzage = privacy.inzage(student.student_number, self.today)
            privacy.write_inzage_json(
                inzage, Path(folder) / f"inzage-{student.student_number}.json"
            )
            write_progress(inzage.overview, Path(folder) / f"inzage-{student.student_number}.pdf")
        except (UserFacingError, OSError) as error:
            show_problem(
                self, error if isinstance(error, UserFacingError) else UserFacingError(str(error))
            )
            return
        self.statusBar().showMessage(
            _("Inzage written to {folder}: a PDF to read and a JSON file with all data.").format(
                folder=folder
            ),
            10_000,
        )

    def erase_student(self, student: Student) -> None:
        """Erase a student for good, after the coach types the student number to confirm."""
        typed, accepted = QInputDialog.getText(
            self,
            _("Erase this student for good…"),
            _(
                "Erasing cannot be undone; older backups expire within 90 days. Type the student "
                "number {number} to confirm."
            ).format(number=student.student_number),
        )
        if not accepted or typed.strip() != student.student_number:
            return
        self.services.privacy.erase(student.student_number, self.today)
        self.refresh_caseload()
        self.show_screen(0)
        self.statusBar().showMessage(
            _("Student {number} is erased, also from the store's free space and log.").format(
                number=student.student_number
            ),
            10_000,
        )

    def fill_in_scan(self, student: Student, rater: Role) -> None:
        """Open the full-screen scan for one rater; the rest of the file goes out of sight."""
        names = {
            Role.STUDENT: student.given_name,
            Role.COACH: _("the coach"),
            Role.WORKPLACE_TRAINER: _("the workplace trainer"),
        }
        title = _("Competence scan · filled in by {who}").format(who=names[rater])
        view = ScanEntryView(title, rater, statements())
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.finished.connect(lambda answers: self._scan_finished(student, rater, answers))
        view.destroyed.connect(self._scan_closed)
        self.scan_view = view
        self.hide()
        view.showFullScreen()
        view.setFocus()

    def _scan_finished(self, student: Student, rater: Role, answers: dict[str, int]) -> None:
        trainer = next(
            (
                c.name
                for c in self.services.student_file.open(student.id).contacts
                if c.role is ContactRole.WORKPLACE_TRAINER
            ),
            "",
        )
        name = trainer if rater is Role.WORKPLACE_TRAINER else ""
        try:
            self.services.scans.record(student.id, rater, answers, self.today, name)
        except UserFacingError as error:
            show_problem(self.scan_view, error)
            return
        self.student_screen.show_student(student.id)

    def _scan_closed(self) -> None:
        self.scan_view = None
        self.show()

    def save_scan_paper(self, student: Student) -> None:
        """Save the paper scan for the workplace trainer where the coach chooses."""
        from coachdesk.export.scan_pdf import write_scan_paper  # noqa: PLC0415 - reportlab on export only

        suggested = Path.home() / _("scan-{name}.pdf").format(name=student.given_name.lower())
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Competence scan"), str(suggested), _("PDF files (*.pdf)")
        )
        if not name:
            return
        try:
            write_scan_paper(student, self.today, Path(name))
            self.services.scans.note_paper_form(student.id)
        except UserFacingError as error:
            show_problem(self, error)

    def _read_scan_form(self, student: Student) -> None:
        if read_scan_form(self, self.services.forms, self.today, student.id):
            self.student_screen.show_student(student.id)

    def _open_student_reflection(self, reflection_id: str) -> None:
        shown = self.student_screen.file
        self.open_reflection(reflection_id, shown.student.full_name if shown else "")

    def _reflection_saved(self, _reflection_id: str) -> None:
        self.practice_screen.show_reflections(self.services.reflections.coach_reflections())
        shown = self.student_screen.file
        if shown is not None:
            self.student_screen.show_student(shown.student.id)

    def _save_typing(self) -> None:
        """Store every word being typed: keywords, the close of a conversation, reflections."""
        conversations = self._built.get(CONVERSATION_ROW)
        if conversations is not None:
            cast(ConversationScreen, conversations).save_typing()
        for editor in self.editors.values():
            editor.autosave.save_now()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._save_typing()
        for editor in list(self.editors.values()):
            editor.close()
        self.services.drafts.close()
        super().closeEvent(event)

    def save_progress_report(self, student: Student) -> None:
        """Write the student's progress overview for this school year where the coach chooses."""
        settings = self.services.settings
        try:
            report = self.services.progress.build(
                student.student_number, today=self.today, school_name=settings.school_name()
            )
        except UserFacingError as error:
            show_problem(self, error)
            return
        suggested = Path.home() / _("progress-{name}-{date}.pdf").format(
            name=student.given_name.lower(), date=self.today.isoformat()
        )
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Progress overview"), str(suggested), _("PDF files (*.pdf)")
        )
        if not name:
            return
        from coachdesk.export.progress_pdf import write_progress  # noqa: PLC0415 - reportlab on export only

        try:
            write_progress(report, Path(name), settings.school_logo())
        except UserFacingError as error:
            show_problem(self, error)

    def open_settings(self) -> None:
        """Let the coach set their name, the school for reports and the cadence."""
        settings = self.services.settings
        current = CoachSettings(
            settings.coach_name(),
            settings.school_name(),
            settings.school_logo(),
            settings.cadence(),
            language(),
            settings.lock_minutes(),
            settings.retention_years(),
        )
        chosen = SettingsDialog.ask(self, current, self.services.change_passphrase)
        if chosen is None:
            return
        settings.set_coach_name(chosen.coach_name)
        settings.set_school(chosen.school_name, chosen.logo)
        settings.set_cadence(chosen.cadence)
        settings.set_lock_minutes(chosen.lock_minutes)
        settings.set_retention_years(chosen.retention_years)
        self._lock_minutes = settings.lock_minutes()
        self.caseload_screen.retention_years = settings.retention_years()
        self.refresh_caseload()
        if chosen.language != language():
            save_language(self.store.data_dir, chosen.language)
            QMessageBox.information(
                self,
                "CoachDesk",
                _("The new language is used from the next start of CoachDesk."),
            )
