"""Ontgrendelen: the passphrase (or the school's recovery key) that opens an encrypted store."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from coachdesk.errors import UserFacingError
from coachdesk.i18n import _
from coachdesk.services.encryption import StoreOpener
from coachdesk.ui.widgets import dialog_buttons, hint


class UnlockDialog(QDialog):
    """Asks for the passphrase; a wrong one is said plainly, and nothing on disk changes."""

    def __init__(self, unlock: Callable[..., StoreOpener], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("CoachDesk")
        self.setMinimumWidth(480)
        self._unlock = unlock
        self.opener: StoreOpener | None = None
        self.secret_edit = QLineEdit(self)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setAccessibleName(_("Passphrase"))
        self.recovery_check = QCheckBox(_("Use the recovery key instead"), self)
        self.problem_label = QLabel(self)
        self.problem_label.setStyleSheet("color: #a32d1f;")
        self.problem_label.setWordWrap(True)
        buttons = dialog_buttons(self, on_accept=self._try)
        buttons.button(buttons.StandardButton.Save).setText(_("Open"))
        form = QFormLayout(self)
        form.addRow(hint(_("Your data is encrypted. Give your passphrase to open it."), self))
        form.addRow(_("Passphrase"), self.secret_edit)
        form.addRow(self.recovery_check)
        form.addRow(self.problem_label)
        form.addRow(buttons)

    def _try(self) -> None:
        secret = self.secret_edit.text()
        try:
            if self.recovery_check.isChecked():
                self.opener = self._unlock(recovery_key=secret)
            else:
                self.opener = self._unlock(passphrase=secret)
        except UserFacingError as error:
            self.problem_label.setText(error.message)
            self.adjustSize()
            self.secret_edit.selectAll()
            return
        self.accept()

    @classmethod
    def ask(cls, unlock: Callable[..., StoreOpener]) -> StoreOpener | None:
        """Return how to open the store, or ``None`` when the coach cancels."""
        dialog = cls(unlock)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.opener
