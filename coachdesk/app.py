"""Composition root of the GUI: the only module that knows every layer.

Creates the QApplication, installs translations and the look, opens the store,
builds the services and shows the window.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from coachdesk.crash_log import write_crash_log
from coachdesk.errors import DamagedStoreError, QuarantinedStoreError, UserFacingError
from coachdesk.i18n import _
from coachdesk.preferences import load_window_state
from coachdesk.services.backups import Backups
from coachdesk.services.caseload import CaseloadService
from coachdesk.services.competence_scan import CompetenceScans
from coachdesk.services.conversation_flow import ConversationFlow
from coachdesk.services.conversation_log import ConversationLog
from coachdesk.services.dossier import Dossiers
from coachdesk.services.draft_writer import DraftWriter
from coachdesk.services.encryption import StoreOpener, change_passphrase, is_encrypted, unlock
from coachdesk.services.privacy import Privacy
from coachdesk.services.progress_report import ProgressReports
from coachdesk.services.quarantine import (
    explain_damage_found,
    explain_unopenable,
    set_aside_foreign_wal,
)
from coachdesk.services.question_bank import QuestionBank
from coachdesk.services.reflections import ReflectionService
from coachdesk.services.scan_forms import ScanForms
from coachdesk.services.settings import SettingsService
from coachdesk.services.student_entry import StudentEntry
from coachdesk.services.student_file import StudentFileService
from coachdesk.services.student_import import StudentImport
from coachdesk.services.summary_content import SummaryContent
from coachdesk.services.workspace import StoreLocation, Workspace, opens_cleanly
from coachdesk.storage.cipher import DB_ERRORS, is_store_damage
from coachdesk.storage.connection import ConnectionFactory
from coachdesk.storage.database import LaterCheck
from coachdesk.storage.integrity import BackgroundQuickCheck
from coachdesk.storage.store_lock import StoreLock
from coachdesk.ui.dialogs.new_store_dialog import NewStoreDialog
from coachdesk.ui.dialogs.store_trouble_dialog import Recovery, StoreTroubleDialog
from coachdesk.ui.dialogs.unlock_dialog import UnlockDialog
from coachdesk.ui.first_frame import FirstFrame
from coachdesk.ui.main_window import MainWindow, StoreInfo, WindowServices
from coachdesk.ui.messages import show_problem
from coachdesk.ui.qt_translations import install_qt_translations
from coachdesk.ui.theme import apply_theme
from coachdesk.ui.window_place import place_window
from coachdesk.ui.window_services import ConversationServices

SCREENSHOT_DELAY_MS = 300
QUICK_CHECK_POLL_MS = 50


class QuickCheck(enum.Enum):
    """When SQLite's quick check of the store runs, relative to opening it."""

    BEFORE_OPEN = "before"
    """Before anything else (tests, and every way back from a damaged store)."""
    AFTER_PAINT = "after"
    """In the background while the window appears; writes wait until it passed."""
    ALREADY_DONE = "done"
    """The caller has just run it (before offering to encrypt a plain store)."""


def _checked_just_now(_path: Path, _factory: ConnectionFactory) -> None:
    """Nothing to wait for: the store passed its quick check a moment ago."""


def open_workspace(
    location: StoreLocation,
    opener: StoreOpener | None = None,
    check_later: LaterCheck | None = None,
) -> Workspace:
    """Open a store; the separate demo store is filled with the demo caseload on first use."""
    workspace = Workspace.open(location, opener, check_later=check_later)
    if location.demo and workspace.is_empty():
        from coachdesk.services.demo_data import fill_with_demo  # noqa: PLC0415 - only when needed

        fill_with_demo(workspace.repos)
    return workspace


