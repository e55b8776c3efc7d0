"""Guard for the Qt pin: a large caseload table survives thousands of repaints.

PySide6 6.12.0 aborted with ``none_dealloc`` on Python 3.11 when a Python model's ``data()``
returned ``None`` many times; an upgrade that brings that back must fail here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from coachdesk.ui.qt_models.students_model import StudentsTableModel
from tests.helpers import make_student

ROWS = 10_000
REPAINTS = 2_000


def test_a_large_caseload_survives_heavy_scrolling_and_repainting(qtbot) -> None:
    students = [make_student(str(n), family_name=f"Meer {n}") for n in range(ROWS)]
    model = StudentsTableModel(students)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 600)
    view.show()
    bar = view.verticalScrollBar()
    for step in range(REPAINTS):
        bar.setValue((step * 37) % max(bar.maximum(), 1))
        view.viewport().repaint()
    assert model.rowCount() == ROWS
