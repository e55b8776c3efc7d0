"""Klassenlijst importeren: choose a file, check the columns, see every problem, then import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from coachdesk.errors import UserFacingError
from coachdesk.i18n import _, ngettext
from coachdesk.services import csv_files
from coachdesk.services.csv_files import CsvTable
from coachdesk.services.student_import import (
    ImportField,
    ImportPlan,
    ImportResult,
    StudentImport,
    auto_mapping,
)
from coachdesk.ui.file_choice import open_path
from coachdesk.ui.widgets import ChoiceCombo

PREVIEW_ROWS = 5


class _FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(_("Choose the class list"))
        self.setSubTitle(_("A CSV export from Magister, Somtoday, Eduarte or Excel."))
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        browse = QPushButton(_("Choose file…"), self)
        browse.clicked.connect(self._browse)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setProperty("state", "problem")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problem_label)
        layout.addStretch(1)

    def _browse(self) -> None:
        chosen = open_path(
            self, _("Choose the class list"), _("CSV files (*.csv *.txt);;All files (*)")
        )
        if chosen is not None:
            self.load(chosen)

    def load(self, path: Path) -> None:
        """Read ``path``; a file that cannot be read is explained on the page."""
        self.path_edit.setText(str(path))
        try:
            self._wizard.table = csv_files.read_table(path)
        except UserFacingError as error:
            self._wizard.table = None
            self.problem_label.setText(error.message)
        else:
            self.problem_label.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self._wizard.table is not None


class _MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(_("Check the columns"))
        self.info_label = QLabel(self)
        self.form_widget = QWidget(self)
        self.form = QFormLayout(self.form_widget)
        self.preview = QTableWidget(self)
        self.preview.setMinimumHeight(170)
        self.preview.verticalHeader().setVisible(False)
        self.preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.combos: list[ChoiceCombo] = []
        scroller = QScrollArea(self)
        scroller.setWidget(self.form_widget)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info_label)
        layout.addWidget(scroller, 2)
        layout.addWidget(QLabel(_("First rows:"), self))
        layout.addWidget(self.preview, 1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        table = self._wizard.table
        assert table is not None
        delimiter = {"\t": _("tab")}.get(table.delimiter, table.delimiter)
        self.info_label.setText(
            _("Read as {encoding}, delimiter {delimiter}, {rows} rows.").format(
                encoding=table.encoding, delimiter=delimiter, rows=len(table.rows)
            )
        )
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos = []
        mapping = self._wizard.initial_mapping()
        for index, name in enumerate(table.header):
            combo = ChoiceCombo(
                [(_("— do not use —"), None), *((f.label, f) for f in ImportField)],
                self.form_widget,
            )
            combo.select_value(mapping.get(index))
            self.combos.append(combo)
            self.form.addRow(_("Column '{name}'").format(name=name or index + 1), combo)
        self.preview.setColumnCount(len(table.header))
        self.preview.setHorizontalHeaderLabels(table.header)
        rows = table.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(rows))
        for row_index, row in enumerate(rows):
            for column, cell in enumerate(row.cells[: len(table.header)]):
                self.preview.setItem(row_index, column, QTableWidgetItem(cell))

    def mapping(self) -> dict[int, ImportField]:
        """Return the column choices."""
        return {
            index: combo.current_value()
            for index, combo in enumerate(self.combos)
            if combo.current_value() is not None
        }


class _CheckPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(_("Check before importing"))
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.problems_list = QListWidget(self)
        self.skip_check = QCheckBox(_("Import only the valid rows and skip the others"), self)
        self.skip_check.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.problems_list, 1)
        layout.addWidget(self.skip_check)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self._wizard.plan = None
        self.problems_list.clear()
        self.skip_check.setChecked(False)
        try:
            table = self._wizard.table
            assert table is not None  # the wizard reaches this page only with a file read
            plan = self._wizard.importer.prepare(table, self._wizard.mapping_page.mapping())
        except UserFacingError as error:
            self.summary_label.setText(error.message)
            self.skip_check.hide()
            self.problems_list.hide()
            self.completeChanged.emit()
            return
        self._wizard.plan = plan
        text = _("{new} new students, {updated} updated.").format(
            new=plan.new_count, updated=plan.update_count
        )
        if plan.problems:
            text += " " + ngettext(
                "{count} row has a problem; as it stands nothing will be imported.",
                "{count} rows have a problem; as it stands nothing will be imported.",
                plan.invalid_lines,
            ).format(count=plan.invalid_lines)
        self.summary_label.setText(text)
        self.problems_list.addItems([str(problem) for problem in plan.problems])
        self.problems_list.setVisible(bool(plan.problems))
        self.skip_check.setVisible(bool(plan.problems))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        plan = self._wizard.plan
        if plan is None or not plan.valid:
            return False
        return not plan.problems or self.skip_check.isChecked()


class ImportWizard(QWizard):
    """Three steps; the store changes only when the coach presses Import on the last one."""

    def __init__(self, importer: StudentImport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import class list"))
        self.setMinimumSize(780, 680)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Import"))
        self.importer = importer
        self.table: CsvTable | None = None
        self.plan: ImportPlan | None = None
        self.file_page = _FilePage(self)
        self.mapping_page = _MappingPage(self)
        self.check_page = _CheckPage(self)
        for page in (self.file_page, self.mapping_page, self.check_page):
            self.addPage(page)

    def initial_mapping(self) -> dict[int, ImportField]:
        """Return the columns recognised by their Dutch names."""
        assert self.table is not None
        return auto_mapping(self.table.header)

    def import_now(self) -> ImportResult:
        """Write the checked plan (raises ``UserFacingError`` on a full disk and the like)."""
        assert self.plan is not None
        return self.importer.apply(self.plan, skip_invalid=self.check_page.skip_check.isChecked())

    @classmethod
    def run(cls, parent: QWidget | None, importer: StudentImport) -> ImportResult | None:
        """Show the wizard; return what was imported, or ``None`` when cancelled."""
        wizard = cls(importer, parent)
        if wizard.exec() != QWizard.DialogCode.Accepted:
            return None
        return wizard.import_now()
