"""Wachtwoordzin wijzigen: a new passphrase, proven by the current one or the recovery key.

Only the key is rewrapped; the store and the recovery key stay as they are. After a start
with the recovery key (passphrase forgotten) the coach is asked here for a new one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from coachdesk.errors import UserFacingError
from coachdesk.i18n import _
from coachdesk.ui.busy_note import saying_while_busy
from coachdesk.ui.new_passphrase_fields import NewPassphraseFields
from coachdesk.ui.widgets import dialog_buttons, hint

ChangePassphrase = Callable[..., None]
"""``change(new, old=…)`` or ``change(new, recovery_key=…)``; raises on a wrong proof."""


class ChangePassphraseDialog(QDialog):
    """The current passphrase (unless the recovery key was just given), then the new one twice."""

    def __init__(
        self,
        change: ChangePassphrase,
        recovery_key: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("CoachDesk")
        self.setMinimumWidth(560)
        self._change = change
        self._recovery_key = recovery_key
        self.current_edit = QLineEdit(self)
        self.current_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.current_edit.setAccessibleName(_("Current passphrase"))
        self.fields = NewPassphraseFields(self)
        self.fields.changed.connect(self._update)
        self.problem_label = QLabel(self)
        self.problem_label.setProperty("state", "problem")
        self.problem_label.setWordWrap(True)
        self.buttons = dialog_buttons(self, on_accept=self._save)
        save = self.buttons.button(self.buttons.StandardButton.Save)
        save.setText(_("Change passphrase"))
        save.setIcon(QIcon())
        form = QFormLayout(self)
        explanation = (
            _("You opened your data with the recovery key. Choose a new passphrase now.")
            if recovery_key
            else _("Your data stays as it is; only the passphrase that opens it changes.")
        )
        form.addRow(hint(explanation, self))
        if recovery_key is None:  # in the fields' own grid, so the three boxes line up
            fields_grid = self.fields.layout()
            assert isinstance(fields_grid, QFormLayout)
            fields_grid.insertRow(0, _("Current passphrase"), self.current_edit)
        else:
            self.current_edit.hide()  # the recovery key just given is the proof
        form.addRow(self.fields)
        form.addRow(hint(_("The recovery key the school keeps stays valid."), self))
        form.addRow(self.problem_label)
        form.addRow(self.buttons)
        self._update()

    def _update(self) -> None:
        self.problem_label.setText("")
        save = self.buttons.button(self.buttons.StandardButton.Save)
        save.setEnabled(not self.fields.problem())

    def _save(self) -> None:
        proof = (
            {"recovery_key": self._recovery_key}
            if self._recovery_key
            else {"old": self.current_edit.text()}
        )
        try:
            with saying_while_busy(self.problem_label, _("Changing the passphrase…")):
                self._change(self.fields.passphrase(), **proof)
        except UserFacingError as error:
            self.problem_label.setText(error.message)
            self.current_edit.selectAll()
            self.current_edit.setFocus()
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        change: ChangePassphrase,
        recovery_key: str | None = None,
        parent: QWidget | None = None,
    ) -> bool:
        """Return whether the passphrase was changed."""
        return cls(change, recovery_key, parent).exec() == QDialog.DialogCode.Accepted
