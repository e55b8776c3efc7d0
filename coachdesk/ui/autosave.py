"""When typed text is saved: soon after a pause, and often during long bursts of typing.

The one autosave rule of the app: reflections, keywords in the calm view and the close of a
conversation all use it, so "a crash loses at most a couple of seconds" holds everywhere.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

AFTER_PAUSE_MS = 700
"""A draft is written this long after the last keystroke (the promise: within one second)."""

WHILE_TYPING_MS = 1800
"""And at least this often during continuous typing (the promise: every two seconds)."""


class AutosavePolicy(QObject):
    """Calls ``save_draft`` after a short pause and regularly during long bursts of typing."""

    def __init__(self, save_draft: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save_draft = save_draft
        self.dirty = False
        self._pause = QTimer(self, singleShot=True, interval=AFTER_PAUSE_MS)
        self._burst = QTimer(self, singleShot=True, interval=WHILE_TYPING_MS)
        self._pause.timeout.connect(self.save_now)
        self._burst.timeout.connect(self.save_now)

    def changed(self) -> None:
        """Note a keystroke: restart the pause clock; the burst clock keeps running."""
        self.dirty = True
        self._pause.start()
        if not self._burst.isActive():
            self._burst.start()

    def save_now(self) -> None:
        """Save the draft if anything changed since the last save."""
        self._pause.stop()
        self._burst.stop()
        if self.dirty:
            self.dirty = False
            self._save_draft()
