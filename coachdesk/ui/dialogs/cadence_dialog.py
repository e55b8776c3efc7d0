"""Gespreksritme: how often the coach wants to talk with each student."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from coachdesk.domain.school_year import Cadence
from coachdesk.i18n import _
from coachdesk.ui.widgets import dialog_buttons


class CadenceDialog(QDialog):
    """Two numbers: at most N weeks between conversations, at least M per school year."""

    def __init__(self, cadence: Cadence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Conversation cadence"))
        explanation = QLabel(
            _("Students are marked as due when either rule says so; the earlier date counts."), self
        )
        explanation.setWordWrap(True)
        self.weeks_spin = QSpinBox(self)
        self.weeks_spin.setRange(1, 52)
        self.weeks_spin.setValue(cadence.max_weeks_between)
        self.weeks_spin.setSuffix(_(" weeks"))
        self.per_year_spin = QSpinBox(self)
        self.per_year_spin.setRange(1, 12)
        self.per_year_spin.setValue(cadence.per_school_year)
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Save)
        form = QFormLayout(self)
        form.addRow(explanation)
        form.addRow(_("At most between two conversations"), self.weeks_spin)
        form.addRow(_("At least per school year"), self.per_year_spin)
        form.addRow(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, cadence: Cadence) -> Cadence | None:
        """Return the new cadence, or ``None`` when cancelled."""
        dialog = cls(cadence, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return Cadence(dialog.weeks_spin.value(), dialog.per_year_spin.value())
