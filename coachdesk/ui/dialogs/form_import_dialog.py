"""Ingevuld formulier inlezen: what came back on a scan form, beside what CoachDesk has.

Nothing is stored until the coach says so; a form read before, or one with open
statements, says that first and the button says what will happen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.domain.competences import scale_label
from coachdesk.domain.people import Person
from coachdesk.domain.scan_forms import form_code
from coachdesk.i18n import _
from coachdesk.i18n.dates import long_date, short_date
from coachdesk.services.competence_scan import statements
from coachdesk.services.scan_forms import FormReading, earlier_text
from coachdesk.ui.widgets import dialog_buttons, hint


class FormImportDialog(QDialog):
    """Shows a filled-in form next to what is known, and asks before storing it."""

    def __init__(self, reading: FormReading, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Read in a filled-in form"))
        self.setMinimumWidth(760)
        form, student = reading.form, reading.student
        who = reading.filled_by or form.rater.label
        title = QLabel(
            "<b>"
            + _("{who} about {name}").format(who=who, name=student.full_name).replace("<", "&lt;")
            + "</b>",
            self,
        )
        title.setTextFormat(Qt.TextFormat.RichText)
        facts = hint(
            _("Form code {code} · filled in on {date} · made on {made}").format(
                code=form_code(form.id),
                date=long_date(reading.filled_on) if reading.filled_on else _("no date"),
                made=long_date(form.created_at.date()),
            ),
            self,
        )
        self.table = self._answers(reading)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(facts)
        layout.addWidget(self.table, 1)
        if form.rater is Person.WORKPLACE_TRAINER:
            for label, text in (
                (_("How they see {name}").format(name=student.given_name), reading.view),
                (_("To talk about"), reading.points),
                (_("Proposals for agreements"), reading.proposals),
            ):
                layout.addWidget(QLabel(f"<b>{label}</b>", self))
                words = QLabel(text or "–", self)
                words.setWordWrap(True)
                words.setTextFormat(Qt.TextFormat.PlainText)
                words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                layout.addWidget(words)
            where = (
                _("Their view and points go to the preparation of the {kind} on {date}.").format(
                    kind=reading.conversation.kind.label.lower(),
                    date=short_date(reading.conversation.date),
                )
                if reading.conversation
                else _("Their view and points go to the next trialoog you plan.")
            )
            layout.addWidget(hint(where, self))
        self.questions = [*reading.questions()]
        if not reading.agreed and form.rater is Person.WORKPLACE_TRAINER:
            self.questions.append(_("The workplace trainer did not tick “akkoord”."))
        self.question_label = QLabel("\n".join(self.questions), self)
        self.question_label.setWordWrap(True)
        bold = self.question_label.font()
        bold.setBold(True)
        self.question_label.setFont(bold)
        self.question_label.setVisible(bool(self.questions))
        layout.addWidget(self.question_label)
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok)
        self.read_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.read_button.setText(_("Replace and read in") if reading.already_read else _("Read in"))
        layout.addWidget(buttons)

    def _answers(self, reading: FormReading) -> QTableWidget:
        known = (
            _("Before ({date})").format(date=short_date(reading.known_date))
            if reading.known_date
            else _("Before")
        )
        rows = list(enumerate(statements(), start=1))
        table = QTableWidget(len(rows), 3, self)
        table.setHorizontalHeaderLabels([_("Statement"), _("Filled in"), known])
        table.setAccessibleName(_("Answers on the form"))
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, (number, statement) in enumerate(rows):
            answer = reading.answers.get(statement.id)
            cells = (
                f"{number}. {statement.text(reading.form.rater)}",
                scale_label(answer) if answer else _("not filled in"),
                earlier_text(reading, statement),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 1 and answer is None:
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                table.setItem(row, column, item)
        table.setMinimumHeight(260)
        return table

    @classmethod
    def confirm(cls, parent: QWidget | None, reading: FormReading) -> bool:
        """Return whether the coach chose to store what the form holds."""
        return cls(reading, parent).exec() == QDialog.DialogCode.Accepted
