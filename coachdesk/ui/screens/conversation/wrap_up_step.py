"""Afronden: what student and coach write down together, and who may read it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coachdesk.domain.agreements import Agreement, Goal, GoalStatus
from coachdesk.domain.audience import Audience
from coachdesk.domain.competences import Competence
from coachdesk.domain.conversations import Conversation
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.roles import Role
from coachdesk.domain.students import Student
from coachdesk.i18n import _
from coachdesk.i18n.dates import short_date
from coachdesk.services.conversation_flow import (
    PARTY_VIEWS,
    Closing,
    consent_giver_label,
    needs_party_views,
)
from coachdesk.ui.widgets import ChoiceCombo, OptionalDateEdit, hint

SHARED_AUDIENCES = (
    Audience.STUDENT,
    Audience.PARENTS,
    Audience.WORKPLACE_TRAINER,
    Audience.PRIVATE,
)


def _text_box(text: str, parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(text, parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(24 * lines + 12)
    return box


def _audience(value: Audience, parent: QWidget) -> ChoiceCombo:
    combo = ChoiceCombo(((a.label, a) for a in SHARED_AUDIENCES), parent)
    combo.select_value(value)
    combo.setToolTip(_("Who may read this"))
    combo.setAccessibleName(_("Who may read this"))
    return combo


class _AgreementRow(QWidget):
    def __init__(self, agreement: Agreement, parent: QWidget) -> None:
        super().__init__(parent)
        self.agreement = agreement
        self.what_edit = QLineEdit(agreement.description, self)
        self.what_edit.setPlaceholderText(_("What will be done?"))
        self.owner_combo = ChoiceCombo(((r.label, r) for r in Role), self)
        self.owner_combo.select_value(agreement.owner)
        self.owner_combo.setAccessibleName(_("Who"))
        self.due_edit = OptionalDateEdit(_("by"), agreement.due_date, self)
        self.remove_button = QPushButton(_("Remove"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.what_edit, 3)
        layout.addWidget(self.owner_combo, 1)
        layout.addWidget(self.due_edit, 1)
        layout.addWidget(self.remove_button)

    def value(self) -> Agreement | None:
        text = self.what_edit.text().strip()
        if not text:
            return None
        a = self.agreement
        return Agreement(
            id=a.id,
            created_at=a.created_at,
            student_id=a.student_id,
            conversation_id=a.conversation_id,
            description=text,
            owner=self.owner_combo.current_value(),
            due_date=self.due_edit.value(),
            status=a.status,
            outcome=a.outcome,
            audience=a.audience,
        )


class _GoalRow(QWidget):
    def __init__(self, goal: Goal, parent: QWidget) -> None:
        super().__init__(parent)
        self.goal = goal
        self.text_edit = QLineEdit(goal.description, self)
        self.text_edit.setPlaceholderText(_("The goal in the student's words"))
        self.competence_combo = ChoiceCombo(
            [("—", None), *((c.label, c) for c in Competence)], self
        )
        self.competence_combo.select_value(goal.competence)
        self.competence_combo.setAccessibleName(_("Competence"))
        self.remove_button = QPushButton(_("Remove"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_edit, 3)
        layout.addWidget(self.competence_combo, 1)
        layout.addWidget(self.remove_button)

    def value(self) -> Goal | None:
        text = self.text_edit.text().strip()
        if not text:
            return None
        g = self.goal
        return Goal(
            id=g.id,
            created_at=g.created_at,
            student_id=g.student_id,
            conversation_id=g.conversation_id,
            description=text,
            competence=self.competence_combo.current_value(),
            target_date=g.target_date,
            status=g.status,
            audience=g.audience,
        )


class WrapUpStep(QWidget):
    """The close of one conversation; "Afronden" saves it all at once.

    Signals:
        close_requested(Closing): the coach pressed Afronden (or Ctrl+Enter).
    """

    close_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conversation: Conversation | None = None
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.close_button = QPushButton(_("Close and save (Ctrl+Enter)"), self)
        self.close_button.setProperty("role", "primary")
        self.close_button.clicked.connect(self._request_close)
        self.state_label = hint("", self)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._request_close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state_label, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroller, 1)
        layout.addLayout(bottom)

    def show_closing(
        self,
        conversation: Conversation,
        student: Student,
        closing: Closing,
        today: dt.date,
        open_goals: Sequence[Goal] = (),
    ) -> None:
        """Build the form for one conversation, filled with what was saved before."""
        self.conversation, self._student = conversation, student
        form_widget = QWidget(self.scroller)
        form = QFormLayout(form_widget)
        self.summary_edit = _text_box(closing.summary, form_widget, 4)
        self.summary_edit.setPlaceholderText(
            _("What went well, what was discussed — in the student's words")
        )
        self.summary_audience = _audience(closing.summary_audience, form_widget)
        self._add_text_row(form, _("Summary"), self.summary_edit, self.summary_audience)
        self.insight_edits: dict[Competence, tuple[QPlainTextEdit, ChoiceCombo]] = {}
        for competence in conversation.focus_competences:
            text, audience = closing.insights.get(competence, ("", Audience.STUDENT))
            edit, combo = _text_box(text, form_widget, 2), _audience(audience, form_widget)
            self.insight_edits[competence] = (edit, combo)
            label = _("Found out: {competence}").format(competence=competence.label)
            self._add_text_row(form, label, edit, combo)
        self.view_edits: dict[NoteKind, tuple[QPlainTextEdit, ChoiceCombo]] = {}
        if needs_party_views(conversation.kind):
            for kind in PARTY_VIEWS:
                text, audience = closing.views.get(kind, ("", Audience.WORKPLACE_TRAINER))
                edit, combo = _text_box(text, form_widget, 2), _audience(audience, form_widget)
                self.view_edits[kind] = (edit, combo)
                self._add_text_row(form, kind.label, edit, combo)
        self.agreement_rows: list[_AgreementRow] = []
        self.agreements_box = QWidget(form_widget)
        QVBoxLayout(self.agreements_box).setContentsMargins(0, 0, 0, 0)
        for agreement in closing.agreements:
            self._add_agreement(agreement)
        add_agreement = QPushButton(_("Add agreement"), form_widget)
        add_agreement.clicked.connect(lambda: self._add_agreement(None))
        form.addRow(_("Agreements"), self.agreements_box)
        form.addRow("", add_agreement)
        self.goal_rows: list[_GoalRow] = []
        self.goals_box = QWidget(form_widget)
        QVBoxLayout(self.goals_box).setContentsMargins(0, 0, 0, 0)
        for goal in closing.goals:
            self._add_goal(goal)
        add_goal = QPushButton(_("Add goal"), form_widget)
        add_goal.clicked.connect(lambda: self._add_goal(None))
        self.goal_status: list[tuple[Goal, ChoiceCombo]] = []
        for goal in open_goals:
            if goal.conversation_id == conversation.id:
                continue
            combo = ChoiceCombo(((status.label, status) for status in GoalStatus), form_widget)
            combo.select_value(goal.status)
            combo.setAccessibleName(goal.description)
            self.goal_status.append((goal, combo))
            form.addRow(hint(goal.description, form_widget), combo)
        form.addRow(_("New goals"), self.goals_box)
        form.addRow("", add_goal)
        self.next_edit = OptionalDateEdit(_("planned"), closing.next_appointment, form_widget)
        form.addRow(_("Next appointment"), self.next_edit)
        self.private_edit = _text_box(closing.private_note, form_widget, 2)
        self.private_edit.setPlaceholderText(_("Only for you; never in a summary or export"))
        form.addRow(_("Private note"), self.private_edit)
        giver = consent_giver_label(student, today)
        self.parents_check = QCheckBox(_("The summary may go to the parents"), form_widget)
        self.parents_check.setChecked(closing.share_with_parents)
        self.trainer_check = QCheckBox(
            _("The summary may go to the workplace trainer"), form_widget
        )
        self.trainer_check.setChecked(closing.share_with_trainer)
        consent = QWidget(form_widget)
        consent_layout = QVBoxLayout(consent)
        consent_layout.setContentsMargins(0, 0, 0, 0)
        consent_layout.addWidget(self.parents_check)
        consent_layout.addWidget(self.trainer_check)
        consent_layout.addWidget(
            hint(_("Consent is given by {giver}.").format(giver=giver), consent)
        )
        form.addRow(_("Sharing"), consent)
        self.scroller.setWidget(form_widget)
        self._show_state(conversation)

    def _show_state(self, conversation: Conversation) -> None:
        parts = []
        if conversation.closed_at:
            parts.append(
                _("Closed on {date}").format(date=short_date(conversation.closed_at.date()))
            )
        if conversation.edited_after_close_at:
            parts.append(
                _("changed after closing on {date}").format(
                    date=short_date(conversation.edited_after_close_at.date())
                )
            )
        self.state_label.setText(" · ".join(parts))

    @staticmethod
    def _add_text_row(
        form: QFormLayout, label: str, edit: QPlainTextEdit, combo: ChoiceCombo
    ) -> None:
        """Add a text and its audience; the text is named after its row, for screen readers."""
        edit.setAccessibleName(label)
        box = QWidget(edit.parentWidget())
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        layout.addWidget(combo, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(label, box)

    def _add_agreement(self, agreement: Agreement | None) -> None:
        assert self.conversation is not None
        row = _AgreementRow(
            agreement
            or Agreement(
                student_id=self.conversation.student_id,
                description="",
                owner=Role.STUDENT,
                conversation_id=self.conversation.id,
            ),
            self.agreements_box,
        )
        row.remove_button.clicked.connect(lambda: self._remove(row, self.agreement_rows))
        self.agreement_rows.append(row)
        self.agreements_box.layout().addWidget(row)
        row.what_edit.setFocus()

    def _add_goal(self, goal: Goal | None) -> None:
        assert self.conversation is not None
        row = _GoalRow(
            goal
            or Goal(
                student_id=self.conversation.student_id,
                description="",
                conversation_id=self.conversation.id,
            ),
            self.goals_box,
        )
        row.remove_button.clicked.connect(lambda: self._remove(row, self.goal_rows))
        self.goal_rows.append(row)
        self.goals_box.layout().addWidget(row)
        row.text_edit.setFocus()

    @staticmethod
    def _remove(row: QWidget, rows: list) -> None:  # type: ignore[type-arg]
        rows.remove(row)
        row.deleteLater()

    def closing(self) -> Closing:
        """Return what was filled in."""
        return Closing(
            summary=self.summary_edit.toPlainText(),
            summary_audience=self.summary_audience.current_value(),
            insights={
                c: (e.toPlainText(), a.current_value()) for c, (e, a) in self.insight_edits.items()
            },
            views={
                k: (e.toPlainText(), a.current_value()) for k, (e, a) in self.view_edits.items()
            },
            agreements=[a for a in (row.value() for row in self.agreement_rows) if a],
            goals=[
                *(g for g in (row.value() for row in self.goal_rows) if g),
                *(
                    dataclasses.replace(goal, status=combo.current_value())
                    for goal, combo in self.goal_status
                    if combo.current_value() is not goal.status
                ),
            ],
            next_appointment=self.next_edit.value(),
            private_note=self.private_edit.toPlainText(),
            share_with_parents=self.parents_check.isChecked(),
            share_with_trainer=self.trainer_check.isChecked(),
        )

    def _request_close(self) -> None:
        if self.conversation is not None:
            self.close_requested.emit(self.closing())
