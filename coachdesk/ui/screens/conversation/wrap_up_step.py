"""Samen afronden: the close, written by coach and student side by side.

One column in large type, with the keywords from the talk beside it to draw from. Every
part says who will read it; agreements read as the sentences the student gets. What is
typed is saved as a draft while typing, so closing later (or after a crash) loses nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.domain.agreements import Agreement, Goal, GoalStatus
from coachdesk.domain.competences import Competence
from coachdesk.domain.conversations import Conversation
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.people import SHARED_READERS, Person
from coachdesk.domain.students import Student
from coachdesk.i18n import _
from coachdesk.services.closing import (
    Closing,
    Owner,
    SharedText,
    closing_state,
    consent_giver_label,
    needs_party_views,
    version_contents,
)
from coachdesk.ui.autosave import AutosavePolicy
from coachdesk.ui.date_field import DateField, TimeField
from coachdesk.ui.screens.conversation.closing_parts import (
    AgreementRow,
    GoalRow,
    SharedTextBox,
    SharingSection,
    part_heading,
)
from coachdesk.ui.screens.conversation.keywords_panel import KeywordsPanel
from coachdesk.ui.screens.conversation.next_appointment import NextAppointment
from coachdesk.ui.screens.conversation.one_column_scroller import OneColumnScroller
from coachdesk.ui.screens.conversation.private_note import PrivateNote
from coachdesk.ui.widgets import ChoiceCombo, hint


class WrapUpStep(QWidget):
    """The close of one conversation; "Afronden" stores it all at once.

    Signals:
        close_requested(Closing): Afronden (Ctrl+Enter) with every date readable.
        read_back_requested(Closing): Samen nakijken (F6).
        calendar_requested(Closing): Zet in agenda, for the next appointment.
        draft_changed(str, Closing): the close of this conversation id changed; keep a draft.
    """

    close_requested = Signal(object)
    read_back_requested = Signal(object)
    calendar_requested = Signal(object)
    draft_changed = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conversation: Conversation | None = None
        self._closing = Closing()
        self.scroller = OneColumnScroller(self)
        self.keywords_view = KeywordsPanel(self)
        self.read_back_button = QPushButton(_("Read back together (F6)"), self)
        self.read_back_button.clicked.connect(self._request_read_back)
        self.close_button = QPushButton(_("Close and save (Ctrl+Enter)"), self)
        self.close_button.setProperty("role", "primary")
        self.close_button.clicked.connect(self._request_close)
        self.state_label = hint("", self)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._request_close)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self._request_close)
        QShortcut(QKeySequence("F6"), self, self._request_read_back)
        self.autosave = AutosavePolicy(self._save_draft, self)

        side = QVBoxLayout()
        side.addWidget(part_heading(_("From the conversation"), self))
        side.addWidget(self.keywords_view, 1)
        columns = QHBoxLayout()
        columns.addWidget(self.scroller, 1)
        columns.addSpacing(12)
        columns.addLayout(side)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state_label, 1)
        bottom.addWidget(self.read_back_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

    def show_closing(
        self,
        conversation: Conversation,
        student: Student,
        closing: Closing,
        today: dt.date,
        *,
        owners: Sequence[Owner] = (),
        open_goals: Sequence[Goal] = (),
        keywords: Sequence[tuple[str, str]] = (),
        trainer_reads: bool = False,
    ) -> None:
        """Build the close for one conversation, filled with what was typed before."""
        self.autosave.save_now()
        self.conversation, self._closing, self._today = conversation, closing, today
        self._owners = list(owners) or [Owner(Person.STUDENT, student.given_name)]
        self.keywords_view.show_keywords(keywords)
        self.close_button.setText(
            _("Save changes (Ctrl+Enter)")
            if conversation.closed_at
            else _("Close and save (Ctrl+Enter)")
        )
        offered = [r for r in SHARED_READERS if r is Person.PARENTS or trainer_reads]
        form = QWidget(self.scroller)
        form.setObjectName("togetherForm")
        column = QVBoxLayout(form)
        column.setContentsMargins(4, 0, 16, 16)
        column.setSpacing(6)
        self._add_texts(column, form, closing, offered)
        self._add_agreements_and_goals(column, form, closing, open_goals)
        self._add_next_appointment(column, form, closing)
        sharing_heading = part_heading(_("Who &reads what"), form)
        column.addWidget(sharing_heading)
        self.sharing = SharingSection(
            consent_giver_label(student, today),
            offered,
            {
                Person.PARENTS: closing.share_with_parents,
                Person.WORKPLACE_TRAINER: closing.share_with_trainer,
            },
            form,
        )
        self.sharing.changed.connect(self._changed)
        column.addWidget(self.sharing)
        # A button as buddy would be clicked by Alt+L; the section only takes the focus.
        sharing_heading.setBuddy(self.sharing)
        self.private_note = PrivateNote(closing.private_note, form)
        self.private_note.changed.connect(self._changed)
        column.addWidget(self.private_note)
        column.addStretch(1)
        self.scroller.set_form(form)
        self.state_label.setText(closing_state(conversation))
        self._update_sharing()

    def _add_texts(
        self, column: QVBoxLayout, form: QWidget, closing: Closing, offered: list[Person]
    ) -> None:
        """Add the student's words, what they found out and, in a trialogue, each view."""
        assert self.conversation is not None
        self.summary_box = SharedTextBox(
            _("In the student's own words"), closing.summary, offered, 4, form
        )
        self.summary_box.edit.setPlaceholderText(
            _("What went well, what was discussed — in the student's words")
        )
        self.summary_edit = self.summary_box.edit
        keys = _(
            "Alt+W words · Alt+A agreements · Alt+G goals · Alt+N next appointment · "
            "F6 read back together · Ctrl+Enter close"
        )
        if self.conversation.closed_at:  # as the button says
            keys = keys.rsplit(" · ", 1)[0] + " · " + _("Ctrl+Enter save changes")
        # A line breaks only between two keys, never inside "F6 read back together".
        column.addWidget(
            hint(" · ".join(k.replace(" ", "\u00a0") for k in keys.split(" · ")), form)
        )
        self._part(column, _("In your own &words"), self.summary_box)
        self.insight_boxes: dict[Competence, SharedTextBox] = {}
        for competence in self.conversation.focus_competences:
            part = closing.insights.get(competence, SharedText())
            box = SharedTextBox(competence.label, part, offered, 2, form)
            self.insight_boxes[competence] = box
            self._part(column, _("What you found out: {c}").format(c=competence.label.lower()), box)
        self.view_boxes: dict[NoteKind, SharedTextBox] = {}
        if needs_party_views(self.conversation.kind):
            column.addWidget(part_heading(_("How we each see it"), form))
            for kind, part in closing.views.items():
                box = SharedTextBox(kind.label, part, offered, 2, form)
                self.view_boxes[kind] = box
                column.addWidget(hint(kind.label, form))
                column.addWidget(box)
                box.changed.connect(self._changed)

    def _add_agreements_and_goals(
        self, column: QVBoxLayout, form: QWidget, closing: Closing, open_goals: Sequence[Goal]
    ) -> None:
        """Add the agreements (with an empty one to type in) and the goals."""
        assert self.conversation is not None
        self.agreements_heading = part_heading(_("&Agreements"), form)
        column.addWidget(self.agreements_heading)
        column.addWidget(
            hint(_("Read by: everyone who gets a version. Enter adds the next one."), form)
        )
        self.agreements_box = QVBoxLayout()
        column.addLayout(self.agreements_box)
        self.agreement_rows: list[AgreementRow] = []
        for agreement in closing.agreements:
            self._add_agreement(agreement, focus=False)
        self._add_agreement(None, focus=False)
        add_agreement = QPushButton(_("Add agreement"), form)
        add_agreement.clicked.connect(lambda: self._add_agreement(None))
        column.addWidget(add_agreement, 0, Qt.AlignmentFlag.AlignLeft)

        self.goals_heading = part_heading(_("&Goals"), form)
        column.addWidget(self.goals_heading)
        self.goal_status: list[tuple[Goal, ChoiceCombo]] = []
        for goal in open_goals:
            if goal.conversation_id == self.conversation.id:
                continue
            combo = ChoiceCombo(((status.label, status) for status in GoalStatus), form)
            combo.select_value(
                next((g.status for g in closing.goals if g.id == goal.id), goal.status)
            )
            combo.setAccessibleName(goal.description)
            combo.currentIndexChanged.connect(self._changed)
            row = QHBoxLayout()
            row.addWidget(hint(goal.description, form), 1)
            row.addWidget(combo)
            column.addLayout(row)
            self.goal_status.append((goal, combo))
        self.goals_box = QVBoxLayout()
        column.addLayout(self.goals_box)
        self.goal_rows: list[GoalRow] = []
        earlier = {g.id for g in open_goals}
        for goal in closing.goals:
            if goal.id not in earlier:
                self._add_goal(goal, focus=False)
        if not self.goal_rows:
            self._add_goal(None, focus=False)
        add_goal = QPushButton(_("Add goal"), form)
        add_goal.clicked.connect(lambda: self._add_goal(None))
        column.addWidget(add_goal, 0, Qt.AlignmentFlag.AlignLeft)

    def _add_next_appointment(self, column: QVBoxLayout, form: QWidget, closing: Closing) -> None:
        """Add the next appointment, with its date as the heading's buddy (Alt+N)."""
        appointment = NextAppointment(
            closing.next_appointment, closing.next_time, closing.next_place, self._today, form
        )
        self.next_date, self.next_time = appointment.date, appointment.time
        self.next_place, self.calendar_button = appointment.place, appointment.calendar_button
        self.calendar_button.clicked.connect(self._request_calendar)
        appointment.changed.connect(self._changed)
        column.addWidget(part_heading(_("&Next appointment"), form, self.next_date.edit))
        column.addWidget(appointment)

    def _part(self, column: QVBoxLayout, heading: str, box: SharedTextBox) -> None:
        column.addWidget(part_heading(heading, cast(QWidget, box.parentWidget()), box.edit))
        column.addWidget(box)
        box.changed.connect(self._changed)

    def _add_agreement(self, agreement: Agreement | None, *, focus: bool = True) -> None:
        assert self.conversation is not None
        if agreement is None and self.agreement_rows and self.agreement_rows[-1].value() is None:
            row = self.agreement_rows[-1]  # an empty one is waiting already
        else:
            row = AgreementRow(
                agreement
                or Agreement(
                    student_id=self.conversation.student_id,
                    description="",
                    owner=Person.STUDENT,
                    conversation_id=self.conversation.id,
                ),
                self._owners,
                self._today,
                self.scroller.widget() or self,
            )
            row.changed.connect(self._changed)
            row.next_requested.connect(lambda: self._add_agreement(None))
            row.remove_requested.connect(lambda: self._remove(row))
            self.agreement_rows.append(row)
            self.agreements_box.addWidget(row)
            self.agreements_heading.setBuddy(row.what_edit)  # Alt+A: the newest agreement
        if focus:
            row.what_edit.setFocus()

    def _add_goal(self, goal: Goal | None, *, focus: bool = True) -> None:
        assert self.conversation is not None
        focus_competences = self.conversation.focus_competences
        row = GoalRow(
            goal
            or Goal(
                student_id=self.conversation.student_id,
                description="",
                conversation_id=self.conversation.id,
                competence=focus_competences[0] if focus_competences else None,
            ),
            self.scroller.widget() or self,
        )
        row.changed.connect(self._changed)
        row.remove_requested.connect(lambda: self._remove(row))
        self.goal_rows.append(row)
        self.goals_box.addWidget(row)
        self.goals_heading.setBuddy(row.text_edit)
        if focus:
            row.text_edit.setFocus()

    def _remove(self, row: AgreementRow | GoalRow) -> None:
        """Take a row away; an empty one stays to type in, and Alt+A/Alt+D lead to it."""
        if isinstance(row, AgreementRow):
            self.agreement_rows.remove(row)
            row.deleteLater()
            self._add_agreement(None, focus=False)
            self.agreements_heading.setBuddy(self.agreement_rows[-1].what_edit)
        else:
            self.goal_rows.remove(row)
            row.deleteLater()
            if not self.goal_rows:
                self._add_goal(None, focus=False)
            self.goals_heading.setBuddy(self.goal_rows[-1].text_edit)
        self._changed()

    def _changed(self) -> None:
        # What was read back is no longer what will be closed.
        self._closing = dataclasses.replace(self._closing, read_back=False)
        self._update_sharing()
        self.autosave.changed()

    def _update_sharing(self) -> None:
        """Say, per version, what it will hold as the close is written."""
        closing = self.closing()
        earlier = [combo.current_value() for _goal, combo in self.goal_status]
        for reader in self.sharing.contents:
            self.sharing.show_contents(reader, version_contents(closing, reader, earlier))

    def closing(self) -> Closing:
        """Return what was filled in."""
        return Closing(
            summary=self.summary_box.value(),
            insights={c: box.value() for c, box in self.insight_boxes.items()},
            views={kind: box.value() for kind, box in self.view_boxes.items()},
            agreements=[a for a in (row.value() for row in self.agreement_rows) if a],
            goals=[
                *(g for g in (row.value() for row in self.goal_rows) if g),
                *(
                    dataclasses.replace(goal, status=combo.current_value())
                    for goal, combo in self.goal_status
                    if combo.current_value() is not goal.status
                ),
            ],
            next_appointment=self.next_date.value(),
            next_time=self.next_time.value(),
            next_place=self.next_place.text(),
            private_note=self.private_note.text(),
            share_with_parents=self.sharing.consented(Person.PARENTS),
            share_with_trainer=self.sharing.consented(Person.WORKPLACE_TRAINER),
            read_back=self._closing.read_back,
        )

    def unreadable_dates(self) -> list[DateField | TimeField]:
        """Return the date and time fields whose text is not a date or time."""
        fields: list[DateField | TimeField] = [row.due_field for row in self.agreement_rows]
        fields += [self.next_date, self.next_time]
        return [f for f in fields if not f.is_valid()]

    def mark_read_back(self) -> None:
        """Remember that the student's version, exactly as it is now, was read back together."""
        self._closing = dataclasses.replace(self._closing, read_back=True)

    def _save_draft(self) -> None:
        if self.conversation is not None:  # the form's own conversation, also while switching
            self.draft_changed.emit(self.conversation.id, self.closing())

    def _request_close(self) -> None:
        if self.conversation is not None:
            self.autosave.save_now()
            self.close_requested.emit(self.closing())

    def _request_read_back(self) -> None:
        if self.conversation is not None:
            self.autosave.save_now()
            self.read_back_requested.emit(self.closing())

    def _request_calendar(self) -> None:
        if self.conversation is not None:
            self.calendar_requested.emit(self.closing())
