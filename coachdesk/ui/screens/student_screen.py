"""Tijdlijn: one student's thread, their open agreements and goals, and quick changes."""

from __future__ import annotations

import datetime as dt
import itertools
from functools import partial

from PySide6.QtCore import QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.domain.competences import Competence
from coachdesk.domain.contacts_text import contacts_line
from coachdesk.domain.people import Person
from coachdesk.domain.students import StudentStatus
from coachdesk.domain.timeline import TimelineKind
from coachdesk.errors import UserFacingError
from coachdesk.i18n import _
from coachdesk.i18n.dates import short_date
from coachdesk.services.student_file import StudentFile, StudentFileService, summary_line
from coachdesk.ui.dialogs.archive_dialog import ArchiveDialog
from coachdesk.ui.dialogs.experience_dialog import ExperienceDialog
from coachdesk.ui.dialogs.student_dialog import StudentDialog
from coachdesk.ui.messages import show_problem
from coachdesk.ui.qt_models.timeline_model import TimelineModel
from coachdesk.ui.screens.student_side_panel import StudentSidePanel
from coachdesk.ui.widgets import ChoiceCombo, hint, menu_button, screen_title
from coachdesk.ui.wrapped_text_delegate import WrappedTextDelegate

SIDE_PANEL_WIDTH = 380


