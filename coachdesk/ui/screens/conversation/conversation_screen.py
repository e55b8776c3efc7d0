"""Gesprek: one student's conversations and the three steps of the chosen one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.domain.conversations import Conversation, ConversationState
from coachdesk.domain.people import SUMMARY_READERS, Person
from coachdesk.domain.students import Student
from coachdesk.errors import UserFacingError
from coachdesk.i18n import _
from coachdesk.i18n.dates import clock_time, long_date
from coachdesk.services.closing import Closing, needs_party_views
from coachdesk.ui.controllers.conversation_outputs import ConversationOutputs
from coachdesk.ui.dialogs.start_conversation_dialog import StartConversationDialog
from coachdesk.ui.file_choice import saved_message
from coachdesk.ui.messages import show_problem
from coachdesk.ui.scan_form_actions import read_scan_form, save_scan_form
from coachdesk.ui.screens.conversation.calm_view import CalmConversationView
from coachdesk.ui.screens.conversation.prepare_step import PrepareStep
from coachdesk.ui.screens.conversation.read_back_view import ReadBackView
from coachdesk.ui.screens.conversation.wrap_up_step import WrapUpStep
from coachdesk.ui.widgets import ChoiceCombo, hint, menu_button, screen_title
from coachdesk.ui.window_services import ConversationServices


class ConversationScreen(QWidget):
    """Conversations with one student; prepare, hold (calm mode, F5) and close the chosen one.

    Signals:
        conversations_changed(str): a conversation of this student id was added or closed.
        file_saved(str): a report, card or calendar file was written; says where.
    """

    conversations_changed = Signal(str)
    file_saved = Signal(str)

    def __init__(
        self,
        services: ConversationServices,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.today = today or dt.date.today()
        self.student: Student | None = None
        self.conversation: Conversation | None = None
        self.calm_view: CalmConversationView | None = None
        self.outputs = ConversationOutputs(self, services)
        self.title = screen_title(_("Conversation"), self)
        self.empty_hint = hint(
            _("Choose a student under My students to see their conversations."), self
        )
        self.new_button = QPushButton(_("New conversation…"), self)
        self.new_button.setProperty("role", "primary")
        self.new_button.clicked.connect(self.new_conversation)
        self.calm_button = QPushButton(_("2 · In conversation (F5)"), self)
        self.calm_button.clicked.connect(self.enter_calm_mode)
        self.conversation_combo = ChoiceCombo(parent=self)
        self.conversation_combo.setMinimumWidth(260)
        # Narrower than its longest choice when it must (English at 125 %): it shows them whole.
        self.conversation_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.conversation_combo.setAccessibleName(_("Conversation"))
        self.conversation_combo.currentIndexChanged.connect(self._choice_changed)
        self.prepare_step = PrepareStep(services.flow, services.bank, self)
        self.prepare_step.prep_card_requested.connect(self.outputs.save_prep_card)
        self.prepare_step.trainer_box.form_requested.connect(self._save_trainer_form)
        self.prepare_step.trainer_box.import_requested.connect(self._read_trainer_form)
        self.wrap_up_step = WrapUpStep(self)
        self.wrap_up_step.close_requested.connect(self._close_conversation)
        self.wrap_up_step.read_back_requested.connect(self.read_back)
        self.wrap_up_step.draft_changed.connect(self._save_draft)
        self.wrap_up_step.calendar_requested.connect(self.outputs.save_calendar_file)
        self.read_back_view: ReadBackView | None = None
        self.steps = QTabWidget(self)
        self.steps.addTab(self.prepare_step, _("1 · Prepare"))
        self.steps.addTab(self.wrap_up_step, _("3 · Close together"))

        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(_("Conversation"), self))
        chooser.addWidget(self.conversation_combo, 1)
        chooser.addSpacing(12)
        chooser.addWidget(self.calm_button)
        self.pdf_button = self._report_button(_("Report (PDF)"), self.save_report)
        self.print_button = self._report_button(_("Print"), self.outputs.print_report)
        chooser.addWidget(self.pdf_button)
        chooser.addWidget(self.print_button)
        self.body = QWidget(self)
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(chooser)
        body_layout.addWidget(self.steps, 1)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(heading)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.body, 1)
        self.body.hide()
        self.new_button.hide()

    def show_student(self, student: Student, select: str | None = None) -> None:
        """Show the conversations with ``student``; select one by id, else the newest."""
        self.student = student
        self.title.setText(_("Conversations with {name}").format(name=student.given_name))
        conversations = self._services.log.for_student(student.id)
        self.empty_hint.setText(
            _("No conversations with this student yet. Start one with New conversation (Ctrl+N).")
        )
        self.empty_hint.setVisible(not conversations)
        self.new_button.show()
        self.body.setVisible(bool(conversations))
        self.conversation = None
        self.conversation_combo.blockSignals(True)
        self.conversation_combo.clear_choices()
        for conversation in conversations:
            self.conversation_combo.add_choice(self._describe(conversation), conversation)
        chosen = next((c for c in conversations if c.id == select), None)
        self.conversation_combo.select_value(chosen)
        self.conversation_combo.blockSignals(False)
        if conversations:
            self._load(self.conversation_combo.current_value())

    @staticmethod
    def _describe(conversation: Conversation) -> str:
        day = long_date(conversation.date)
        if conversation.time is not None:
            day = _("{date} at {time}").format(date=day, time=clock_time(conversation.time))
        return " · ".join((day, conversation.kind.label, conversation.state.label))

    def _choice_changed(self) -> None:
        conversation = self.conversation_combo.current_value()
        if conversation is not None:
            self._load(conversation)

    def _load(self, conversation: Conversation) -> None:
        if self.conversation is not None and self.conversation.id == conversation.id:
            return
        assert self.student is not None
        self.wrap_up_step.autosave.save_now()  # the last words typed, before the form is read
        flow = self._services.flow
        self.conversation = conversation
        preparation = flow.prepare(conversation.id)
        self.prepare_step.show_preparation(preparation)
        participants = {p.role for p in preparation.participants}
        self.wrap_up_step.show_closing(
            conversation,
            self.student,
            flow.closing(conversation.id),
            self.today,
            owners=flow.owners(conversation.id),
            open_goals=preparation.open_goals,
            keywords=flow.keywords(conversation.id),
            trainer_reads=needs_party_views(conversation.kind)
            or Person.WORKPLACE_TRAINER in participants,
        )
        # Where the conversation stands: still to prepare, or (held, closed) to close together.
        planned = conversation.state is ConversationState.PREPARED
        self.steps.setCurrentWidget(self.prepare_step if planned else self.wrap_up_step)

    def new_conversation(self) -> None:
        """Plan a conversation with the current student and open its preparation."""
        if self.student is None:
            return
        contacts = self._services.student_file.open(self.student.id).contacts
        answer = StartConversationDialog.ask(
            self,
            self.student,
            contacts,
            self._services.settings.coach_name(),
            today=self.today,
            still_open=self._services.flow.current(self.student.id, self.today),
        )
        if answer is None:
            return
        if isinstance(answer, Conversation):  # the one not closed yet, instead of a new one
            self.conversation = None
            self.show_student(self.student, select=answer.id)
            return
        try:
            coach = next(name for role, name, _id in answer.participants if role is Person.COACH)
            if coach:
                self._services.settings.set_coach_name(coach)
            conversation = self._services.flow.start(
                self.student.id,
                answer.kind,
                answer.date,
                answer.participants,
                time=answer.time,
                place=answer.place,
            )
        except UserFacingError as error:
            show_problem(self, error)
            return
        self.conversation = None
        self.show_student(self.student, select=conversation.id)
        self.steps.setCurrentWidget(self.prepare_step)
        self.conversations_changed.emit(self.student.id)

    def enter_calm_mode(self) -> None:
        """Open the calm, full-screen view for the chosen conversation."""
        if self.conversation is None or self.calm_view is not None:
            return
        conversation_id = self.conversation.id
        flow = self._services.flow
        view = CalmConversationView(
            flow.calm_view(conversation_id, self.today),
            lambda question, text: flow.save_keywords(conversation_id, question, text),
        )
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.left.connect(self._left_calm_mode)
        self.calm_view = view
        # Nothing else stays on screen: the main window with its lists goes away meanwhile.
        self.window().hide()
        view.showFullScreen()
        view.activateWindow()
        view.setFocus()

    def _left_calm_mode(self) -> None:
        """Back from the talk straight into closing together, the cursor in the summary."""
        self.calm_view = None
        self.window().show()
        self.window().activateWindow()
        self.steps.setCurrentWidget(self.wrap_up_step)
        self._refresh_current()
        self.wrap_up_step.summary_edit.setFocus()

    def _refresh_current(self) -> None:
        if self.student is not None and self.conversation is not None:
            selected = self.conversation.id
            self.conversation = None
            self.show_student(self.student, select=selected)

    def _save_draft(self, conversation_id: str, closing: Closing) -> None:
        try:
            self._services.flow.save_draft(conversation_id, closing)
        except UserFacingError as error:
            show_problem(self, error)

    def save_typing(self) -> None:
        """Store what is being typed now (keywords, the close): before a lock or quitting."""
        if self.calm_view is not None:
            self.calm_view.save_now()
        self.wrap_up_step.autosave.save_now()

    def _ready_to_close(self, closing: Closing) -> bool:
        """Return whether every date can be read and any odd date was confirmed."""
        assert self.conversation is not None
        unreadable = self.wrap_up_step.unreadable_dates()
        if unreadable:
            field = unreadable[0]
            QMessageBox.information(
                self,
                _("Close together"),
                _(
                    "“{text}” is not a date or time CoachDesk can read. Type it as 18-12-2026 "
                    "or 14:30, pick it from the calendar, or leave the field empty."
                ).format(text=field.edit.text()),
            )
            field.edit.setFocus()
            return False
        warnings = self._services.flow.warnings(self.conversation.id, closing, self.today)
        if not warnings:
            return True
        answer = QMessageBox.question(
            self,
            _("Close together"),
            "\n\n".join([*warnings, _("Close the conversation anyway?")]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _close_conversation(self, closing: Closing) -> None:
        assert self.conversation is not None and self.student is not None
        if not self._ready_to_close(closing):
            return
        self.wrap_up_step.autosave.save_now()  # nothing pending that could outlive the close
        try:
            self._services.flow.close(self.conversation.id, closing, self.today)
        except UserFacingError as error:
            show_problem(self, error)
            return
        self._refresh_current()
        self.conversations_changed.emit(self.student.id)

    def read_back(self, closing: Closing) -> None:
        """Show the student's version full screen, to read back together before closing."""
        if self.conversation is None or self.read_back_view is not None:
            return
        try:
            summary = self._services.reports.preview(
                self.conversation.id, closing, self._services.settings.school_name()
            )
        except UserFacingError as error:
            show_problem(self, error)
            return
        view = ReadBackView(summary)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.confirmed.connect(self._read_back_confirmed)
        view.left.connect(self._left_read_back)
        self.read_back_view = view
        view.showFullScreen()
        view.activateWindow()

    def _read_back_confirmed(self) -> None:
        self.wrap_up_step.mark_read_back()
        self._close_conversation(self.wrap_up_step.closing())

    def _left_read_back(self) -> None:
        self.read_back_view = None
        self.window().activateWindow()

    def _report_button(self, text: str, action: Callable[[Person], None]) -> QPushButton:
        button, menu = menu_button(text, self)
        for reader in SUMMARY_READERS:
            menu.addAction(reader.report_label, partial(action, reader))
        return button

    def _save_trainer_form(self) -> None:
        if self.conversation is not None and self.student is not None:
            target = save_scan_form(
                self,
                self._services.forms,
                self.student,
                Person.WORKPLACE_TRAINER,
                self.today,
                conversation_id=self.conversation.id,
            )
            if target is not None:
                self.file_saved.emit(saved_message(target))

    def _read_trainer_form(self) -> None:
        conversation = self.conversation
        if conversation is None or self.student is None:
            return
        if read_scan_form(self, self._services.forms, self.today, self.student.id):
            self.conversation = None  # read the preparation and the close again
            self._load(conversation)

    def save_report(self, reader: Person) -> None:
        """Ask where to save the PDF report for ``reader``, then write it."""
        self.outputs.save_report(reader)

    def save_prep_card(self) -> None:
        """Ask where to save the one-page preparation card, then write it."""
        self.outputs.save_prep_card()
