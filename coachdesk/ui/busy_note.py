"""Saying on screen that slow, deliberate work is under way, before the UI thread does it.

Deriving a key from a passphrase takes about a second on a school laptop, by design: it makes
guessing slow. Without a word the dialog looked frozen (found walking: four seconds after
choosing a passphrase, one after typing it).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from coachdesk.ui.widgets import set_state


@contextlib.contextmanager
def saying_while_busy(label: QLabel, message: str) -> Iterator[None]:
    """Show ``message`` in ``label``, painted before the work starts and in the plain text colour
    (the label may be one for problems), with the wait cursor; cleared afterwards."""
    state = label.property("state")
    set_state(label, "")
    label.setText(message)
    label.repaint()  # now: the event loop does not run until the work is done
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
        if label.text() == message:
            label.clear()
        set_state(label, state)
