"""Instellingen: what the coach types is kept, also when one field cannot be used."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from coachdesk.domain.school_year import Cadence
from coachdesk.ui.dialogs.settings_dialog import CoachSettings, SettingsDialog
from tests.helpers import answer_next_dialog


def test_a_pasted_signature_becomes_one_line_and_a_letter_keeps_the_dialog_open(qtbot) -> None:
    dialog = SettingsDialog(CoachSettings("Mirjam", "", "ROC", None, Cadence(), "nl", 5, 2))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.school_edit.setText("ROC Demostad")
    dialog.contact_edit.insert("x" * 60 + "\n" + "y" * 58)  # pasted: fits the field, not a line
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    said: list[str] = []
    answer_next_dialog(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    save.click()
    qtbot.waitUntil(lambda: bool(said))
    assert said == ["Houd je contactgegevens op één regel van hoogstens 120 tekens."]
    assert dialog.isVisible()  # still open, with everything typed
    assert dialog.school_edit.text() == "ROC Demostad"

    dialog.contact_edit.setText("m.dehaan@roc.nl, bereikbaar op maandag, dinsdag en donderdag " * 3)
    answer_next_dialog(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    save.click()  # found walking: one long line was cut at 120 characters without a word
    qtbot.waitUntil(lambda: len(said) == 2)
    assert dialog.isVisible() and len(dialog.contact_edit.text()) > 120  # nothing cut off

    dialog.contact_edit.setText("")
    dialog.contact_edit.insert("m.dehaan@roc.nl\n06-12345678")
    save.click()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert dialog.values().coach_contact == "m.dehaan@roc.nl · 06-12345678"
