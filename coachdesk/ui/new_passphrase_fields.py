"""Choosing a passphrase: typed twice, with a strength hint while typing."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from coachdesk.domain.passphrases import Strength, judge
from coachdesk.i18n import _
from coachdesk.ui.widgets import set_state

_STRENGTH_STATES = {
    Strength.TOO_SHORT: "problem",
    Strength.WEAK: "problem",
    Strength.FAIR: "fair",
    Strength.STRONG: "good",
}
"""The theme colours each state (coachdesk/ui/theme.py)."""


class NewPassphraseFields(QWidget):
    """Two masked fields and the hint; ``problem()`` says what still stands in the way.

    Signals:
        changed(): either field changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passphrase_edit = QLineEdit(self)
        self.repeat_edit = QLineEdit(self)
        self.strength_label = QLabel(self)
        self.strength_label.setWordWrap(True)
        # Room for two lines from the start: the fields below do not jump while typing.
        self.strength_label.setMinimumHeight(2 * self.strength_label.fontMetrics().lineSpacing())
        for edit in (self.passphrase_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._changed)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(_("Passphrase"), self.passphrase_edit)
        form.addRow("", self.strength_label)
        form.addRow(_("Passphrase again"), self.repeat_edit)
        self._changed()

    def passphrase(self) -> str:
        """Return the passphrase as typed."""
        return self.passphrase_edit.text()

    def problem(self) -> str:
        """Return why the passphrase cannot be used yet, or ``""``."""
        judgement = judge(self.passphrase())
        if judgement.strength is Strength.TOO_SHORT:
            return judgement.advice
        if self.passphrase() != self.repeat_edit.text():
            return _("The two passphrases differ.")
        return ""

    def _changed(self) -> None:
        judgement = judge(self.passphrase())
        self.strength_label.setText(judgement.advice if self.passphrase() else "")
        set_state(self.strength_label, _STRENGTH_STATES[judgement.strength])
        self.changed.emit()
