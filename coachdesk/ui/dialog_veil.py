"""Hiding what an open dialog shows while CoachDesk is locked, without closing the dialog.

Hiding a modal dialog itself would end its ``exec()`` and throw a half-filled form away,
so its contents are hidden instead and come back untouched, with the cursor where it was.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from coachdesk.i18n import _


class DialogVeil:
    """Hides one dialog's contents until ``lift()``; the dialog stays open and keeps its input."""

    def __init__(self, dialog: QWidget) -> None:
        self._focus = dialog.focusWidget()
        self._hidden = [
            child
            for child in dialog.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if child.isVisible()
        ]
        for child in self._hidden:
            child.hide()
        self._notice = QLabel(_("CoachDesk is locked"), dialog)
        self._notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._notice.setGeometry(dialog.rect())
        self._notice.show()

    def lift(self) -> None:
        """Show the dialog's contents again, as they were."""
        self._notice.hide()
        self._notice.deleteLater()
        for child in self._hidden:
            child.show()
        if self._focus is not None:
            self._focus.setFocus()