def build_window(
    workspace: Workspace, today: dt.date | None = None, *, caseload_after_paint: bool = False
) -> MainWindow:
    """Build the main window over an open workspace, with every service it needs."""
    repos = workspace.repos
    encrypted = is_encrypted(workspace.location.path)
    info = StoreInfo(
        path=repos.store.path,  # for a read-only view: the quarantine copy being shown
        data_dir=workspace.location.data_dir,
        is_demo=workspace.is_demo,
        is_empty=workspace.is_empty(),
        read_only=workspace.read_only,
    )
    services = WindowServices(
        caseload=CaseloadService(repos),
        student_file=StudentFileService(repos),
        settings=SettingsService(repos.store),
        importer=lambda: StudentImport(repos, demo_store=workspace.is_demo),
        student_entry=StudentEntry(repos, demo_store=workspace.is_demo),
        conversation=ConversationServices(
            flow=ConversationFlow(repos),
            log=ConversationLog(repos),
            bank=QuestionBank(repos),
            settings=SettingsService(repos.store),
            student_file=StudentFileService(repos),
            reports=SummaryContent(repos),
            forms=ScanForms(repos),
        ),
        progress=ProgressReports(repos),
        reflections=ReflectionService(repos),
        scans=CompetenceScans(repos),
        forms=ScanForms(repos),
        dossiers=Dossiers(repos),
        privacy=Privacy(repos),
        backup_before_import=lambda: (
            None
            if workspace.is_demo or workspace.read_only
            else Backups(workspace.location.path).make(repos.store, "voor-import")
        ),
        drafts=DraftWriter(
            repos.store.path, workspace.factory, before_write=repos.store.wait_until_checked
        ),
        unlock=(functools.partial(unlock, workspace.location.path) if encrypted else None),
        change_passphrase=(
            functools.partial(change_passphrase, workspace.location.path)
            if encrypted and not workspace.read_only
            else None
        ),
    )
    return MainWindow(services, info, today, caseload_after_paint=caseload_after_paint)


def ask_own_opener(location: StoreLocation) -> StoreOpener | None:
    """Ask for the passphrase of the coach's own store; at first start, have one chosen.

    A new store is always created encrypted. An older unencrypted store opens as it is
    (``coachdesk encrypt`` converts it). Raises when the coach cancels: the store stays closed.
    """
    if is_encrypted(location.path):
        opener = UnlockDialog.ask(
            functools.partial(unlock, location.path),
            functools.partial(change_passphrase, location.path),
        )
    elif not location.path.exists():
        opener = NewStoreDialog.ask(location.path)
    else:
        return None
    if opener is None:
        raise UserFacingError(_("The store stays closed."))
    return opener


def _offer_encryption(location: StoreLocation) -> StoreOpener | None:
    """At start, offer to encrypt an older unencrypted store; ``None`` keeps it as it is."""
    lock = StoreLock(location.path)  # never convert a store another window has open
    try:
        return NewStoreDialog.ask(location.path, existing=True)
    finally:
        lock.release()


