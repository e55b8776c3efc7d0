"""Tijdlijn: one student. Shows who the student is; the timeline fills this screen later."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from coachdesk.domain.students import Student
from coachdesk.i18n import _
from coachdesk.i18n.dates import long_date
from coachdesk.ui.widgets import hint, screen_title


class StudentScreen(QWidget):
    """The chosen student's details, or a hint to choose one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = screen_title(_("Student"), self)
        self.empty_hint = hint(
            _("Choose a student under My students (Enter or double click)."), self
        )
        self.details = QWidget(self)
        self._form = QFormLayout(self.details)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.details.hide()

    def show_student(self, student: Student) -> None:
        """Show this student's details."""
        self.title.setText(student.full_name)
        self.empty_hint.hide()
        while self._form.rowCount():
            self._form.removeRow(0)
        rows = [
            (_("Student number"), student.student_number),
            (_("Class"), student.group),
            (_("Programme"), student.programme),
            (_("Level"), str(student.level or "")),
            (_("Pathway"), student.pathway.label if student.pathway else ""),
            (_("Year"), str(student.year_of_study or "")),
            (_("Date of birth"), long_date(student.date_of_birth) if student.date_of_birth else ""),
            (_("Status"), student.status.label),
        ]
        for label, value in rows:
            self._form.addRow(label, QLabel(value, self.details))
        self.details.show()
