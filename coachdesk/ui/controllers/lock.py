"""Locking: after idle minutes or on Ctrl+L every window with student data is hidden, and the
passphrase brings back exactly what was on screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from coachdesk.ui.dialog_veil import DialogVeil
from coachdesk.ui.dialogs.change_passphrase_dialog import ChangePassphraseDialog
from coachdesk.ui.idle_lock import IdleWatcher
from coachdesk.ui.screens.lock_screen import LockScreen, LockWindow

if TYPE_CHECKING:
    from coachdesk.ui.main_window import MainWindow

CALM_MODE_LOCK_FACTOR = 3
"""A conversation has long quiet moments; locking mid-conversation would break it."""


class LockController:
    """Puts the lock screen beside the window's body; locks when idle or on Ctrl+L."""

    def __init__(self, window: MainWindow, central: QWidget) -> None:
        self._window = window
        services = window.services
        self.lock_screen = LockScreen(services.unlock, window, demo=window.store.is_demo)
        self.lock_screen.unlocked.connect(self.unlock)
        self.shell = QStackedWidget(window)
        self.shell.addWidget(central)
        self.shell.addWidget(self.lock_screen)
        window.setCentralWidget(self.shell)
        self._hidden_while_locked: list[QWidget] = []
        self._veils: list[DialogVeil] = []
        self._lock_window: LockWindow | None = None
        self.lock_minutes = services.settings.lock_minutes()
        self.idle = IdleWatcher(self._idle_seconds, window)
        self.idle.idle.connect(self.lock)
        self.idle.lock_key_pressed.connect(self.lock)

    def _idle_seconds(self) -> float:
        """Idle time allowed now: three times as long while a calm conversation is on."""
        in_conversation = self._window.calm_view() is not None
        return self.lock_minutes * 60 * (CALM_MODE_LOCK_FACTOR if in_conversation else 1)

    @property
    def is_locked(self) -> bool:
        """Whether the lock screen is showing."""
        return self.shell.currentWidget() is self.lock_screen

    def lock(self) -> None:
        """Save what is being typed, hide every window with student data, show the lock screen."""
        if self.is_locked:
            return
        window = self._window
        window.save_typing()
        window.services.drafts.flush()
        shown = [w for w in QApplication.topLevelWidgets() if w is not window and w.isVisible()]
        self._hidden_while_locked = [widget for widget in shown if not widget.isModal()]
        for widget in self._hidden_while_locked:
            widget.hide()
        self._veils = [DialogVeil(dialog) for dialog in shown if dialog.isModal()]
        window.statusBar().hide()
        self.shell.setCurrentWidget(self.lock_screen)
        self.idle.paused = True
        window.show()
        if self._veils:  # an open dialog blocks this window: ask for the passphrase above it
            self._lock_window = LockWindow(window.services.unlock, demo=window.store.is_demo)
            self._lock_window.unlocked.connect(self.unlock)
            self._lock_window.resize(self.lock_screen.size())
            self._lock_window.show()
            self._lock_window.prepare()
        else:
            self.lock_screen.prepare()

    def unlock(self) -> None:
        """Bring back exactly what was on screen before the lock."""
        window = self._window
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
        window.statusBar().show()
        calm = window.calm_view()
        for widget in self._hidden_while_locked:
            if widget is calm:
                widget.showFullScreen()
            else:
                widget.show()
        if calm is not None and calm in self._hidden_while_locked:
            window.hide()  # calm mode shows nothing else, as before the lock
            calm.activateWindow()
        self._hidden_while_locked = []
        self.idle.paused = False
        self.idle.touch()
        change = window.services.change_passphrase
        if recovery_key and change is not None:  # the passphrase was forgotten
            ChangePassphraseDialog.ask(change, recovery_key, window)
