"""Overdracht: passphrase, what goes along, and the student's consent, before a dossier."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QLabel, QWidget

from coachdesk.i18n import _, ngettext
from coachdesk.ui.new_passphrase_fields import NewPassphraseFields
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
        self.fields = NewPassphraseFields(self)
        self.fields.changed.connect(self._update)
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
        form.addRow(self.fields)
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
        problem = self.fields.problem()
        if not problem and not self.consent_check.isChecked():
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
            dialog.fields.passphrase(),
            dialog.private_check.isChecked(),
            dialog.consent_check.isChecked(),
        )
