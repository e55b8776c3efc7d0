"""De opslag gaat niet open: say what happened and offer the ways back, calmly.

Shown at start when the store was put in quarantine. The coach chooses: set a foreign log
file aside, restore the newest checked backup, look at what is still readable (read-only),
or close and call school IT.
"""

from __future__ import annotations

import enum

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from coachdesk.errors import QuarantinedStoreError
from coachdesk.i18n import _
from coachdesk.ui.widgets import hint, screen_title


class Recovery(enum.Enum):
    """What the coach chose to do about a store that did not open."""

    CLOSE = "close"
    SET_ASIDE_WAL = "set-aside-wal"
    RESTORE_BACKUP = "restore-backup"
    READ_ONLY = "read-only"


class StoreTroubleDialog(QDialog):
    """Explains why the store did not open; each button is one way back."""

    def __init__(self, error: QuarantinedStoreError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("CoachDesk")
        self.setFixedWidth(640)  # a known width lets the wrapped message take the height it needs
        self.choice = Recovery.CLOSE
        title = (
            _("A log file beside your data does not belong to it")
            if error.foreign_wal
            else _("Your data could not be opened")
        )
        layout = QVBoxLayout(self)
        heading = screen_title(title, self)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(hint(error.message, self))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = self._button(_("Close"), Recovery.CLOSE, buttons)
        self.read_only_button = self._button(_("View read-only"), Recovery.READ_ONLY, buttons)
        self.read_only_button.setVisible(not error.foreign_wal)
        self.restore_button = self._button(
            _("Restore the backup"), Recovery.RESTORE_BACKUP, buttons
        )
        self.restore_button.setVisible(error.backup is not None)
        self.set_aside_button = self._button(
            _("Open without that log file"), Recovery.SET_ASIDE_WAL, buttons
        )
        self.set_aside_button.setVisible(error.foreign_wal)
        primary = self.set_aside_button if error.foreign_wal else self.restore_button
        (primary if primary.isVisibleTo(self) else self.close_button).setDefault(True)
        layout.addLayout(buttons)
        self.adjustSize()

    def _button(self, text: str, choice: Recovery, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda: self._choose(choice))
        row.addWidget(button)
        return button

    def _choose(self, choice: Recovery) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(cls, error: QuarantinedStoreError) -> Recovery:
        """Return what the coach chose (closing the window counts as Close)."""
        dialog = cls(error)
        dialog.exec()
        return dialog.choice
