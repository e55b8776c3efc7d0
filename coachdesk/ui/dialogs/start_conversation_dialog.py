"""Nieuw gesprek: kind, date, time, place and who sits at the table."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.domain.conversations import Conversation, ConversationKind
from coachdesk.domain.people import PARTICIPANTS, Person
from coachdesk.domain.students import Contact, Student, next_to_invite
from coachdesk.i18n import _
from coachdesk.i18n.dates import weekday_date
from coachdesk.services.closing import needs_party_views
from coachdesk.services.participants import default_participants
from coachdesk.ui.date_field import DateField, TimeField
from coachdesk.ui.widgets import ChoiceCombo, dialog_buttons, hint

Attendee = tuple[Person, str, str | None]


@dataclass(frozen=True)
class PlannedConversation:
    """What the coach planned: the kind, when and where, and who takes part."""

    kind: ConversationKind
    date: dt.date
    time: dt.time | None
    place: str
    participants: list[Attendee]


class _ParticipantRow(QWidget):
    def __init__(self, person: Attendee, parent: QWidget) -> None:
        super().__init__(parent)
        role, name, contact_id = person
        self.contact_id = contact_id
        self.role_combo = ChoiceCombo(((r.label, r) for r in PARTICIPANTS), self)
        self.role_combo.select_value(role)
        self.role_combo.setAccessibleName(_("Role"))
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setAccessibleName(_("Name"))
        self.remove_button = QPushButton(_("Remove"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.role_combo)
        layout.addWidget(self.name_edit, 1)
        layout.addWidget(self.remove_button)

    def person(self) -> Attendee:
        return self.role_combo.current_value(), self.name_edit.text().strip(), self.contact_id


class StartConversationDialog(QDialog):
    """Plans a conversation; participants follow the kind (a trialogue brings the trainer)."""

    def __init__(
        self,
        student: Student,
        contacts: list[Contact],
        coach_name: str,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        still_open: Conversation | None = None,
    ) -> None:
        super().__init__(parent)
        self.open_instead = False
        """The coach chose to open ``still_open`` rather than plan another conversation."""
        self.setWindowTitle(_("New conversation"))  # no names in window titles: they leak
        self.setMinimumWidth(680)
        self._student, self._contacts = student, contacts
        self.kind_combo = ChoiceCombo(((k.label, k) for k in ConversationKind), self)
        day = today or dt.date.today()
        self.date_field = DateField(day, day, _("Date"), self)
        self.time_field = TimeField(None, _("Time"), self)
        self.place_edit = QLineEdit(self)
        self.place_edit.setAccessibleName(_("Place"))
        self.place_edit.setPlaceholderText(_("e.g. room 2.14, or the internship company"))
        when = QHBoxLayout()
        when.addWidget(self.date_field, 1)
        when.addWidget(QLabel(_("at"), self))
        when.addWidget(self.time_field)
        self.coach_edit = QLineEdit(coach_name, self)
        self.coach_edit.setPlaceholderText(_("your name"))
        self.rows_box = QWidget(self)
        self.rows_layout = QVBoxLayout(self.rows_box)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows: list[_ParticipantRow] = []
        self.add_button = QPushButton(_("Add participant"), self)
        self.add_button.clicked.connect(self._add_next)
        self.problem_label = QLabel(self)
        self.problem_label.setProperty("state", "problem")
        self.buttons = dialog_buttons(self, on_accept=self._accept_if_valid)
        self.kind_combo.currentIndexChanged.connect(self._fill_participants)
        form = QFormLayout(self)
        if still_open is not None:
            self._add_still_open(form, still_open)
        form.addRow(_("Kind"), self.kind_combo)
        form.addRow(_("Date"), when)
        form.addRow(_("Place"), self.place_edit)
        form.addRow(_("Coach"), self.coach_edit)
        form.addRow(_("Participants"), self.rows_box)
        form.addRow("", self.add_button)
        form.addRow(self.problem_label)
        form.addRow(self.buttons)
        self._fill_participants()

    def _add_still_open(self, form: QFormLayout, conversation: Conversation) -> None:
        """Offer the conversation not closed yet first, so no second one is planned by mistake.

        Found walking: with a trialoog prepared for tomorrow, Ctrl+N planned another for today
        and the caseload kept naming tomorrow as the next conversation.
        """
        notice = hint(
            _("A {kind} for {date} is not closed yet.").format(
                kind=conversation.kind.label.lower(), date=weekday_date(conversation.date)
            ),
            self,
        )
        self.open_button = QPushButton(_("&Open that conversation"), self)
        self.open_button.clicked.connect(self._open_instead)
        form.addRow(notice)  # a row of its own: wrapped, it keeps its whole height
        button_row = QHBoxLayout()
        button_row.addWidget(self.open_button)
        button_row.addStretch(1)
        form.addRow(button_row)
        QWidget.setTabOrder(self.open_button, self.kind_combo)  # first in Tab, as on screen

    def _open_instead(self) -> None:
        self.open_instead = True
        self.reject()

    def _add_next(self) -> None:
        """Add the next contact not yet at the table (parents first), the cursor on the name."""
        present = (row.contact_id for row in self.rows if row.contact_id)
        contact = next_to_invite(self._contacts, present)
        person = (contact.role, contact.name, contact.id) if contact else (Person.PARENTS, "", None)
        self._add_row(person).name_edit.setFocus()

    def _add_row(self, person: Attendee) -> _ParticipantRow:
        row = _ParticipantRow(person, self.rows_box)
        row.remove_button.clicked.connect(lambda: self._remove_row(row))
        self.rows.append(row)
        self.rows_layout.addWidget(row)
        self._order_tabs()
        return row

    def _remove_row(self, row: _ParticipantRow) -> None:
        self.rows.remove(row)
        row.hide()  # gone at once, not only when the event loop deletes it
        row.deleteLater()
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes from the coach through every participant row to the buttons, as read.

        Rows are made after the buttons, so Qt's own order would put them last.
        """
        chain: list[QWidget] = [self.coach_edit]
        for row in self.rows:
            chain += [row.role_combo, row.name_edit, row.remove_button]
        chain += [self.add_button, *self.buttons.buttons()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _fill_participants(self) -> None:
        for row in list(self.rows):
            self._remove_row(row)
        people = default_participants(
            self._student,
            self.kind_combo.current_value(),
            self.coach_edit.text().strip(),
            self._contacts,
        )
        for person in people:
            if person[0] is not Person.COACH:
                self._add_row(person)
        companies = [c.company for c in self._contacts if c.company.strip()]
        at_work = needs_party_views(self.kind_combo.current_value()) and companies
        if not self.place_edit.isModified():  # the coach's own place is never overwritten
            self.place_edit.setText(companies[0] if at_work else "")

    def participants(self) -> list[Attendee]:
        """Return the coach and every named participant."""
        coach: Attendee = (Person.COACH, self.coach_edit.text().strip(), None)
        return [coach, *(p for p in (row.person() for row in self.rows) if p[1])]

    def _accept_if_valid(self) -> None:
        if self.date_field.value() is None:
            self.problem_label.setText(_("Type the date as 18-12-2026, or pick it."))
            return
        if not self.time_field.is_valid():
            self.problem_label.setText(_("Type the time as 14:30, or leave it empty."))
            return
        roles = [role for role, _name, _id in self.participants()]
        if self.kind_combo.current_value() is ConversationKind.TRIALOGUE and (
            Person.WORKPLACE_TRAINER not in roles
        ):
            self.problem_label.setText(_("A trialogue needs the workplace trainer at the table."))
            return
        if Person.STUDENT not in roles:
            self.problem_label.setText(_("The student takes part in every conversation."))
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        student: Student,
        contacts: list[Contact],
        coach_name: str,
        *,
        today: dt.date,
        still_open: Conversation | None = None,
    ) -> PlannedConversation | Conversation | None:
        """Return what was planned, ``still_open`` when the coach opens that one instead, or
        ``None`` when cancelled."""
        dialog = cls(student, contacts, coach_name, parent, today=today, still_open=still_open)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return still_open if dialog.open_instead else None
        day = dialog.date_field.value()
        assert day is not None  # accepted only with a date
        return PlannedConversation(
            kind=dialog.kind_combo.current_value(),
            date=day,
            time=dialog.time_field.value(),
            place=dialog.place_edit.text().strip(),
            participants=dialog.participants(),
        )
