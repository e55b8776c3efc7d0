"""The caseload as a table model that searches, filters and sorts itself.

Filtering happens on precomputed, accent-free search keys in plain Python. The filters other
than the search text are applied once per change of them; a keystroke that extends the search
only narrows the rows already shown, and the overdue count comes from flags computed once per
caseload. That keeps a keystroke within one frame at 20,000 students.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from coachdesk.domain.students import Pathway, StudentStatus, search_key
from coachdesk.i18n import _
from coachdesk.i18n.dates import compact_date
from coachdesk.services.caseload import CaseloadEntry
from coachdesk.ui.theme import colours

_Index = QModelIndex | QPersistentModelIndex


@dataclass
class CaseloadFilter:
    """What the coach narrowed the caseload to. Empty values mean "all"."""

    query: str = ""
    group: str = ""
    programme: str = ""
    pathway: Pathway | None = None
    level: int | None = None
    status: StudentStatus | None = StudentStatus.ACTIVE
    not_seen_since: dt.date | None = None
    """Only students whose last conversation is before this date (or who were never seen)."""
    left_before: dt.date | None = None
    """Only students who left before this date: past the retention period, to be erased."""

    def matches(self, entry: CaseloadEntry) -> bool:
        """Return whether ``entry`` passes every filter but the search text."""
        student = entry.student
        return (
            (not self.group or student.group == self.group)
            and (not self.programme or student.programme == self.programme)
            and (self.pathway is None or student.pathway is self.pathway)
            and (self.level is None or student.level == self.level)
            and (self.status is None or student.status is self.status)
            and (
                self.left_before is None
                or (student.leave_date is not None and student.leave_date < self.left_before)
            )
            and (
                self.not_seen_since is None
                or entry.last_conversation is None
                or entry.last_conversation < self.not_seen_since
            )
        )


@dataclass
class _Column:
    title: str
    text: Callable[[CaseloadEntry], str]
    sort_key: Callable[[CaseloadEntry], Any]
    extra: dict[str, Any] = field(default_factory=dict)


def _date_key(value: dt.date | None) -> dt.date:
    return value or dt.date.min


class CaseloadTableModel(QAbstractTableModel):
    """Students with klas, opleiding, stage company, last and next conversation, agreements."""

    ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
    GROUP_COLUMN = 1
    PROGRAMME_COLUMN = 2
    COMPANY_COLUMN = 3
    LAST_COLUMN = 4
    DUE_COLUMN = 5
    AGREEMENTS_COLUMN = 6

    def __init__(self, today: dt.date | None = None) -> None:
        super().__init__()
        self.today = today or dt.date.today()
        self._entries: list[CaseloadEntry] = []
        self._keys: list[str] = []
        self._late: list[bool] = []
        self._visible: list[int] = []
        self._order: list[int] = []
        self._passing: list[int] = []
        """Indices, in sorted order, of the students that pass every filter but the search."""
        self._filter = CaseloadFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = (0, Qt.SortOrder.AscendingOrder)
        self._columns = [
            _Column(_("Name"), lambda e: e.student.sort_name, lambda e: e.student.class_list_key),
            _Column(_("Class"), lambda e: e.student.group, lambda e: e.student.group.casefold()),
            _Column(
                _("Programme (level)"),
                self._programme_text,
                lambda e: (e.student.programme.casefold(), e.student.level or 0),
            ),
            _Column(
                _("Internship company"),
                lambda e: e.internship_company,
                lambda e: e.internship_company.casefold(),
            ),
            _Column(_("Last talk"), self._last_text, lambda e: _date_key(e.last_conversation)),
            _Column(_("Next conversation"), self._due_text, self._due_key),
            _Column(
                _("Agreements"),
                self._agreements_text,
                lambda e: (e.open_agreements, e.overdue_agreements),
            ),
        ]

    # -- content -----------------------------------------------------------------------------

    def set_entries(self, entries: list[CaseloadEntry]) -> None:
        """Replace all students, e.g. after an import; search and filters stay."""
        self._entries = entries
        self._keys = [
            search_key(
                " ".join(
                    (
                        e.student.full_name,
                        e.student.sort_name,
                        e.student.student_number,
                        e.student.group,
                        e.internship_company,
                    )
                )
            )
            for e in entries
        ]
        self._late = [entry.is_overdue(self.today) for entry in entries]
        self._refresh(resort=True)

    def set_filter(self, new_filter: CaseloadFilter) -> None:
        """Show only the students that pass ``new_filter``."""
        old = self._filter
        self._filter = new_filter
        if replace(old, query="") != replace(new_filter, query=""):
            self._refresh()
        elif search_key(new_filter.query).startswith(search_key(old.query)):
            self._search(self._visible)  # typing on only narrows what is shown
        else:
            self._search(self._passing)

    def late_count(self) -> int:
        """Return how many of the students shown are due a conversation."""
        late = self._late
        return sum(late[index] for index in self._visible)

    def total_count(self) -> int:
        """Return the number of students before search and filters."""
        return len(self._entries)

    def count_matching(self, rule: CaseloadFilter) -> int:
        """Return how many students (shown or not) pass ``rule``."""
        return sum(1 for entry in self._entries if rule.matches(entry))

    def entries(self) -> list[CaseloadEntry]:
        """Return every student, shown or not."""
        return self._entries

    def entry_at(self, row: int) -> CaseloadEntry:
        """Return the student shown in ``row``."""
        return self._entries[self._visible[row]]

    def row_of(self, student_id: str) -> int | None:
        """Return the row showing ``student_id``, if it is shown."""
        for row, index in enumerate(self._visible):
            if self._entries[index].student.id == student_id:
                return row
        return None

    def _refresh(self, *, resort: bool = False) -> None:
        """Apply search and filters to the sorted order; sorting happens only when asked."""
        if resort or len(self._order) != len(self._entries):
            self._order = list(range(len(self._entries)))
            if self._sort is not None:
                column, order = self._sort
                key = self._columns[column].sort_key
                self._order.sort(
                    key=lambda i: key(self._entries[i]),
                    reverse=order == Qt.SortOrder.DescendingOrder,
                )
        entries, active = self._entries, self._filter
        self._passing = [index for index in self._order if active.matches(entries[index])]
        self._search(self._passing)

    def _search(self, candidates: list[int]) -> None:
        """Show the ``candidates`` whose search key holds every word of the search text."""
        keys = self._keys
        for term in search_key(self._filter.query).split():
            candidates = [index for index in candidates if term in keys[index]]
        self.beginResetModel()
        self._visible = list(candidates)
        self.endResetModel()

    # -- texts -------------------------------------------------------------------------------

    @staticmethod
    def _programme_text(entry: CaseloadEntry) -> str:
        level = entry.student.level
        return f"{entry.student.programme} ({level})" if level else entry.student.programme

    def _last_text(self, entry: CaseloadEntry) -> str:
        if entry.last_conversation is None:
            return _("never")
        return compact_date(entry.last_conversation, self.today)

    def _due_text(self, entry: CaseloadEntry) -> str:
        if entry.planned_conversation is not None:
            return _("planned {date}").format(
                date=compact_date(entry.planned_conversation, self.today)
            )
        if entry.next_due is None:
            return ""
        if entry.never_seen:
            return _("not seen yet")
        if entry.next_due <= self.today:
            return _("overdue since {date}").format(date=compact_date(entry.next_due, self.today))
        return _("by {date}").format(date=compact_date(entry.next_due, self.today))

    @staticmethod
    def _due_key(entry: CaseloadEntry) -> tuple[int, dt.date]:
        if entry.planned_conversation is not None:
            return (1, entry.planned_conversation)
        return (0, entry.next_due or dt.date.max)

    @staticmethod
    def _agreements_text(entry: CaseloadEntry) -> str:
        if not entry.open_agreements:
            return ""
        if entry.overdue_agreements:
            return _("{open} ({late} late)").format(
                open=entry.open_agreements, late=entry.overdue_agreements
            )
        return str(entry.open_agreements)

    # -- Qt model API ------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entry_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[column].text(entry)
        if role == self.ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole:  # whole, also where the column cuts it short
            if column == 0:
                return f"{entry.student.full_name} · {entry.student.student_number}"
            return self._columns[column].text(entry) or None
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            return self._late_style(entry, column, role)
        return None

    def _late_style(self, entry: CaseloadEntry, column: int, role: int) -> object:
        """Return red for late agreements, and red and bold for an overdue conversation."""
        if column == self.DUE_COLUMN:
            late = entry.is_overdue(self.today)
        else:
            late = column == self.AGREEMENTS_COLUMN and entry.overdue_agreements > 0
        if not late:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(colours().problem)
        if column != self.DUE_COLUMN:
            return None
        font = QFont()
        font.setBold(True)
        return font

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].title
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column; the order stays through later searches and filters."""
        self._sort = (column, order) if column >= 0 else None
        self._refresh(resort=True)
