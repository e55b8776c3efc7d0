"""Overdracht: passphrase, what goes along, and the student's consent, before a dossier."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from coachdesk.i18n import _, ngettext
from coachdesk.services.dossier import MIN_PASSPHRASE
from coachdesk.ui.widgets import dialog_buttons, hint


@dataclass(frozen=True)
class HandoverChoice:
    """What the coach chose for the dossier."""

    passphrase: str
    include_private: bool
    consent_given: bool


class HandoverDialog(QDialog):
    """Asks twice for the passphrase and for the consent; Save stays off until both are right."""

    def __init__(self, students: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Handover dossier"))
        self.setMinimumWidth(660)
        self.passphrase_edit = QLineEdit(self)
        self.repeat_edit = QLineEdit(self)
        for edit in (self.passphrase_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._update)
        self.private_check = QCheckBox(_("Also include my private notes and referrals"), self)
        self.consent_check = QCheckBox(
            _("The student (below 16: a parent) agrees to this handover"), self
        )
        self.consent_check.toggled.connect(self._update)
        self.problem_label = QLabel(self)
        self.buttons = dialog_buttons(self)
        form = QFormLayout(self)
        form.addRow(
            hint(
                ngettext(
                    "A dossier of {n} student for the next coach or school, "
                    "encrypted with a passphrase.",
                    "A dossier of {n} students for the next coach or school, "
                    "encrypted with a passphrase.",
                    students,
                ).format(n=students),
                self,
            )
        )
        form.addRow(_("Passphrase"), self.passphrase_edit)
        form.addRow(_("Passphrase again"), self.repeat_edit)
        form.addRow(
            hint(
                _("Tell the passphrase to the receiver yourself; never send it with the file."),
                self,
            )
        )
        form.addRow(self.private_check)
        form.addRow(self.consent_check)
        form.addRow(self.problem_label)
        form.addRow(self.buttons)
        self._update()

    def _update(self) -> None:
        passphrase = self.passphrase_edit.text()
        problem = ""
        if len(passphrase) < MIN_PASSPHRASE:
            problem = _("At least {n} characters.").format(n=MIN_PASSPHRASE)
        elif passphrase != self.repeat_edit.text():
            problem = _("The two passphrases differ.")
        elif not self.consent_check.isChecked():
            problem = _("Record the consent first.")
        self.problem_label.setText(problem)
        self.buttons.button(self.buttons.StandardButton.Save).setEnabled(not problem)

    @classmethod
    def ask(cls, parent: QWidget | None, students: int) -> HandoverChoice | None:
        """Return the choices, or ``None`` when cancelled."""
        dialog = cls(students, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return HandoverChoice(
            dialog.passphrase_edit.text(),
            dialog.private_check.isChecked(),
            dialog.consent_check.isChecked(),
        )
