"""Gegevens bewerken: a student's details and the people around them."""

from __future__ import annotations

import dataclasses
from typing import Any, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.domain.people import CONTACTS, Person
from coachdesk.domain.students import LEVELS, Contact, Pathway, Student
from coachdesk.i18n import _
from coachdesk.ui.widgets import ChoiceCombo, OptionalDateEdit, dialog_buttons

_CONTACT_COLUMNS = ("name", "company", "email", "phone")
CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole
"""Stored on a contact row's name cell: which existing contact the row edits."""


def _choice(items: list[tuple[str, object]], current: object) -> ChoiceCombo:
    combo = ChoiceCombo([("—", None), *items])
    combo.select_value(current)
    return combo


class StudentDialog(QDialog):
    """Edits a student; a change of programme or level asks for a reason (it becomes a switch)."""

    def __init__(
        self, student: Student, contacts: list[Contact], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Edit details"))  # no names in window titles: they leak
        self.setMinimumWidth(720)
        self._student = student
        self._contacts = {contact.id: contact for contact in contacts}
        self.number_edit = QLineEdit(student.student_number, self)
        self.given_edit = QLineEdit(student.given_name, self)
        self.prefix_edit = QLineEdit(student.name_prefix, self)
        self.family_edit = QLineEdit(student.family_name, self)
        self.birth_edit = OptionalDateEdit(_("known"), student.date_of_birth, self)
        self.group_edit = QLineEdit(student.group, self)
        self.programme_edit = QLineEdit(student.programme, self)
        self.level_combo = _choice([(str(n), n) for n in LEVELS], student.level)
        self.pathway_combo = _choice([(p.label, p) for p in Pathway], student.pathway)
        self.year_combo = _choice([(str(n), n) for n in range(1, 7)], student.year_of_study)
        self.email_edit = QLineEdit(student.email, self)
        self.switch_edit = QLineEdit(self)
        self.switch_edit.setPlaceholderText(_("only when the programme or level changes"))
        self.contacts_box = self._build_contacts_box(contacts)
        self.problem_label = QLabel(self)
        self.problem_label.setProperty("state", "problem")
        self.buttons = dialog_buttons(self, on_accept=self._accept_if_valid)

        form = QFormLayout()
        form.addRow(_("Student number"), self.number_edit)
        form.addRow(_("Given name"), self.given_edit)
        form.addRow(_("Name prefix"), self.prefix_edit)
        form.addRow(_("Family name"), self.family_edit)
        form.addRow(_("Date of birth"), self.birth_edit)
        form.addRow(_("Class"), self.group_edit)
        form.addRow(_("Programme"), self.programme_edit)
        form.addRow(_("Level"), self.level_combo)
        form.addRow(_("Pathway"), self.pathway_combo)
        form.addRow(_("Year"), self.year_combo)
        form.addRow(_("E-mail"), self.email_edit)
        form.addRow(_("Reason for switch"), self.switch_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.contacts_box)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

    def _build_contacts_box(self, contacts: list[Contact]) -> QWidget:
        box = QWidget(self)
        self.contacts_table = QTableWidget(0, 5, box)
        self.contacts_table.setHorizontalHeaderLabels(
            [_("Role"), _("Name"), _("Company"), _("E-mail"), _("Phone")]
        )
        header = self.contacts_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.contacts_table.setMinimumHeight(150)
        self.contacts_table.setAccessibleName(_("Contacts: parents, workplace trainer"))
        self.contacts_table.verticalHeader().setVisible(False)
        for contact in contacts:
            self._add_contact_row(contact)
        add_button = QPushButton(_("Add contact"), box)
        add_button.clicked.connect(lambda: self._add_contact_row(None))
        remove_button = QPushButton(_("Remove contact"), box)
        remove_button.clicked.connect(self._remove_contact_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add_button)
        buttons.addWidget(remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Contacts: parents, workplace trainer"), box))
        layout.addWidget(self.contacts_table)
        layout.addLayout(buttons)
        return box

    def _add_contact_row(self, contact: Contact | None) -> None:
        row = self.contacts_table.rowCount()
        self.contacts_table.insertRow(row)
        role = ChoiceCombo(((item.contact_label, item) for item in CONTACTS), self.contacts_table)
        role.setAccessibleName(_("Role"))
        role.select_value(contact.role if contact else Person.PARENTS)
        self.contacts_table.setCellWidget(row, 0, role)
        for column, name in enumerate(_CONTACT_COLUMNS, start=1):
            item = QTableWidgetItem(getattr(contact, name) if contact else "")
            if column == 1 and contact is not None:
                item.setData(CONTACT_ID_ROLE, contact.id)
            self.contacts_table.setItem(row, column, item)

    def _remove_contact_row(self) -> None:
        row = self.contacts_table.currentRow()
        if row >= 0:
            self.contacts_table.removeRow(row)

    def contacts(self) -> list[Contact]:
        """Return the contacts as edited; rows without a name are left out."""
        result = []
        for row in range(self.contacts_table.rowCount()):
            values: dict[str, Any] = {
                name: (self.contacts_table.item(row, column) or QTableWidgetItem()).text().strip()
                for column, name in enumerate(_CONTACT_COLUMNS, start=1)
            }
            if not values["name"]:
                continue
            role = cast(ChoiceCombo, self.contacts_table.cellWidget(row, 0)).current_value()
            id_item = cast(QTableWidgetItem, self.contacts_table.item(row, 1))  # always set
            known = self._contacts.get(id_item.data(CONTACT_ID_ROLE))
            if known is not None:
                result.append(dataclasses.replace(known, role=role, **values))
            else:
                result.append(Contact(student_id=self._student.id, role=role, **values))
        return result

    def student(self) -> Student:
        """Return the student as edited (raises ``ValueError`` on a missing number or name)."""
        return dataclasses.replace(
            self._student,
            student_number=self.number_edit.text().strip(),
            given_name=self.given_edit.text().strip(),
            name_prefix=self.prefix_edit.text().strip(),
            family_name=self.family_edit.text().strip(),
            date_of_birth=self.birth_edit.value(),
            group=self.group_edit.text().strip(),
            programme=self.programme_edit.text().strip(),
            level=self.level_combo.current_value(),
            pathway=self.pathway_combo.current_value(),
            year_of_study=self.year_combo.current_value(),
            email=self.email_edit.text().strip(),
        )

    def _accept_if_valid(self) -> None:
        try:
            self.student()
        except ValueError:
            self.problem_label.setText(_("A student needs a student number and a name."))
            return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, student: Student, contacts: list[Contact]
    ) -> tuple[Student, list[Contact], str] | None:
        """Return the edited student, contacts and switch reason, or ``None`` when cancelled."""
        dialog = cls(student, contacts, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.student(), dialog.contacts(), dialog.switch_edit.text().strip()