class AppController:
    """Keeps one workspace and its window, and swaps both when the coach switches stores."""

    def __init__(
        self,
        location: StoreLocation,
        opener: StoreOpener | None = None,
        *,
        read_only_copy: Path | None = None,
        quick_check: QuickCheck = QuickCheck.BEFORE_OPEN,
    ) -> None:
        """Open the store (or, with ``read_only_copy``, view a damaged store's quarantine copy)."""
        self.own_opener = opener  # the demo store is never encrypted; the coach's own may be
        self.damaged = False
        """SQLite found the store damaged while in use: no session backup of it at the end."""
        self.quick_check: BackgroundQuickCheck | None = None
        """The quick check still running after the first paint, if any."""
        self._check_timer: QTimer | None = None
        self.interactive = quick_check is not QuickCheck.BEFORE_OPEN
        """Started by the coach: paint the window first, then fill the caseload."""
        self.lock = StoreLock(location.path)
        try:
            self.workspace = (
                Workspace.open_read_only(location, read_only_copy, opener)
                if read_only_copy is not None
                else open_workspace(
                    location, None if location.demo else opener, self._later_check(quick_check)
                )
            )
        except UserFacingError:
            self.lock.release()
            raise
        try:
            self.window = self._window_for(self.workspace)
        except DB_ERRORS as error:
            if not (self.workspace.read_only and is_store_damage(error)):
                raise
            self.workspace.close()
            self.lock.release()
            raise DamagedStoreError(
                _("This copy is too damaged to show; restore the backup instead.")
            ) from error

    def _later_check(self, timing: QuickCheck) -> LaterCheck | None:
        if timing is QuickCheck.ALREADY_DONE:
            return _checked_just_now
        if timing is QuickCheck.BEFORE_OPEN:
            return None

        def start(path: Path, factory: ConnectionFactory) -> BackgroundQuickCheck:
            self.quick_check = BackgroundQuickCheck.start(path, factory)
            return self.quick_check

        return start

    def _window_for(self, workspace: Workspace) -> MainWindow:
        window = build_window(workspace, caseload_after_paint=self.interactive)
        window.switch_store_requested.connect(self.switch_store)
        if self.quick_check is not None:
            self._check_timer = QTimer(window)
            self._check_timer.timeout.connect(self._poll_quick_check)
            self._check_timer.start(QUICK_CHECK_POLL_MS)
        return window

    def _poll_quick_check(self) -> None:
        """Once the background quick check is done: carry on, or offer the ways back."""
        check = self.quick_check
        if check is not None and not check.finished:
            return
        if self._check_timer is not None:
            self._check_timer.stop()
        self.quick_check = None
        if check is None:  # the coach switched to another store meanwhile
            return
        if check.error is None:
            return
        self.damaged = True
        location = self.workspace.location
        found = explain_unopenable(location.path, check.error, self.workspace.factory)
        self.window.hide()
        self.workspace.close()
        self.lock.release()
        replacement = None
        if isinstance(found, QuarantinedStoreError):
            replacement = recover(location, self.own_opener, found)
        else:
            show_problem(None, found)
        if replacement is None:
            QApplication.quit()
            return
        old_window = self.window
        self.workspace, self.window, self.lock = (
            replacement.workspace,
            replacement.window,
            replacement.lock,
        )
        self.damaged = False
        self.window.switch_store_requested.disconnect(replacement.switch_store)
        self.window.switch_store_requested.connect(self.switch_store)
        place_window(self.window, bytes(old_window.saveGeometry().data()))
        self.window.show()
        old_window.deleteLater()

    def switch_store(self, demo: bool) -> None:
        """Open the demo store or the coach's own, in place of the current one."""
        target = StoreLocation(self.workspace.location.data_dir, demo=demo)
        try:
            lock = StoreLock(target.path)
        except UserFacingError as error:
            show_problem(self.window, error)
            return
        try:
            workspace = open_workspace(target, None if demo else self._own_opener(target))
        except UserFacingError as error:
            lock.release()
            show_problem(self.window, error)
            return
        self.quick_check = None  # the store it checks is being closed
        old_window, old_workspace, old_lock = self.window, self.workspace, self.lock
        self.lock = lock
        self.workspace, self.window = workspace, self._window_for(workspace)
        place_window(self.window, bytes(old_window.saveGeometry().data()))  # maximised stays so
        self.window.show()
        old_window.close()  # saves what was being typed, while the old store is still ours
        old_window.deleteLater()
        old_workspace.close()
        old_lock.release()

    def _own_opener(self, location: StoreLocation) -> StoreOpener | None:
        if self.own_opener is None:
            self.own_opener = ask_own_opener(location)
        return self.own_opener

    def close(self) -> None:
        """Close the window (editors save), back up the coach's own store, then close it."""
        self.window.close()
        workspace = self.workspace
        if not (self.damaged or workspace.is_demo or workspace.read_only or workspace.is_empty()):
            try:
                Backups(self.workspace.location.path).make(self.workspace.repos.store, "sessie")
            except UserFacingError as error:
                show_problem(None, error)
        self.workspace.close()
        self.lock.release()


