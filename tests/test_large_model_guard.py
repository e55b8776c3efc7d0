"""Guard for the Qt pin: a large caseload table survives thousands of repaints.

PySide6 6.12.0 aborted with ``none_dealloc`` on Python 3.11 when a Python model's ``data()``
returned ``None`` many times; an upgrade that brings that back must fail here.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QTableView

from coachdesk.services.caseload import CaseloadEntry
from coachdesk.ui.qt_models.caseload_model import CaseloadTableModel
from tests.helpers import make_student

ROWS = 10_000
REPAINTS = 2_000


def test_a_large_caseload_survives_heavy_scrolling_and_repainting(qtbot) -> None:
    entries = [
        CaseloadEntry(
            student=make_student(str(n), family_name=f"Meer {n}"),
            internship_company="",
            last_conversation=None if n % 2 else dt.date(2026, 1, 1),
            next_due=dt.date(2026, 3, 1),
            planned_conversation=None,
            open_agreements=n % 3,
            overdue_agreements=n % 2,
        )
        for n in range(ROWS)
    ]
    model = CaseloadTableModel(dt.date(2026, 11, 23))
    model.set_entries(entries)
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
