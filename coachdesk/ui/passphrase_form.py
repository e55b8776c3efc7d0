"""The passphrase (or recovery key) field shared by the start-up unlock and the lock screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget

from coachdesk.errors import UserFacingError
from coachdesk.i18n import _
from coachdesk.services.encryption import StoreOpener
from coachdesk.ui.busy_note import saying_while_busy

Unlock = Callable[..., StoreOpener]
"""``unlock(passphrase=…)`` or ``unlock(recovery_key=…)``; raises ``WrongPassphraseError``."""


class PassphraseForm(QWidget):
    """A masked field, a recovery-key switch and a plain message when the secret is wrong."""

    def __init__(self, unlock: Unlock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._unlock = unlock
        self.recovery_key_used: str | None = None
        """The recovery key that last opened the store: the passphrase was forgotten."""
        self.secret_edit = QLineEdit(self)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setAccessibleName(_("Passphrase"))
        self.recovery_check = QCheckBox(_("Use the recovery key instead"), self)
        self.problem_label = QLabel(self)
        self.problem_label.setProperty("state", "problem")
        self.problem_label.setWordWrap(True)
        # Room for two lines from the start: the form does not jump when a message appears.
        self.problem_label.setMinimumHeight(2 * self.problem_label.fontMetrics().lineSpacing() + 4)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(_("Passphrase"), self.secret_edit)
        form.addRow(self.recovery_check)
        form.addRow(self.problem_label)

    def try_unlock(self) -> StoreOpener | None:
        """Return how to open the store, or say why not (and keep the field ready to retype)."""
        secret = self.secret_edit.text()
        try:
            with saying_while_busy(self.problem_label, _("Unlocking…")):
                if self.recovery_check.isChecked():
                    opener = self._unlock(recovery_key=secret)
                else:
                    opener = self._unlock(passphrase=secret)
        except UserFacingError as error:
            self.problem_label.setText(error.message)
            self.secret_edit.selectAll()
            self.secret_edit.setFocus()
            return None
        self.recovery_key_used = secret if self.recovery_check.isChecked() else None
        self.secret_edit.clear()
        self.problem_label.clear()
        return opener
