"""The caseload as a table model: one row per student, no widget per row."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from coachdesk.domain.students import Student
from coachdesk.i18n import _

_Index = QModelIndex | QPersistentModelIndex


class StudentsTableModel(QAbstractTableModel):
    """Students with name, number, klas, opleiding, niveau and leerweg."""

    STUDENT_ROLE = Qt.ItemDataRole.UserRole + 1
    PROGRAMME_COLUMN = 3

    def __init__(self, students: list[Student] | None = None) -> None:
        super().__init__()
        self._students = students or []
        self._headers = [
            _("Name"),
            _("Student number"),
            _("Class"),
            _("Programme"),
            _("Level"),
            _("Pathway"),
        ]

    def set_students(self, students: list[Student]) -> None:
        """Replace the rows, e.g. after another store was opened."""
        self.beginResetModel()
        self._students = students
        self.endResetModel()

    def student_at(self, row: int) -> Student:
        """Return the student shown in ``row``."""
        return self._students[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._students)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        student = self._students[index.row()]
        if role == self.STUDENT_ROLE:
            return student
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        values = (
            student.sort_name,
            student.student_number,
            student.group,
            student.programme,
            str(student.level) if student.level else "",
            student.pathway.value if student.pathway else "",
        )
        return values[column]

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
