"""Noticing that nobody has touched the laptop for a while, so the window can lock itself."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

CHECK_EVERY_MS = 5_000
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


LOCK_KEY = Qt.Key.Key_L
LOCK_MODIFIERS = Qt.KeyboardModifier.ControlModifier


class IdleWatcher(QObject):
    """Watches keyboard, mouse and touch in every window of the app.

    ``clock`` is a monotonic clock in seconds (a fake one in tests); ``timeout`` says how many
    seconds of quiet are allowed right now, so it can be longer during a calm conversation.

    Ctrl+L is caught here too, in any window: a shortcut would not fire while a dialog is open.

    Signals:
        idle(): nobody did anything for longer than the timeout.
        lock_key_pressed(): the coach pressed Ctrl+L to lock now.
    """

    idle = Signal()
    lock_key_pressed = Signal()

    def __init__(
        self,
        timeout: Callable[[], float],
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self._timeout = timeout
        self.last_activity = clock()
        self.paused = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer = QTimer(self, interval=CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()  # asked once: it sees every event of every frame
        if kind in _ACTIVITY:
            self.touch()
        if (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == LOCK_KEY
            and event.modifiers() == LOCK_MODIFIERS
        ):
            self.lock_key_pressed.emit()
            return True
        return False

    def touch(self) -> None:
        """Count this moment as activity."""
        self.last_activity = self.clock()

    def check(self) -> None:
        """Emit ``idle`` once the quiet lasted longer than the timeout."""
        if self.paused:
            return
        if self.clock() - self.last_activity >= self._timeout():
            self.idle.emit()
