"""Vergrendeld: a neutral screen with no student data, until the coach unlocks it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from coachdesk.i18n import _
from coachdesk.ui.passphrase_form import PassphraseForm, Unlock
from coachdesk.ui.widgets import hint, screen_title


class LockScreen(QWidget):
    """Shows only that CoachDesk is locked; unlocking needs the passphrase of an encrypted store.

    Signals:
        unlocked(): the right passphrase was given (or, for an unencrypted store, the button).
    """

    unlocked = Signal()

    def __init__(
        self, unlock: Unlock | None, parent: QWidget | None = None, *, demo: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        title = screen_title(_("CoachDesk is locked"), self)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form = PassphraseForm(unlock, self) if unlock is not None else None
        if unlock is not None:
            explanation = _("Give your passphrase to carry on where you were.")
        elif demo:  # fictional students only: nothing to protect, nothing to set up
            explanation = _("The demo holds only fictional students; locking hides the screen.")
        else:  # a store from before encryption: the next start offers to encrypt it
            explanation = _(
                "Your data is not encrypted yet, so locking only hides the screen. "
                "At the next start CoachDesk offers to encrypt it."
            )
        self.unlock_button = QPushButton(_("Unlock"), self)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._try)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addSpacing(12)
        column.addWidget(hint(explanation, self))
        if self.form is not None:
            column.addWidget(self.form)
            self.form.secret_edit.returnPressed.connect(self._try)
        column.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        box = QWidget(self)
        box.setFixedWidth(520)
        box.setLayout(column)
        outer = QGridLayout(self)  # a grid keeps the wrapped lines' height (no clipping)
        outer.addWidget(box, 1, 1)
        outer.setRowStretch(0, 1)
        outer.setRowStretch(2, 2)
        outer.setColumnStretch(0, 1)
        outer.setColumnStretch(2, 1)

    def prepare(self) -> None:
        """Put the keyboard focus where the coach starts typing."""
        if self.form is not None:
            self.form.secret_edit.setFocus()
        else:
            self.unlock_button.setFocus()

    def _try(self) -> None:
        if self.form is None or self.form.try_unlock() is not None:
            self.unlocked.emit()


class LockWindow(LockScreen):
    """The lock screen as a window of its own, above a dialog that stays open while locked.

    An open dialog blocks input to the main window, so the passphrase is asked here. The
    window cannot be closed: only unlocking takes it away.
    """

    def __init__(self, unlock: Unlock | None, *, demo: bool = False) -> None:
        super().__init__(unlock, demo=demo)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle("CoachDesk")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        event.ignore()