def recover(
    location: StoreLocation, opener: StoreOpener | None, error: QuarantinedStoreError
) -> AppController | None:
    """Offer the ways back for a store that did not open; ``None`` when the coach closes.

    A way that fails (e.g. a copy too damaged to read) is explained, and the choice comes back.
    """
    while True:
        choice = StoreTroubleDialog.ask(error)
        try:
            if choice is Recovery.SET_ASIDE_WAL:
                set_aside_foreign_wal(location.path, opener)
            elif choice is Recovery.RESTORE_BACKUP and error.backup is not None:
                Backups(location.path, factory=opener).restore(error.backup)
            elif choice is Recovery.READ_ONLY:
                return AppController(location, opener, read_only_copy=error.copy)
            else:
                return None
            return AppController(location, opener)
        except QuarantinedStoreError as again:
            error = again
        except UserFacingError as problem:
            show_problem(None, problem)


def report_uncaught(controller: AppController, error: BaseException) -> None:
    """Say calmly what went wrong; a store found damaged while in use closes the app.

    A ``UserFacingError`` raised in any slot is shown here, so no slot needs its own handler.

    The next start then finds the damage before anything is written and offers the backup
    or a read-only view. In the read-only view itself, damaged parts are expected.
    """
    workspace = controller.workspace
    if isinstance(error, UserFacingError):  # a known problem no slot caught: said, not logged
        show_problem(None, error)
    elif is_store_damage(error) and workspace.read_only:  # damaged parts are expected here
        QMessageBox.information(
            None, "CoachDesk", _("This part of the data is damaged and cannot be read.")
        )
    elif is_store_damage(error):
        controller.damaged = True
        found = explain_damage_found(workspace.location.path, workspace.factory)
        closing = _(
            "CoachDesk closes now; start it again to restore the backup or to read what is left."
        )
        QMessageBox.critical(None, "CoachDesk", " ".join((found.message, closing)))
        QApplication.quit()
    else:
        log = write_crash_log(workspace.location.data_dir, error)
        QMessageBox.critical(
            None,
            "CoachDesk",
            _("CoachDesk hit an internal error. What you saved is safe. Details: {log}").format(
                log=log or "-"
            ),
        )


def _install_excepthook(controller: AppController) -> None:
    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        report_uncaught(controller, error.with_traceback(trace))

    sys.excepthook = hook


def _save_screenshot(window: MainWindow, target: Path) -> None:
    window.grab().save(str(target))
    QApplication.quit()


def run_gui(
    location: StoreLocation, screenshot: Path | None = None, first_frame: FirstFrame | None = None
) -> int:
    """Start the app on ``location``; with ``screenshot``, save the window as PNG and quit.

    ``first_frame`` (painted before the app loaded) gives its place to the window once built.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("CoachDesk")
    app.setDesktopFileName("coachdesk")
    install_qt_translations(app)
    apply_theme(app)
    quick_check = QuickCheck.AFTER_PAINT
    try:
        opener = None if location.demo else ask_own_opener(location)
        if opener is None and not location.demo and screenshot is None and opens_cleanly(location):
            quick_check = QuickCheck.ALREADY_DONE
            opener = _offer_encryption(location)  # not unattended, and not over a damaged store
    except UserFacingError as error:
        show_problem(None, error)
        return 1
    try:
        controller: AppController | None = AppController(location, opener, quick_check=quick_check)
    except QuarantinedStoreError as error:
        controller = recover(location, opener, error)
    except UserFacingError as error:
        show_problem(None, error)
        return 1
    if controller is None:
        return 1
    _install_excepthook(controller)
    # Where the first frame was painted (as the coach left the window), else as saved.
    saved = bytes(first_frame.saveGeometry().data()) if first_frame is not None else None
    place_window(controller.window, saved or load_window_state(location.data_dir))
    controller.window.show()
    if first_frame is not None:
        first_frame.close()
    if screenshot is not None:
        QTimer.singleShot(
            SCREENSHOT_DELAY_MS, lambda: _save_screenshot(controller.window, screenshot)
        )
    try:
        return app.exec()
    finally:
        controller.close()
