"""Instellingen: the coach's name, the school on every report, and the conversation cadence."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from coachdesk.domain.school_year import Cadence
from coachdesk.errors import UserFacingError
from coachdesk.i18n import _
from coachdesk.services.settings import (
    LOCK_MINUTES_RANGE,
    RETENTION_YEARS_RANGE,
    contact_line,
)
from coachdesk.ui.dialogs.change_passphrase_dialog import ChangePassphrase, ChangePassphraseDialog
from coachdesk.ui.file_choice import open_path
from coachdesk.ui.messages import show_problem
from coachdesk.ui.widgets import ChoiceCombo, dialog_buttons, hint


@dataclass(frozen=True)
class CoachSettings:
    """The values the dialog edits."""

    coach_name: str
    coach_contact: str
    school_name: str
    logo: Path | None
    cadence: Cadence
    language: str
    lock_minutes: int
    retention_years: int


class SettingsDialog(QDialog):
    """One calm form for the few things a coach sets once."""

    def __init__(
        self,
        current: CoachSettings,
        change_passphrase: ChangePassphrase | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))
        self.setMinimumWidth(680)  # "Bereikbaar via" shows an e-mail address and a phone number
        self._logo = current.logo
        self.coach_edit = QLineEdit(current.coach_name, self)
        self.contact_edit = QLineEdit(current.coach_contact, self)
        self.contact_edit.setCursorPosition(0)  # the start of a long line in view
        self.contact_edit.setPlaceholderText(_("e-mail and/or phone"))
        self.contact_edit.setToolTip(
            _("Printed in the versions for the parents and the workplace trainer.")
        )
        self.school_edit = QLineEdit(current.school_name, self)
        self.logo_label = QLabel(self)
        choose = QPushButton(_("Choose logo…"), self)
        choose.clicked.connect(self._choose_logo)
        clear = QPushButton(_("No logo"), self)
        clear.clicked.connect(lambda: self._set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(choose)
        logo_row.addWidget(clear)
        self.weeks_spin = QSpinBox(self)
        self.weeks_spin.setRange(1, 52)
        self.weeks_spin.setValue(current.cadence.max_weeks_between)
        self.weeks_spin.setSuffix(_(" weeks"))
        self.per_year_spin = QSpinBox(self)
        self.per_year_spin.setRange(1, 12)
        self.per_year_spin.setValue(current.cadence.per_school_year)
        self.lock_spin = QSpinBox(self)
        self.lock_spin.setRange(*LOCK_MINUTES_RANGE)
        self.lock_spin.setValue(current.lock_minutes)
        self.lock_spin.setSuffix(_(" minutes without use"))
        self.retention_spin = QSpinBox(self)
        self.retention_spin.setRange(*RETENTION_YEARS_RANGE)
        self.retention_spin.setValue(current.retention_years)
        self.retention_spin.setSuffix(_(" years after leaving"))
        self.language_combo = ChoiceCombo([("Nederlands", "nl"), ("English", "en")], self)
        self.language_combo.select_value(current.language)
        form = QFormLayout(self)
        form.addRow(_("Language"), self.language_combo)
        form.addRow(_("Your name"), self.coach_edit)
        form.addRow(_("How to reach you"), self.contact_edit)
        form.addRow(_("School"), self.school_edit)
        form.addRow(_("Logo on reports"), logo_row)
        form.addRow(
            hint(
                _(
                    "A student is due a conversation when either rule says so; the "
                    "earlier date counts."
                ),
                self,
            )
        )
        form.addRow(_("At most between two conversations"), self.weeks_spin)
        form.addRow(_("At least per school year"), self.per_year_spin)
        form.addRow(_("Lock the screen after"), self.lock_spin)
        form.addRow(_("Erase archived students"), self.retention_spin)
        self.passphrase_button = QPushButton(_("Change passphrase…"), self)
        self.passphrase_button.setVisible(change_passphrase is not None)
        if change_passphrase is not None:
            self.passphrase_button.clicked.connect(
                lambda: ChangePassphraseDialog.ask(change_passphrase, parent=self)
            )
            form.addRow(_("Passphrase"), self.passphrase_button)
        form.addRow(dialog_buttons(self))
        self._set_logo(current.logo)

    def _set_logo(self, path: Path | None) -> None:
        self._logo = path
        self.logo_label.setText(path.name if path else _("none"))

    def _choose_logo(self) -> None:
        logo = open_path(self, _("Choose logo"), _("Images (*.png *.jpg *.jpeg)"))
        if logo is not None:
            self._set_logo(logo)

    def values(self) -> CoachSettings:
        """Return the settings as filled in."""
        return CoachSettings(
            coach_name=self.coach_edit.text().strip(),
            coach_contact=contact_line(self.contact_edit.text()),
            school_name=self.school_edit.text().strip(),
            logo=self._logo,
            cadence=Cadence(self.weeks_spin.value(), self.per_year_spin.value()),
            language=self.language_combo.current_value(),
            lock_minutes=self.lock_spin.value(),
            retention_years=self.retention_spin.value(),
        )

    def accept(self) -> None:
        """Keep the dialog open with everything typed when the contact line cannot be used."""
        try:
            contact_line(self.contact_edit.text())
        except UserFacingError as error:
            show_problem(self, error)
            self.contact_edit.setFocus()
            return
        super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        current: CoachSettings,
        change_passphrase: ChangePassphrase | None = None,
    ) -> CoachSettings | None:
        """Return the new settings, or ``None`` when cancelled (a passphrase change stays)."""
        dialog = cls(current, change_passphrase, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.values()
