"""Beside the timeline: open agreements, current goals and the scan chart, all in full.

One scrolling column: every agreement and goal is a wrapped line of its own and the chart keeps
its whole height, so nothing is cut off in a small box with a scroll bar of its own.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from coachdesk.domain.agreements import agreement_sentence
from coachdesk.i18n import _
from coachdesk.services.student_file import StudentFile
from coachdesk.ui.screens.scan.scan_chart import ScanChart

MINIMUM_WIDTH = 260


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "sideHeading")
    return label


def _line(text: str, parent: QWidget | None, *, late: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if late:
        label.setProperty("state", "problem")
    return label


class StudentSidePanel(QScrollArea):
    """Open agreements, current goals and the competence scan of the student shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # ↑/↓ and PageUp/PageDown scroll it
        self.setAccessibleName(_("Open agreements, current goals and competence scan"))
        self.setMinimumWidth(MINIMUM_WIDTH)
        content = QWidget(self)
        self.agreements_box = QWidget(content)
        self.agreements_layout = QVBoxLayout(self.agreements_box)
        self.goals_box = QWidget(content)
        self.goals_layout = QVBoxLayout(self.goals_box)
        for box_layout in (self.agreements_layout, self.goals_layout):
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.setSpacing(8)
        self.scan_chart = ScanChart(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 0, 8, 8)
        layout.addWidget(_heading(_("Open agreements"), content))
        layout.addWidget(self.agreements_box)
        layout.addSpacing(10)
        layout.addWidget(_heading(_("Current goals"), content))
        layout.addWidget(self.goals_box)
        layout.addSpacing(10)
        layout.addWidget(_heading(_("Competence scan"), content))
        layout.addWidget(self.scan_chart)
        layout.addStretch(1)
        self.setWidget(content)

    def show_file(self, file: StudentFile, today: dt.date) -> None:
        """Show this student's open agreements, current goals and scans."""
        agreements = [
            (
                agreement_sentence(agreement, file.student.given_name, today)
                + (" · " + _("late") if agreement.is_overdue(today) else ""),
                agreement.is_overdue(today),
            )
            for agreement in file.open_agreements
        ]
        self._fill(self.agreements_layout, agreements or [(_("No open agreements."), False)])
        goals = [
            (goal.description + (f" ({goal.competence.label})" if goal.competence else ""), False)
            for goal in file.current_goals
        ]
        self._fill(self.goals_layout, goals or [(_("No current goals."), False)])
        self.scan_chart.set_history(file.scans)

    def _fill(self, layout: QVBoxLayout, lines: list[tuple[str, bool]]) -> None:
        while layout.count():
            item = layout.takeAt(0)
            if item is not None and (old := item.widget()) is not None:
                old.hide()  # gone at once, not only when the event loop deletes it
                old.deleteLater()
        box = layout.parentWidget()
        for text, late in lines:
            layout.addWidget(_line(text, box, late=late))

    def agreement_texts(self) -> list[str]:
        """Return the agreement lines as shown."""
        return _texts(self.agreements_layout)

    def goal_texts(self) -> list[str]:
        """Return the goal lines as shown."""
        return _texts(self.goals_layout)


def _texts(layout: QVBoxLayout) -> list[str]:
    items = (layout.itemAt(i) for i in range(layout.count()))
    labels = (item.widget() for item in items if item is not None)
    return [label.text() for label in labels if isinstance(label, QLabel)]