class StudentScreen(QWidget):
    """The chosen student's timeline, or a hint to choose one.

    Signals:
        student_changed(str): details, experiences or status of this student id changed.
        progress_report_requested(Student): the coach wants this student's progress overview.
        reflection_requested(Student): start a new reflection by this student.
        reflection_open_requested(str): open the reflection with this id.
        scan_requested(Student, Person): fill in the competence scan as this rater.
        scan_paper_requested(Student): the paper scan for the workplace trainer (PDF).
        form_requested(Student, Person): a fillable scan form for the workplace trainer or student.
        form_import_requested(Student): read a filled-in scan form back in.
        inzage_requested(Student): everything about this student for a request to see.
        erase_requested(Student): erase this student completely.
    """

    student_changed = Signal(str)
    conversation_requested = Signal(object)
    progress_report_requested = Signal(object)
    reflection_requested = Signal(object)
    reflection_open_requested = Signal(str)
    scan_requested = Signal(object, object)
    scan_paper_requested = Signal(object)
    form_requested = Signal(object, object)
    form_import_requested = Signal(object)
    inzage_requested = Signal(object)
    erase_requested = Signal(object)

    def __init__(
        self,
        service: StudentFileService,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self.today = today or dt.date.today()
        self.file: StudentFile | None = None
        self.title = screen_title(_("Student"), self)
        self.facts_label = hint(
            _("Choose a student under My students (Enter or double click)."), self
        )
        self.contacts_label = hint("", self)
        self.add_experience_button = QPushButton(_("Experience…"), self)
        self.add_experience_button.setToolTip(_("Add experience…"))
        self.edit_button = QPushButton(_("Details…"), self)
        self.edit_button.setToolTip(_("Edit details…"))
        self.archive_button = QPushButton(_("Archive…"), self)
        self.reflection_button = QPushButton(_("Reflection…"), self)
        self.reflection_button.setToolTip(_("Write reflection…"))
        self.reflection_button.clicked.connect(
            lambda: self.file and self.reflection_requested.emit(self.file.student)
        )
        self.scan_button = self._scan_button()
        self.privacy_button, privacy_menu = menu_button(_("Privacy"), self)
        privacy_menu.addAction(
            _("Inzage: everything about this student…"),
            partial(self._emit_for_student, self.inzage_requested),
        )
        privacy_menu.addAction(
            _("Erase this student for good…"),
            partial(self._emit_for_student, self.erase_requested),
        )
        self.progress_button = QPushButton(_("Progress (PDF)…"), self)
        self.progress_button.setToolTip(_("Progress overview (PDF)…"))
        self.progress_button.clicked.connect(
            lambda: self.file and self.progress_report_requested.emit(self.file.student)
        )
        self.kind_combo = ChoiceCombo(
            [(_("Everything"), None), *((kind.label, kind) for kind in TimelineKind)], self
        )
        self.competence_combo = ChoiceCombo(
            [(_("All competences"), None), *((c.label, c) for c in Competence)], self
        )
        self.timeline_model = TimelineModel()
        self.timeline = QTreeView(self)
        self.timeline.setObjectName("timeline")
        self.timeline.setAccessibleName(_("Timeline"))
        self.kind_combo.setAccessibleName(_("Show"))
        self.competence_combo.setAccessibleName(_("Competences"))
        self.timeline.setModel(self.timeline_model)
        # Rows wrap, so every event reads in full without opening it.
        self.timeline.setWordWrap(True)
        self.timeline.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.timeline.setItemDelegateForColumn(1, WrappedTextDelegate(self.timeline))
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.activated.connect(self._event_activated)
        self.timeline.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.header().setStretchLastSection(True)
        self.timeline.header().sectionResized.connect(self._rewrap_timeline)
        self.side_panel = StudentSidePanel(self)
        self.scan_chart = self.side_panel.scan_chart

        self.add_experience_button.clicked.connect(self._add_experience)
        self.edit_button.clicked.connect(self._edit)
        self.archive_button.clicked.connect(self._archive_or_reactivate)
        self.kind_combo.currentIndexChanged.connect(self._apply_filter)
        self.competence_combo.currentIndexChanged.connect(self._apply_filter)

        self.body = self._build_body()
        self.actions_bar = self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(self._build_heading())
        layout.addWidget(self.facts_label)
        layout.addWidget(self.contacts_label)
        layout.addWidget(self.actions_bar)
        layout.addWidget(self.body, 1)
        self.body.hide()
        self.actions_bar.hide()
        self.conversation_button.hide()
        self.contacts_label.hide()

    def _build_heading(self) -> QHBoxLayout:
        """The student's name, and the way to the next conversation with them."""
        self.conversation_button = QPushButton(_("New conversation…"), self)
        self.conversation_button.setToolTip(_("New conversation (Ctrl+N)"))
        self.conversation_button.setProperty("role", "primary")
        self.conversation_button.clicked.connect(
            partial(self._emit_for_student, self.conversation_requested)
        )
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.conversation_button)
        return heading

    def _emit_for_student(self, signal: SignalInstance) -> None:
        """Ask for something about the student shown (nothing while none is shown)."""
        if self.file:
            signal.emit(self.file.student)

    def _request_scan(self, rater: Person) -> None:
        if self.file:
            self.scan_requested.emit(self.file.student, rater)

    def _scan_button(self) -> QPushButton:
        button, menu = menu_button(_("Competence scan"), self)
        for text, rater in (
            (_("The student fills it in"), Person.STUDENT),
            (_("The coach fills it in"), Person.COACH),
            (_("Type in the workplace trainer's answers"), Person.WORKPLACE_TRAINER),
        ):
            menu.addAction(text, partial(self._request_scan, rater))
        menu.addAction(
            _("Paper version for the workplace trainer (PDF)…"),
            partial(self._emit_for_student, self.scan_paper_requested),
        )
        menu.addSeparator()
        for text, rater in (
            (_("Fillable form for the workplace trainer (PDF)…"), Person.WORKPLACE_TRAINER),
            (_("Fillable form for the student (PDF)…"), Person.STUDENT),
        ):
            menu.addAction(text, partial(self._ask_form, rater))
        menu.addAction(
            _("Read in a filled-in form…"),
            partial(self._emit_for_student, self.form_import_requested),
        )
        return button

    def _ask_form(self, rater: Person) -> None:
        if self.file:
            self.form_requested.emit(self.file.student, rater)

    def _build_actions(self) -> QWidget:
        bar = QWidget(self)
        actions = QHBoxLayout(bar)
        actions.setContentsMargins(0, 0, 0, 0)
        buttons = (
            self.add_experience_button,
            self.reflection_button,
            self.edit_button,
            self.archive_button,
            self.scan_button,
            self.progress_button,
            self.privacy_button,
        )
        for button in buttons:
            actions.addWidget(button)
        for first, second in itertools.pairwise(buttons):  # Tab goes as the row reads
            QWidget.setTabOrder(first, second)
        actions.addStretch(1)
        return bar

    def _build_filters(self) -> QHBoxLayout:
        filters = QHBoxLayout()
        filters.addWidget(QLabel(_("Show"), self))
        filters.addWidget(self.kind_combo)
        filters.addWidget(self.competence_combo)
        filters.addStretch(1)
        return filters

    def _build_body(self) -> QSplitter:
        timeline_box = QWidget(self)
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        timeline_layout.addLayout(self._build_filters())
        timeline_layout.addWidget(self.timeline, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(timeline_box)
        splitter.addWidget(self.side_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([640, SIDE_PANEL_WIDTH])
        return splitter

    def show_student(self, student_id: str) -> None:
        """Load and show one student's file."""
        try:
            self.file = self._service.open(student_id)
        except UserFacingError as error:
            show_problem(self, error)
            return
        student = self.file.student
        self.title.setText(student.full_name)
        facts = [student.group, student.programme]
        if student.level:
            facts.append(_("level {n}").format(n=student.level))
        if student.pathway:
            facts.append(student.pathway.value)
        if student.year_of_study:
            facts.append(_("year {n}").format(n=student.year_of_study))
        if student.status is StudentStatus.ARCHIVED:
            facts.append(
                _("archived since {date}").format(
                    date=short_date(student.leave_date) if student.leave_date else "?"
                )
            )
        facts.append(summary_line(self.file))
        self.facts_label.setText(" · ".join(part for part in facts if part))
        self.contacts_label.setText(contacts_line(self.file.contacts))
        self.contacts_label.setVisible(bool(self.file.contacts))
        self.archive_button.setText(
            _("Make active again") if student.status is StudentStatus.ARCHIVED else _("Archive…")
        )
        self.timeline_model.set_events(
            self.file.events, self.kind_combo.current_value(), self.competence_combo.current_value()
        )
        self.timeline.expandAll()
        self._fill_side_panel()
        self.actions_bar.show()
        self.conversation_button.show()
        self.body.show()

    def _event_activated(self, index: QModelIndex) -> None:
        event = self.timeline_model.index(index.row(), 0, index.parent()).data(
            TimelineModel.EVENT_ROLE
        )
        if event is not None and event.kind is TimelineKind.REFLECTION:
            self.reflection_open_requested.emit(event.record_id)

    def _apply_filter(self) -> None:
        self.timeline_model.set_filter(
            self.kind_combo.current_value(), self.competence_combo.current_value()
        )
        self.timeline.expandAll()

    def _fill_side_panel(self) -> None:
        assert self.file is not None
        self.side_panel.show_file(self.file, self.today)

    def _rewrap_timeline(self) -> None:
        """A wider or narrower text column changes how many lines each row needs."""
        self.timeline.doItemsLayout()

    def _reload(self) -> None:
        assert self.file is not None
        student_id = self.file.student.id
        self.show_student(student_id)
        self.student_changed.emit(student_id)

    def _add_experience(self) -> None:
        assert self.file is not None
        answer = ExperienceDialog.ask(self, self.file.student.id, self.file.reflections)
        if answer is None:
            return
        try:
            self._service.add_experience(*answer)
        except UserFacingError as error:
            show_problem(self, error)
            return
        self._reload()

    def _edit(self) -> None:
        assert self.file is not None
        answer = StudentDialog.ask(self, self.file.student, self.file.contacts)
        if answer is None:
            return
        student, contacts, reason = answer
        try:
            self._service.save_student(student, contacts, reason)
        except UserFacingError as error:
            show_problem(self, error)
            return
        self._reload()

    def _archive_or_reactivate(self) -> None:
        assert self.file is not None
        student = self.file.student
        if student.status is StudentStatus.ARCHIVED:
            self._service.reactivate(student.id)
        else:
            leave_date = ArchiveDialog.ask(self, student.full_name)
            if leave_date is None:
                return
            self._service.archive(student.id, leave_date)
        self._reload()
