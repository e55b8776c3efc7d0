"""Ervaring toevoegen: record what the student did, quickly."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from coachdesk.domain.competences import Competence
from coachdesk.domain.experiences import Experience, ExperienceKind
from coachdesk.domain.reflections import Reflection
from coachdesk.i18n import _
from coachdesk.ui.widgets import ChoiceCombo, OptionalDateEdit, date_edit, date_of, dialog_buttons


class ExperienceDialog(QDialog):
    """Kind, dates, company or place, what the student did, competences, a reflection."""

    def __init__(
        self, student_id: str, reflections: list[Reflection], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add experience"))
        self.setMinimumWidth(660)
        self._student_id = student_id
        self.kind_combo = ChoiceCombo(((kind.label, kind) for kind in ExperienceKind), self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(_("e.g. Internship at Bakkerij Van Dam"))
        self.start_edit = date_edit(parent=self)
        self.end_edit = OptionalDateEdit(_("until"), None, self)
        self.organisation_edit = QLineEdit(self)
        self.place_edit = QLineEdit(self)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setPlaceholderText(_("What did the student do? In their words."))
        self.description_edit.setFixedHeight(90)
        self.competence_checks = {c: QCheckBox(c.label, self) for c in Competence}
        competences = QWidget(self)
        grid = QGridLayout(competences)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, check in enumerate(self.competence_checks.values()):
            grid.addWidget(check, index // 3, index % 3)
        self.reflection_combo = ChoiceCombo([(_("No reflection"), None)], self)
        for reflection in reflections:
            if reflection.experience_id is None:
                self.reflection_combo.add_choice(reflection.title, reflection.id)
        self.buttons = dialog_buttons(self, on_accept=self._accept_if_complete)
        self.title_edit.textChanged.connect(self._update_save)
        form = QFormLayout(self)
        form.addRow(_("Kind"), self.kind_combo)
        form.addRow(_("Title"), self.title_edit)
        form.addRow(_("From"), self.start_edit)
        form.addRow("", self.end_edit)
        form.addRow(_("Company or school"), self.organisation_edit)
        form.addRow(_("Place"), self.place_edit)
        form.addRow(_("What the student did"), self.description_edit)
        form.addRow(_("Competences"), competences)
        form.addRow(_("Reflection"), self.reflection_combo)
        form.addRow(self.buttons)
        self._update_save()

    def _update_save(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(self.title_edit.text().strip()))

    def _accept_if_complete(self) -> None:
        end = self.end_edit.value()
        if end is not None and end < date_of(self.start_edit):
            self.end_edit.edit.setFocus()
            return
        self.accept()

    def experience(self) -> Experience:
        """Return the experience as filled in."""
        return Experience(
            student_id=self._student_id,
            kind=self.kind_combo.current_value(),
            title=self.title_edit.text().strip(),
            start_date=date_of(self.start_edit),
            end_date=self.end_edit.value(),
            organisation=self.organisation_edit.text().strip(),
            place=self.place_edit.text().strip(),
            description=self.description_edit.toPlainText().strip(),
            competences=[c for c, check in self.competence_checks.items() if check.isChecked()],
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, student_id: str, reflections: list[Reflection]
    ) -> tuple[Experience, str | None] | None:
        """Show the dialog; return the experience and the reflection to link, or ``None``."""
        dialog = cls(student_id, reflections, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.experience(), dialog.reflection_combo.current_value()
