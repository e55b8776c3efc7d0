"""Archiveren: a student left; record the leave date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from coachdesk.i18n import _
from coachdesk.ui.widgets import date_edit, date_of, dialog_buttons


class ArchiveDialog(QDialog):
    """Asks for the leave date before a student leaves the active caseload."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Archive student"))
        explanation = QLabel(
            _("{name} leaves your active caseload. The file stays and can be brought back.").format(
                name=name
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.leave_edit = date_edit(parent=self)
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok)
        form = QFormLayout(self)
        form.addRow(explanation)
        form.addRow(_("Leave date"), self.leave_edit)
        form.addRow(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> dt.date | None:
        """Return the chosen leave date, or ``None`` when cancelled."""
        dialog = cls(name, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return date_of(dialog.leave_edit)
