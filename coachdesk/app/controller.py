"""One open store and its window: opened (or its damaged copy shown), swapped when the coach
switches stores, closed with a session backup; and the ways back from a damaged store."""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from coachdesk.app.passphrase import ask_own_opener
from coachdesk.app.window_assembly import build_window, open_workspace
from coachdesk.errors import DamagedStoreError, QuarantinedStoreError, UserFacingError
from coachdesk.i18n import _
from coachdesk.services.backups import Backups
from coachdesk.services.encryption import StoreOpener
from coachdesk.services.quarantine import explain_unopenable, set_aside_foreign_wal
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.storage.cipher import DB_ERRORS, is_store_damage
from coachdesk.storage.connection import ConnectionFactory
from coachdesk.storage.database import LaterCheck
from coachdesk.storage.integrity import BackgroundQuickCheck
from coachdesk.storage.store_lock import StoreLock
from coachdesk.ui.dialogs.store_trouble_dialog import Recovery, StoreTroubleDialog
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.messages import show_problem
from coachdesk.ui.window_place import show_in_place

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
        show_in_place(self.window, bytes(old_window.saveGeometry().data()))
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
        show_in_place(self.window, bytes(old_window.saveGeometry().data()))  # maximised stays so
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
