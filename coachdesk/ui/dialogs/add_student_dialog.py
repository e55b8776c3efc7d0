"""Student toevoegen: one student typed in by hand, without a class-list file."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coachdesk.domain.students import LEVELS, Pathway, Student
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.services.student_entry import StudentEntryError
from coachdesk.services.student_import import ImportField
from coachdesk.ui.widgets import ChoiceCombo, dialog_buttons, hint

AddStudent = Callable[[Mapping[ImportField, str]], Student]
"""Checks what was typed and adds the student; raises ``ValidationError`` saying what is wrong."""


def _line(known: list[str], parent: QWidget) -> QLineEdit:
    """A line edit that offers the values already in the caseload (classes, programmes)."""
    edit = QLineEdit(parent)
    if known:
        completer = QCompleter(known, edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        edit.setCompleter(completer)
    return edit


_TYPED_FIELDS = (
    ImportField.STUDENT_NUMBER,
    ImportField.GIVEN_NAME,
    ImportField.NAME_PREFIX,
    ImportField.FAMILY_NAME,
    ImportField.DATE_OF_BIRTH,
)
"""Typed in freely; class and programme offer what the caseload already has."""


class AddStudentDialog(QDialog):
    """The class-list fields for one student; Save keeps the dialog open until all is sound."""

    def __init__(
        self,
        add: AddStudent,
        groups: list[str],
        programmes: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add a student"))  # no names in window titles: they leak
        self._add = add
        self.added: Student | None = None
        self.edits: dict[ImportField, QLineEdit] = {
            target: QLineEdit(self) for target in _TYPED_FIELDS
        }
        self.edits[ImportField.NAME_PREFIX].setPlaceholderText(_("e.g. van, de, van der"))
        self.edits[ImportField.DATE_OF_BIRTH].setPlaceholderText(_("dd-mm-yyyy"))
        self.edits[ImportField.GROUP] = _line(groups, self)
        self.edits[ImportField.PROGRAMME] = _line(programmes, self)
        self.pathway_combo = ChoiceCombo(
            [("—", ""), *((pathway.label, pathway.value) for pathway in Pathway)], self
        )
        self.level_combo = ChoiceCombo([("—", ""), *((str(n), str(n)) for n in LEVELS)], self)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setProperty("state", "problem")
        self.problem_label.hide()
        self.buttons = dialog_buttons(self, on_accept=self._save)
        for edit in self.edits.values():  # once the coach corrects, the old message goes
            edit.textEdited.connect(self.problem_label.hide)

        form = QFormLayout()
        for target in (*_TYPED_FIELDS, ImportField.GROUP, ImportField.PROGRAMME):
            form.addRow(target.label, self.edits[target])
        form.addRow(ImportField.PATHWAY.label, self.pathway_combo)
        form.addRow(ImportField.LEVEL.label, self.level_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                _(
                    "Student number and name are needed; the rest can follow later under "
                    "Edit details. A whole class at once: Import class list…"
                ),
                self,
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("m") * 45)
        self.edits[ImportField.STUDENT_NUMBER].setFocus()

    def texts(self) -> dict[ImportField, str]:
        """Return what was typed and chosen, field by field, as a class list would hold it."""
        texts = {target: edit.text() for target, edit in self.edits.items()}
        texts[ImportField.PATHWAY] = self.pathway_combo.current_value()
        texts[ImportField.LEVEL] = self.level_combo.current_value()
        return texts

    def _save(self) -> None:
        """Add the student; on a problem say it and go to the field, keeping what was typed."""
        try:
            self.added = self._add(self.texts())
        except StudentEntryError as error:
            self._say(error.message)
            first = next(iter(error.problems))
            field = self.edits.get(first)
            if field is not None:
                field.setFocus()
                field.selectAll()
            return
        except ValidationError as error:
            self._say(error.message)
            return
        self.accept()

    def _say(self, message: str) -> None:
        self.problem_label.setText(message)
        self.problem_label.show()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        add: AddStudent,
        groups: list[str],
        programmes: list[str],
    ) -> Student | None:
        """Return the student added, or ``None`` when the coach cancelled."""
        dialog = cls(add, groups, programmes, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.added
