"""When typed text is saved: soon after a pause, and often during long bursts of typing.

The one autosave rule of the app: reflections, keywords in the calm view and the close of a
conversation all use it, so "a crash loses at most a couple of seconds" holds everywhere.
The rules are read off a clock (injected in tests, so their timing is exact and never waits);
a short timer only asks the policy to look at that clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

AFTER_PAUSE_S = 0.7
"""A draft is written this long after the last keystroke (the promise: within one second)."""

WHILE_TYPING_S = 1.8
"""And at least this often during continuous typing (the promise: every two seconds)."""

CHECK_EVERY_MS = 100
"""How often the clock is looked at: a save comes at most this much after its moment."""


class AutosavePolicy(QObject):
    """Calls ``save_draft`` after a short pause and regularly during long bursts of typing."""

    def __init__(
        self,
        save_draft: Callable[[], None],
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._save_draft = save_draft
        self.clock = clock
        self.dirty = False
        self._last_keystroke = 0.0
        self._first_unsaved = 0.0
        self._timer = QTimer(self, interval=CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)

    def changed(self) -> None:
        """Note a keystroke: the pause starts again; the burst counts from the first unsaved one."""
        now = self.clock()
        if not self.dirty:
            self._first_unsaved = now
        self.dirty = True
        self._last_keystroke = now
        if not self._timer.isActive():  # restarting it on every keystroke would starve it
            self._timer.start()

    def check(self) -> None:
        """Save when the typing paused long enough, or went on too long without a save."""
        if not self.dirty:  # saved another way (e.g. on closing): nothing left to watch
            self._timer.stop()
            return
        now = self.clock()
        if (
            now - self._last_keystroke >= AFTER_PAUSE_S
            or now - self._first_unsaved >= WHILE_TYPING_S
        ):
            self.save_now()

    def save_now(self) -> None:
        """Save the draft if anything changed since the last save."""
        self._timer.stop()
        if self.dirty:
            self.dirty = False
            self._save_draft()
