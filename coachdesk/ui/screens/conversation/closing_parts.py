"""The pieces of Samen afronden: who reads a part, an agreement, a goal, the sharing section.

Each piece says in words what it means for the student's, the parents' and the workplace
trainer's version, so nothing hides behind an unlabelled choice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.domain.agreements import Agreement, Goal, agreement_sentence
from coachdesk.domain.competences import Competence
from coachdesk.domain.people import Person
from coachdesk.i18n import _
from coachdesk.services.closing import Owner, SharedText
from coachdesk.ui.date_field import DateField
from coachdesk.ui.widgets import ChoiceCombo, hint


def part_heading(text: str, parent: QWidget, buddy: QWidget | None = None) -> QLabel:
    """Return the heading of one part of the close; Alt + its underlined letter goes there."""
    label = QLabel(text, parent)
    if buddy is not None:
        label.setBuddy(buddy)
    label.setProperty("role", "partHeading")
    label.setWordWrap(True)
    return label


class ReadersRow(QWidget):
    """ "Leest mee: de student · ☑ de ouders · ☐ de praktijkopleider" under one part.

    Signals:
        changed(): a reader was ticked or unticked.
    """

    changed = Signal()

    def __init__(
        self, readers: Sequence[Person], offered: Sequence[Person], parent: QWidget
    ) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        student = hint(_("Read by: the student"), self)
        student.setWordWrap(False)
        layout.addWidget(student)
        self.checks: dict[Person, QCheckBox] = {}
        for reader in offered:
            check = QCheckBox(reader.sentence_label, self)
            check.setChecked(reader in readers)
            check.toggled.connect(self.changed)
            layout.addWidget(check)
            self.checks[reader] = check
        layout.addStretch(1)

    def readers(self) -> tuple[Person, ...]:
        """Return who reads the part besides the student."""
        return tuple(reader for reader, check in self.checks.items() if check.isChecked())


class SharedTextBox(QWidget):
    """A text written together, with who reads it said underneath.

    Signals:
        changed(): the text or its readers changed.
    """

    changed = Signal()

    def __init__(
        self,
        label: str,
        part: SharedText,
        offered: Sequence[Person],
        lines: int,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit(part.text, self)
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(label)
        self.edit.setFixedHeight(30 * lines + 14)
        self.readers_row = ReadersRow(part.readers, offered, self)
        self.edit.textChanged.connect(self.changed)
        self.readers_row.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.readers_row)

    def value(self) -> SharedText:
        """Return the text and its readers."""
        return SharedText(self.edit.toPlainText(), self.readers_row.readers())


class AgreementRow(QWidget):
    """One agreement: who, what and (optionally) by when, shown as the sentence it becomes.

    Typing a name at the start ("Peter stuurt…") makes that person the owner, unless an
    owner was picked by hand. Enter asks for the next agreement.

    Signals:
        changed(): anything in the agreement changed.
        next_requested(): Enter was pressed; the next agreement is wanted.
        remove_requested(): the coach removed this agreement.
    """

    changed = Signal()
    next_requested = Signal()
    remove_requested = Signal()

    def __init__(
        self, agreement: Agreement, owners: Sequence[Owner], today: dt.date, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.agreement, self._owners, self._today = agreement, list(owners), today
        self.owner_combo = ChoiceCombo(((o.name, o) for o in owners), self)
        self.owner_combo.setAccessibleName(_("Who"))
        self.owner_combo.setMinimumWidth(150)
        current = next(
            (o for o in owners if (o.role, o.name) == (agreement.owner, agreement.owner_name)),
            next((o for o in owners if o.role is agreement.owner), None),
        )
        self.owner_combo.select_value(current)
        self._owner_picked = bool(agreement.description)
        self.what_edit = QLineEdit(agreement.description, self)
        self.what_edit.setPlaceholderText(_("does what, e.g. makes a weekly plan every Monday"))
        self.what_edit.setAccessibleName(_("Agreement"))
        self.due_field = DateField(agreement.due_date, today, _("By when"), self)
        self.remove_button = QToolButton(self)
        self.remove_button.setText("✕")
        self.remove_button.setAccessibleName(_("Remove agreement"))
        self.remove_button.setToolTip(_("Remove agreement"))
        self.sentence_label = QLabel(self)
        self.sentence_label.setProperty("role", "sentence")
        self.sentence_label.setWordWrap(True)

        self.what_edit.textEdited.connect(self._guess_owner)
        self.what_edit.returnPressed.connect(self.next_requested)
        self.due_field.edit.returnPressed.connect(self.next_requested)
        self.owner_combo.activated.connect(self._picked)
        for signal in (
            self.what_edit.textChanged,
            self.owner_combo.currentIndexChanged,
            self.due_field.changed,
        ):
            signal.connect(self._update_sentence)
            signal.connect(self.changed)
        self.remove_button.clicked.connect(self.remove_requested)

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.owner_combo, 0, 0)
        grid.addWidget(self.what_edit, 0, 1, 1, 2)
        grid.addWidget(QLabel(_("by"), self), 1, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.due_field, 1, 1)
        grid.addWidget(self.remove_button, 1, 2, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(1, 1)
        # Below the grid, not in it: a grid gives a wrapped label spanning columns too
        # little height (at 125 % the sentence's last line was cut off).
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 4, 0, 4)
        rows.setSpacing(2)
        rows.addLayout(grid)
        rows.addWidget(self.sentence_label)
        self._update_sentence()

    def _picked(self) -> None:
        self._owner_picked = True

    def _guess_owner(self, text: str) -> None:
        if self._owner_picked or not text.strip():
            return
        first = text.split(maxsplit=1)[0].casefold()
        for owner in self._owners:
            # Only a name ("Peter …", "فاطمة …": scripts without capitals too), never
            # "de ouders" for a sentence starting with "De …".
            if not owner.name[:1].islower() and owner.name.split()[0].casefold() == first:
                self.owner_combo.select_value(owner)
                return

    def _update_sentence(self) -> None:
        value = self.value()
        self.sentence_label.setText(
            "" if value is None else "→ " + agreement_sentence(value, "", self._today)
        )

    def value(self) -> Agreement | None:
        """Return the agreement, or ``None`` while nothing is written."""
        text = self.what_edit.text().strip()
        if not text:
            return None
        owner: Owner = self.owner_combo.current_value()
        return dataclasses.replace(
            self.agreement,
            description=text,
            owner=owner.role,
            owner_name=owner.name,
            due_date=self.due_field.value(),
        )


class GoalRow(QWidget):
    """A new goal in the student's words, linked to a loopbaancompetentie.

    Signals:
        changed(): the goal changed.
        remove_requested(): the coach removed this goal.
    """

    changed = Signal()
    remove_requested = Signal()

    def __init__(self, goal: Goal, parent: QWidget) -> None:
        super().__init__(parent)
        self.goal = goal
        self.text_edit = QLineEdit(goal.description, self)
        self.text_edit.setPlaceholderText(_("The goal in the student's words"))
        self.text_edit.setAccessibleName(_("Goal"))
        self.competence_combo = ChoiceCombo(
            [(_("no competence"), None), *((c.label, c) for c in Competence)], self
        )
        self.competence_combo.select_value(goal.competence)
        self.competence_combo.setAccessibleName(_("Competence"))
        self.remove_button = QPushButton(_("Remove"), self)
        self.remove_button.setAccessibleName(_("Remove goal"))
        self.text_edit.textChanged.connect(self.changed)
        self.competence_combo.currentIndexChanged.connect(self.changed)
        self.remove_button.clicked.connect(self.remove_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.competence_combo)
        layout.addWidget(self.remove_button)

    def value(self) -> Goal | None:
        """Return the goal, or ``None`` while nothing is written."""
        text = self.text_edit.text().strip()
        if not text:
            return None
        return dataclasses.replace(
            self.goal, description=text, competence=self.competence_combo.current_value()
        )


class SharingSection(QWidget):
    """Which versions exist, whose consent each needs, whether it was given, and what it holds.

    Signals:
        changed(): a consent was ticked or unticked.
    """

    changed = Signal()

    def __init__(
        self,
        giver: str,
        offered: Sequence[Person],
        consents: dict[Person, bool],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            hint(
                _("The student's version: always; everything above except your private note."),
                self,
            )
        )
        self.consent_checks: dict[Person, QCheckBox] = {}
        self.contents: dict[Person, QLabel] = {}
        self._giver = giver
        for reader in offered:
            check = QCheckBox(
                _("Version for {reader}: consent given").format(reader=reader.sentence_label),
                self,
            )
            check.setChecked(consents.get(reader, False))
            check.toggled.connect(self.changed)
            contents = hint("", self)
            contents.setContentsMargins(26, 0, 0, 0)
            layout.addWidget(check)
            layout.addWidget(contents)
            self.consent_checks[reader] = check
            self.contents[reader] = contents
        if self.consent_checks:  # Alt+L lands on the first version without deciding it
            self.setFocusProxy(next(iter(self.consent_checks.values())))
            self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def consented(self, reader: Person) -> bool:
        """Return whether consent for ``reader``'s version was given."""
        check = self.consent_checks.get(reader)
        return check is not None and check.isChecked()

    def show_contents(self, reader: Person, parts: list[str]) -> None:
        """Say what ``reader``'s version will hold (or that there will be none)."""
        if not self.consented(reader):
            text = _("No version without consent; {giver} decides.").format(giver=self._giver)
        elif parts:
            text = _("Holds: {parts}.").format(parts=", ".join(parts))
        else:
            text = _("Holds nothing yet.")
        self.contents[reader].setText(text)
