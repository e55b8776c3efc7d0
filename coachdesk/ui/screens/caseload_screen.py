"""Mijn studenten: search as you type, filter, and see who is due a conversation."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.domain.students import (
    LEVELS,
    RETENTION_YEARS,
    Pathway,
    StudentStatus,
    retention_limit,
)
from coachdesk.i18n import _, ngettext
from coachdesk.services.caseload import CaseloadEntry
from coachdesk.ui.qt_models.caseload_model import CaseloadFilter, CaseloadTableModel
from coachdesk.ui.screens.caseload_columns import CaseloadColumns
from coachdesk.ui.widgets import ChoiceCombo, hint, menu_button, screen_title

ROW_HEIGHT = 30
RETENTION = "retention"
"""Status filter choice: archived students past the retention period."""


def _combo(all_label: str, items: list[tuple[str, object]]) -> ChoiceCombo:
    return ChoiceCombo([(all_label, None), *items])


def _shrink_to_first_choice(combo: ChoiceCombo) -> None:
    """Let a filter narrow on a small screen, never below its "All …" choice (the open list
    still shows every choice whole).
    """
    metrics = combo.fontMetrics()
    longest = max(metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    frame = combo.sizeHint().width() - longest
    combo.setMinimumWidth(frame + metrics.horizontalAdvance(combo.itemText(0)))


class CaseloadScreen(QWidget):
    """The coach's students; Enter or a double click opens one.

    Signals:
        student_opened(CaseloadEntry): the coach chose a student.
        import_requested(): the coach wants to import a class list.
        add_student_requested(): the coach wants to add one student by hand.
        demo_requested(): the coach wants to look around in the demo store.
        settings_requested(): the coach wants to change settings (cadence, school, name).
        dossier_export_requested(list): make a handover dossier of these students.
        dossier_import_requested(): import a handover dossier.
    """

    student_opened = Signal(object)
    import_requested = Signal()
    add_student_requested = Signal()
    demo_requested = Signal()
    settings_requested = Signal()
    dossier_export_requested = Signal(list)
    dossier_import_requested = Signal()

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.today = today or dt.date.today()
        self.model = CaseloadTableModel(self.today)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("caseloadSearch")
        self.search_edit.setPlaceholderText(
            _("Search by name, number, class or internship company")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.group_combo = _combo(_("All classes"), [])
        self.programme_combo = _combo(_("All programmes"), [])
        self.programme_combo.setMaximumWidth(280)
        self.pathway_combo = _combo(_("All pathways"), [(p.value, p) for p in Pathway])
        self.level_combo = _combo(
            _("All levels"), [(_("Level {n}").format(n=n), n) for n in LEVELS]
        )
        self.status_combo = _combo(_("Active and archived"), [(s.label, s) for s in StudentStatus])
        self.status_combo.add_choice(_("To erase (retention period passed)"), RETENTION)
        self.status_combo.setCurrentIndex(1)
        self.status_combo.setMaximumWidth(240)  # the list itself shows the long choices whole
        for combo, name in (
            (self.group_combo, _("Class")),
            (self.programme_combo, _("Programme")),
            (self.pathway_combo, _("Pathway")),
            (self.level_combo, _("Level")),
            (self.status_combo, _("Status")),
        ):
            combo.setAccessibleName(name)
        self.not_seen_check = QCheckBox(_("Not seen for"), self)
        self.not_seen_weeks = QSpinBox(self)
        self.not_seen_weeks.setRange(1, 52)
        self.not_seen_weeks.setValue(10)
        self.not_seen_weeks.setSuffix(_(" weeks"))
        self.not_seen_weeks.setAccessibleName(_("Not seen for"))
        heading = self._build_heading()
        self.count_label = hint("", self)
        self.retention_years = RETENTION_YEARS
        """Years after leaving before an archived student is due for erasure (a setting)."""
        self.erasure_reminder = self._build_erasure_reminder()
        self._due_count = 0
        self.table = self._build_table()
        self.columns = CaseloadColumns(self.table)
        self.empty_state = self._build_empty_state()

        for combo in (
            self.group_combo,
            self.programme_combo,
            self.pathway_combo,
            self.level_combo,
            self.status_combo,
        ):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.search_edit.textChanged.connect(self._apply_filter)
        self.not_seen_check.toggled.connect(self._toggle_not_seen)
        self.not_seen_weeks.valueChanged.connect(self._apply_filter)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search_edit.setFocus)
        self.search_edit.returnPressed.connect(self._open_first)

        filters = QHBoxLayout()
        for widget in (
            self.group_combo,
            self.programme_combo,
            self.pathway_combo,
            self.level_combo,
            self.status_combo,
        ):
            widget.setSizeAdjustPolicy(ChoiceCombo.SizeAdjustPolicy.AdjustToContents)
            _shrink_to_first_choice(widget)
            filters.addWidget(widget)
        filters.addStretch(1)
        counts = QHBoxLayout()
        counts.addWidget(self.count_label, 1)
        counts.addWidget(self.not_seen_check)
        counts.addWidget(self.not_seen_weeks)
        self.caseload_part = QWidget(self)
        part = QVBoxLayout(self.caseload_part)
        part.setContentsMargins(0, 0, 0, 0)
        search = QHBoxLayout()  # bringing students in, beside finding them: fits 1024 px wide
        search.addWidget(self.search_edit, 1)
        search.addWidget(self.import_button)
        search.addWidget(self.add_button)
        part.addLayout(search)
        part.addLayout(filters)
        part.addWidget(self.erasure_reminder)
        part.addLayout(counts)
        part.addWidget(self.table, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(heading)
        layout.addWidget(self.caseload_part, 1)
        layout.addWidget(self.empty_state, 1)
        chain = (
            self.search_edit,
            self.group_combo,
            self.programme_combo,
            self.pathway_combo,
            self.level_combo,
            self.status_combo,
            self.not_seen_check,
            self.not_seen_weeks,
            self.table,
            self.import_button,
            self.add_button,
            self.handover_button,
            self.settings_button,
        )
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_heading(self) -> QHBoxLayout:
        """The title, and the buttons that bring students in or out and change settings."""
        self.import_button = QPushButton(_("Import class list…"), self)
        self.import_button.clicked.connect(self.import_requested)
        self.add_button = QPushButton(_("&Add student…"), self)
        self.add_button.clicked.connect(self.add_student_requested)
        self.handover_button, handover_menu = menu_button(_("Handover"), self)
        handover_menu.addAction(_("Dossier of the students shown…"), self._export_shown)
        handover_menu.addAction(_("Import a dossier…"), self.dossier_import_requested.emit)
        self.settings_button = QPushButton(_("Settings…"), self)
        self.settings_button.clicked.connect(self.settings_requested)
        heading = QHBoxLayout()
        heading.addWidget(screen_title(_("My students"), self), 1)
        heading.addWidget(self.handover_button)
        heading.addWidget(self.settings_button)
        return heading

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("caseloadTable")
        table.setAccessibleName(_("My students"))
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        vertical = table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        table.activated.connect(self._open)
        return table

    def show_entries(self, entries: list[CaseloadEntry], *, complete: bool = True) -> None:
        """Show this caseload; the filter choices follow the students in it.

        ``complete=False`` marks a first screenful shown while the rest loads.
        """
        self._fill_choices(
            self.group_combo, sorted({e.student.group for e in entries if e.student.group})
        )
        self._fill_choices(
            self.programme_combo,
            sorted({e.student.programme for e in entries if e.student.programme}),
        )
        self.model.set_entries(entries)
        self.caseload_part.setVisible(bool(entries))
        self.empty_state.setVisible(not entries)
        self.columns.fit_to(entries)  # a first screenful too: its names whole from the start
        if complete:
            self._count_due_for_erasure()
            self._update_count()
        else:
            self.count_label.setText(_("Loading all students…"))

    def _build_empty_state(self) -> QWidget:
        """What an empty caseload says: the three ways to get students in."""
        panel = QWidget(self)
        panel.setObjectName("emptyCaseload")
        self.empty_import_button = QPushButton(_("Import class list…"), panel)
        self.empty_import_button.setProperty("role", "primary")
        self.empty_import_button.clicked.connect(self.import_requested)
        self.empty_add_button = QPushButton(_("&Add student…"), panel)
        self.empty_add_button.clicked.connect(self.add_student_requested)
        self.empty_demo_button = QPushButton(_("View the demo"), panel)
        self.empty_demo_button.clicked.connect(self.demo_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_import_button)
        buttons.addWidget(self.empty_add_button)
        buttons.addWidget(self.empty_demo_button)
        buttons.addStretch(1)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 24, 0, 0)
        heading = QLabel(_("No students in your caseload yet"), panel)
        heading.setProperty("role", "partHeading")
        heading.setWordWrap(True)
        column.addWidget(heading)
        column.addWidget(
            hint(
                _(
                    "Import a class list from your school's system (Magister, Somtoday, "
                    "Eduarte or Excel), add a student by hand, or first look around in the "
                    "demo with thirty fictional students."
                ),
                panel,
            )
        )
        column.addSpacing(8)
        column.addLayout(buttons)
        column.addStretch(1)
        panel.hide()
        return panel

    def _build_erasure_reminder(self) -> QFrame:
        """A calm line saying that students are due for erasure, with a button to list them."""
        frame = QFrame(self)
        frame.setObjectName("erasureReminder")
        self.erasure_label = QLabel(frame)
        self.erasure_label.setWordWrap(True)
        show = QPushButton(_("Show them"), frame)
        show.clicked.connect(lambda: self.status_combo.select_value(RETENTION))
        row = QHBoxLayout(frame)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.erasure_label, 1)
        row.addWidget(show)
        frame.hide()
        return frame

    def _due_for_erasure(self) -> CaseloadFilter:
        return CaseloadFilter(
            status=StudentStatus.ARCHIVED,
            left_before=retention_limit(self.today, self.retention_years),
        )

    @staticmethod
    def _fill_choices(combo: ChoiceCombo, values: list[str]) -> None:
        current = combo.current_value()
        combo.blockSignals(True)
        combo.clear_choices(keep=1)
        for value in values:
            combo.add_choice(value, value)
        combo.select_value(current)
        combo.blockSignals(False)

    def _toggle_not_seen(self, checked: bool) -> None:
        if checked:
            self.model.sort(CaseloadTableModel.LAST_COLUMN, Qt.SortOrder.AscendingOrder)
            self.table.horizontalHeader().setSortIndicator(
                CaseloadTableModel.LAST_COLUMN, Qt.SortOrder.AscendingOrder
            )
        self._apply_filter()

    def _apply_filter(self) -> None:
        retention = self.status_combo.current_value() == RETENTION
        since = None
        if self.not_seen_check.isChecked():
            since = self.today - dt.timedelta(weeks=self.not_seen_weeks.value())
        self.model.set_filter(
            CaseloadFilter(
                query=self.search_edit.text(),
                group=self.group_combo.current_value() or "",
                programme=self.programme_combo.current_value() or "",
                pathway=self.pathway_combo.current_value(),
                level=self.level_combo.current_value(),
                status=StudentStatus.ARCHIVED if retention else self.status_combo.current_value(),
                not_seen_since=since,
                left_before=self._due_for_erasure().left_before if retention else None,
            )
        )
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        late = self.model.late_count()
        text = ngettext("{shown} of {total} student", "{shown} of {total} students", total).format(
            shown=shown, total=total
        )
        if late:
            text += " · " + ngettext(
                "{count} due a conversation", "{count} due a conversation", late
            ).format(count=late)
        self.count_label.setText(text)
        self.erasure_reminder.setVisible(
            self._due_count > 0 and self.status_combo.current_value() != RETENTION
        )

    def _count_due_for_erasure(self) -> None:
        """Count once per caseload, not per keystroke: the search does not change who is due."""
        self._due_count = self.model.count_matching(self._due_for_erasure())
        self.erasure_label.setText(
            ngettext(
                "{count} archived student left more than {years} years ago: the data must "
                "now be erased (AVG).",
                "{count} archived students left more than {years} years ago: their data "
                "must now be erased (AVG).",
                self._due_count,
            ).format(count=self._due_count, years=self.retention_years)
        )

    def _export_shown(self) -> None:
        numbers = [
            self.model.entry_at(row).student.student_number for row in range(self.model.rowCount())
        ]
        if numbers:
            self.dossier_export_requested.emit(numbers)

    def selected_entry(self) -> CaseloadEntry | None:
        """Return the student on the selected row, if any."""
        index = self.table.currentIndex()
        return self.model.entry_at(index.row()) if index.isValid() else None

    def select_student(self, student_id: str) -> None:
        """Select a student's row and give the table the keyboard (a search hiding them goes)."""
        row = self.model.row_of(student_id)
        if row is None and self.search_edit.text():
            self.search_edit.clear()
            row = self.model.row_of(student_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self.table.setFocus()

    def _open(self, index: QModelIndex) -> None:
        self.student_opened.emit(self.model.entry_at(index.row()))

    def _open_first(self) -> None:
        if self.model.rowCount():
            self.table.selectRow(0)
            self.student_opened.emit(self.model.entry_at(0))
