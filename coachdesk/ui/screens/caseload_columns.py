"""The caseload's column widths: every header whole, every name whole, the rest shared fairly.

Until the coach drags a column, the widths follow the room there is: the name column is as
wide as the longest name, each other column between its header and its longest text, and the
programme takes what is left. A text that does not fit ends in "…" and is whole in its
tooltip. Once the coach sets a width by hand, all widths stay as the coach left them.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QTableView

from coachdesk.services.caseload import CaseloadEntry
from coachdesk.ui.qt_models.caseload_model import CaseloadTableModel

NAME_COLUMN = 0
STRETCH_COLUMN = CaseloadTableModel.PROGRAMME_COLUMN
SAMPLE_ROWS = 50
"""Rows measured for a column's longest text: about a screenful, quick at 20,000."""
GIVING_WAY = (
    (STRETCH_COLUMN, CaseloadTableModel.COMPANY_COLUMN),
    (
        CaseloadTableModel.GROUP_COLUMN,
        CaseloadTableModel.LAST_COLUMN,
        CaseloadTableModel.DUE_COLUMN,
        CaseloadTableModel.AGREEMENTS_COLUMN,
    ),
)
"""Which columns are narrowed first when the room is short: the long descriptions."""
NAME_CANDIDATES = 200
"""The names (longest first by letters) measured in pixels for the name column."""


class CaseloadColumns(QObject):
    """Keeps the caseload table's column widths fitting, until the coach chooses them."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self._wanted: list[int] = []
        self._fitting = False
        self.chosen = False
        """The coach set a width by hand: the widths are theirs from then on."""
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(STRETCH_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setHighlightSections(False)  # a selected row would make every header bold and wider
        header.setResizeContentsPrecision(SAMPLE_ROWS)
        header.sectionResized.connect(self._resized)
        header.sortIndicatorChanged.connect(lambda _column, _order: self._fit())
        table.viewport().installEventFilter(self)

    def header_width(self, column: int) -> int:
        """Return the narrowest width at which the column's header (and sort arrow) is whole."""
        header = self._table.horizontalHeader()
        option = QStyleOptionHeader()
        option.initFrom(header)
        option.state |= QStyle.StateFlag.State_Horizontal
        option.orientation = Qt.Orientation.Horizontal
        option.section = column
        probe = 1000
        option.rect = QRect(0, 0, probe, max(header.height(), header.sizeHint().height()))
        option.sortIndicator = (
            QStyleOptionHeader.SortIndicator.SortDown
            if header.isSortIndicatorShown() and header.sortIndicatorSection() == column
            else QStyleOptionHeader.SortIndicator.None_
        )
        label = header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header)
        title = str(self._table.model().headerData(column, Qt.Orientation.Horizontal))
        return header.fontMetrics().horizontalAdvance(title) + probe - label.width() + 2

    def fit_to(self, entries: Sequence[CaseloadEntry]) -> None:
        """Measure what this caseload needs and fit the columns to it."""
        table = self._table
        names = heapq.nlargest(NAME_CANDIDATES, (e.student.sort_name for e in entries), key=len)
        metrics = table.fontMetrics()
        margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        longest = max((metrics.horizontalAdvance(name) for name in names), default=0)
        self._wanted = [
            longest + margin + 2 if column == NAME_COLUMN else table.sizeHintForColumn(column)
            for column in range(table.model().columnCount())
        ]
        self._fit()

    def _fit(self) -> None:
        """Share the room: the name whole, and the widest of the others narrowed first."""
        count = self._table.model().columnCount()
        if self.chosen or len(self._wanted) != count:
            return
        least = [self.header_width(column) for column in range(count)]
        wanted = [max(w, n) for w, n in zip(self._wanted, least, strict=True)]
        room = self._table.viewport().width() - wanted[NAME_COLUMN]
        widths = dict.fromkeys(range(count), 0)
        for tier in GIVING_WAY:  # long descriptions give way first, dates and counts last
            kept = [c for c in range(count) if c != NAME_COLUMN and c not in tier]
            rest = room - sum(widths[c] or wanted[c] for c in kept)
            cap = _widest_fitting([(least[c], wanted[c]) for c in tier], rest)
            for column in tier:
                widths[column] = max(least[column], min(wanted[column], cap))
            if cap >= max(wanted[c] for c in tier):
                break
        self._fitting = True
        try:
            self._table.setColumnWidth(NAME_COLUMN, wanted[NAME_COLUMN])
            for column, width in widths.items():
                if column not in (NAME_COLUMN, STRETCH_COLUMN):  # the programme takes the rest
                    self._table.setColumnWidth(column, width or wanted[column])
        finally:
            self._fitting = False

    def widths(self) -> list[int] | None:
        """Return the widths the coach chose by hand, or ``None`` when they follow the room."""
        if not self.chosen:
            return None
        return [self._table.columnWidth(c) for c in range(self._table.model().columnCount())]

    def restore(self, widths: list[int]) -> None:
        """Use the widths the coach chose last time (ignored when the columns changed)."""
        if len(widths) != self._table.model().columnCount():
            return
        self._fitting = True
        try:
            for column, width in enumerate(widths):
                if column != STRETCH_COLUMN:
                    self._table.setColumnWidth(column, width)
        finally:
            self._fitting = False
        self.chosen = True

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column != STRETCH_COLUMN:
            self.chosen = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False


def _widest_fitting(columns: list[tuple[int, int]], room: int) -> int:
    """Return the largest width cap at which the columns (each between its least and wanted
    width) fit ``room``: short columns stay whole, long ones give way.
    """
    low, high = 0, max((wanted for _least, wanted in columns), default=0)
    while low < high:
        cap = (low + high + 1) // 2
        if sum(max(least, min(wanted, cap)) for least, wanted in columns) <= room:
            low = cap
        else:
            high = cap - 1
    return low
