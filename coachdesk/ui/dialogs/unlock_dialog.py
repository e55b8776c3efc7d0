"""Ontgrendelen: the passphrase (or the school's recovery key) that opens an encrypted store."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from coachdesk.i18n import _
from coachdesk.services.encryption import StoreOpener
from coachdesk.ui.dialogs.change_passphrase_dialog import ChangePassphrase, ChangePassphraseDialog
from coachdesk.ui.passphrase_form import PassphraseForm, Unlock
from coachdesk.ui.widgets import dialog_buttons, hint


class UnlockDialog(QDialog):
    """Asks for the passphrase; a wrong one is said plainly, and nothing on disk changes."""

    def __init__(
        self,
        unlock: Unlock,
        change: ChangePassphrase | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._change = change
        self.setWindowTitle("CoachDesk")
        self.setMinimumWidth(480)
        self.opener: StoreOpener | None = None
        self.form = PassphraseForm(unlock, self)
        buttons = dialog_buttons(self, on_accept=self._try)
        open_button = buttons.button(buttons.StandardButton.Save)
        open_button.setText(_("Open"))
        open_button.setIcon(QIcon())  # not a floppy disk: nothing is saved here
        layout = QVBoxLayout(self)
        layout.addWidget(hint(_("Your data is encrypted. Give your passphrase to open it."), self))
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def _try(self) -> None:
        self.opener = self.form.try_unlock()
        if self.opener is None:
            return
        if self.form.recovery_key_used and self._change is not None:
            ChangePassphraseDialog.ask(self._change, self.form.recovery_key_used, self)
        self.accept()

    @classmethod
    def ask(cls, unlock: Unlock, change: ChangePassphrase | None = None) -> StoreOpener | None:
        """Return how to open the store, or ``None`` when the coach cancels.

        Opened with the recovery key, the coach is asked (through ``change``) for a new passphrase.
        """
        dialog = cls(unlock, change)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.opener
