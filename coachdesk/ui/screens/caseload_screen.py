"""Mijn studenten: the caseload table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from coachdesk.domain.students import Student
from coachdesk.i18n import _, ngettext
from coachdesk.ui.qt_models.students_model import StudentsTableModel
from coachdesk.ui.widgets import hint, screen_title


class CaseloadScreen(QWidget):
    """The coach's students in class-list order; Enter or a double click opens one.

    Signals:
        student_opened(Student): the coach chose a student to look at.
    """

    student_opened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = StudentsTableModel()
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.model)
        self._proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView(self)
        self.table.setObjectName("caseloadTable")
        self.table.setModel(self._proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            StudentsTableModel.PROGRAMME_COLUMN, QHeaderView.ResizeMode.Stretch
        )
        self.table.activated.connect(self._open)
        self.count_label = hint("", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(screen_title(_("My students"), self))
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)

    def show_students(self, students: list[Student]) -> None:
        """Show this caseload."""
        self.model.set_students(students)
        self.count_label.setText(
            ngettext("{count} student", "{count} students", len(students)).format(
                count=len(students)
            )
        )

    def _open(self, index: QModelIndex) -> None:
        source = self._proxy.mapToSource(index)
        self.student_opened.emit(self.model.student_at(source.row()))
