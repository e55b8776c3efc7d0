"""Voorbereiden: what became of last time's agreements, what happened since, and which questions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coachdesk.domain.agreements import Agreement, AgreementStatus, agreement_sentence
from coachdesk.domain.competences import Competence, scale_label
from coachdesk.domain.questions import Phase, Question
from coachdesk.errors import UserFacingError
from coachdesk.i18n import _, every_translation
from coachdesk.i18n.dates import short_date
from coachdesk.services.conversation_flow import ConversationFlow
from coachdesk.services.preparation import Preparation
from coachdesk.services.question_bank import QuestionBank
from coachdesk.ui.messages import show_problem
from coachdesk.ui.screens.conversation.trainer_form_box import TrainerFormBox
from coachdesk.ui.screens.scan.scan_chart import ScanChart
from coachdesk.ui.widgets import ChoiceCombo, hint

QUESTION_ROLE = Qt.ItemDataRole.UserRole + 1


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(f"<b>{text}</b>", parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class _AgreementRow(QWidget):
    """One earlier agreement: what, who, when, and what became of it."""

    def __init__(
        self,
        agreement: Agreement,
        preparation: Preparation,
        flow: ConversationFlow,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.agreement, self._flow = agreement, flow
        sentence = agreement_sentence(
            agreement, preparation.student.given_name, preparation.conversation.date
        )
        text = QLabel(sentence, self)
        text.setWordWrap(True)
        self.status_combo = ChoiceCombo(((s.label, s) for s in AgreementStatus), self)
        self.status_combo.select_value(agreement.status)
        self.status_combo.setAccessibleName(_("What became of it"))
        self.outcome_edit = QLineEdit(agreement.outcome, self)
        self.outcome_edit.setPlaceholderText(_("What happened?"))
        self.status_combo.currentIndexChanged.connect(self._save)
        self.outcome_edit.editingFinished.connect(self._save)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(text, 3)
        layout.addWidget(self.status_combo, 1)
        layout.addWidget(self.outcome_edit, 2)

    def _save(self) -> None:
        status, outcome = self.status_combo.current_value(), self.outcome_edit.text()
        if (status, outcome.strip()) == (self.agreement.status, self.agreement.outcome):
            return
        try:
            self.agreement = self._flow.mark_agreement(self.agreement.id, status, outcome)
        except UserFacingError as error:
            show_problem(self, error)


class PrepareStep(QWidget):
    """The preparation of one conversation; choices are saved as they are made.

    Signals:
        prep_card_requested(): the coach wants the printable preparation card.
    """

    prep_card_requested = Signal()

    def __init__(
        self, flow: ConversationFlow, bank: QuestionBank, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._flow, self._bank = flow, bank
        self.preparation: Preparation | None = None
        self.content = QWidget(self)
        self.content_layout = QVBoxLayout(self.content)
        self.agreements_box = QWidget(self.content)
        self.agreements_layout = QVBoxLayout(self.agreements_box)
        self.agreements_layout.setContentsMargins(0, 0, 0, 0)
        self.goals_label = hint("", self.content)
        self.since_label = hint("", self.content)
        self.scan_box = QWidget(self.content)
        self.scan_grid = QGridLayout(self.scan_box)
        self.scan_grid.setContentsMargins(0, 0, 0, 0)
        self.scan_chart = ScanChart(self.content)
        self.trainer_box = TrainerFormBox(self.content)
        self.focus_checks = {c: QCheckBox(c.label, self.content) for c in Competence}
        focus_row = QHBoxLayout()
        for check in self.focus_checks.values():
            check.toggled.connect(self._focus_changed)
            focus_row.addWidget(check)
        focus_row.addStretch(1)
        self._chosen: list[str] = []
        """The ticked questions in the order they will be asked (and printed)."""
        self.questions_list = QListWidget(self.content)
        self.questions_list.setAccessibleName(_("Questions"))
        # The page scrolls; a list that scrolls inside it would catch the wheel.
        self.questions_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.questions_list.itemChanged.connect(self._ticked)
        self.questions_list.itemDoubleClicked.connect(self._edit_question)
        self.order_list = QListWidget(self.content)
        self.order_list.setAccessibleName(_("Order in the conversation"))
        self.order_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.order_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.order_list.model().rowsMoved.connect(lambda *_args: self._reordered())
        QShortcut(
            QKeySequence("Alt+Up"), self.order_list, lambda: self.move_chosen(-1),
            context=Qt.ShortcutContext.WidgetShortcut,
        )  # fmt: skip
        QShortcut(
            QKeySequence("Alt+Down"), self.order_list, lambda: self.move_chosen(1),
            context=Qt.ShortcutContext.WidgetShortcut,
        )  # fmt: skip
        self.add_question_button = QPushButton(_("Add my own question…"), self.content)
        self.add_question_button.clicked.connect(self._add_question)
        self.remove_question_button = QPushButton(_("Remove my question"), self.content)
        self.remove_question_button.clicked.connect(self._remove_question)
        self.prep_card_button = QPushButton(_("Save preparation card (PDF)…"), self.content)
        self.prep_card_button.clicked.connect(self.prep_card_requested)
        question_buttons = QHBoxLayout()
        question_buttons.addWidget(self.add_question_button)
        question_buttons.addWidget(self.remove_question_button)
        question_buttons.addStretch(1)
        question_buttons.addWidget(self.prep_card_button)

        for widget in (
            _heading(_("Agreements from last time"), self.content),
            self.agreements_box,
            _heading(_("Open goals"), self.content),
            self.goals_label,
            _heading(_("Since the last conversation"), self.content),
            self.since_label,
            _heading(_("Latest competence scan"), self.content),
            self.scan_box,
            self.scan_chart,
            self.trainer_box,
            _heading(_("Focus of this conversation"), self.content),
        ):
            self.content_layout.addWidget(widget)
        self.content_layout.addLayout(focus_row)
        self.content_layout.addWidget(_heading(_("Questions (tick a handful)"), self.content))
        self.content_layout.addWidget(self.questions_list)
        self.content_layout.addLayout(question_buttons)
        self.content_layout.addWidget(
            _heading(_("Order in the conversation (drag, or Alt+↑/↓)"), self.content)
        )
        self.content_layout.addWidget(self.order_list)
        self.content_layout.addStretch(1)
        scroller = QScrollArea(self)
        scroller.setWidget(self.content)
        scroller.setWidgetResizable(True)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroller)

    def show_preparation(self, preparation: Preparation) -> None:
        """Fill the step for one conversation."""
        self.preparation = preparation
        while self.agreements_layout.count():
            item = self.agreements_layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        for agreement in preparation.earlier_agreements:
            self.agreements_layout.addWidget(
                _AgreementRow(agreement, preparation, self._flow, self.agreements_box)
            )
        if not preparation.earlier_agreements:
            self.agreements_layout.addWidget(
                hint(_("No agreements from last time."), self.agreements_box)
            )
        goals = [f"• {g.description}" for g in preparation.open_goals]
        self.goals_label.setText("\n".join(goals) or _("No open goals."))
        since = [f"• {short_date(e.start_date)} {e.title}" for e in preparation.recent_experiences]
        since += [f"• {_reflection_line(r.title)}" for r in preparation.recent_reflections]
        self.since_label.setText("\n".join(since[:12]) or _("Nothing recorded since then."))
        self._show_scan(preparation)
        self.scan_chart.set_history(preparation.scan_history)
        self.trainer_box.show_forms(preparation)
        focus = preparation.conversation.focus_competences
        for competence, check in self.focus_checks.items():
            check.blockSignals(True)
            check.setChecked(competence in focus)
            check.blockSignals(False)
        self._fill_questions()

    def _show_scan(self, preparation: Preparation) -> None:
        while self.scan_grid.count():
            item = self.scan_grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        scans = preparation.latest_scan
        if not scans:
            self.scan_grid.addWidget(hint(_("No scan yet."), self.scan_box), 0, 0)
            return
        self.scan_grid.addWidget(hint(short_date(scans[0].date), self.scan_box), 0, 0)
        for column, scan in enumerate(scans, start=1):
            self.scan_grid.addWidget(QLabel(f"<b>{scan.rater.label}</b>", self.scan_box), 0, column)
        for row, competence in enumerate(Competence, start=1):
            self.scan_grid.addWidget(QLabel(competence.label, self.scan_box), row, 0)
            for column, scan in enumerate(scans, start=1):
                rating = scan.ratings.get(competence)
                text = scale_label(rating) if rating else "–"
                self.scan_grid.addWidget(QLabel(text, self.scan_box), row, column)

    def _focus(self) -> list[Competence]:
        return [c for c, check in self.focus_checks.items() if check.isChecked()]

    def _focus_changed(self) -> None:
        self._save_choices()
        self._fill_questions()

    def _fill_questions(self) -> None:
        assert self.preparation is not None
        self._chosen = list(self.preparation.conversation.questions)
        self.questions_list.blockSignals(True)
        self.questions_list.clear()
        offered = self._bank.questions(self._focus())
        texts = {q.text for q in offered}
        extra = [Question(text=t, phase=Phase.EXPLORING) for t in self._chosen if t not in texts]
        for question in [*extra, *offered]:
            if question.builtin:
                topic = question.competence.label if question.competence else question.phase.label
            else:
                topic = _("my own question")
            item = QListWidgetItem(f"{question.text}   ({topic})")
            item.setData(QUESTION_ROLE, question)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if question.text in self._chosen else Qt.CheckState.Unchecked
            )
            self.questions_list.addItem(item)
        self.questions_list.blockSignals(False)
        _fit_height(self.questions_list)
        self._show_order()

    def _show_order(self) -> None:
        self.order_list.blockSignals(True)
        self.order_list.clear()
        for number, text in enumerate(self._chosen, start=1):
            item = QListWidgetItem(f"{number}. {text}")
            item.setData(QUESTION_ROLE, text)
            self.order_list.addItem(item)
        self.order_list.blockSignals(False)
        _fit_height(self.order_list)

    def _ticked(self, item: QListWidgetItem) -> None:
        """A tick adds the question at the end of the order; unticking takes it out."""
        text = item.data(QUESTION_ROLE).text
        if item.checkState() == Qt.CheckState.Checked and text not in self._chosen:
            self._chosen.append(text)
        elif item.checkState() != Qt.CheckState.Checked and text in self._chosen:
            self._chosen.remove(text)
        self._save_choices()
        self._show_order()

    def _reordered(self) -> None:
        self._chosen = [
            self.order_list.item(row).data(QUESTION_ROLE) for row in range(self.order_list.count())
        ]
        self._save_choices()
        self._show_order()

    def move_chosen(self, delta: int) -> None:
        """Move the selected question up (-1) or down (+1) in the order of the conversation."""
        row = self.order_list.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < len(self._chosen):
            return
        self._chosen.insert(target, self._chosen.pop(row))
        self._save_choices()
        self._show_order()
        self.order_list.setCurrentRow(target)

    def chosen_questions(self) -> list[str]:
        """Return the ticked questions in the order they will be asked."""
        return list(self._chosen)

    def _save_choices(self) -> None:
        if self.preparation is None:
            return
        try:
            conversation = self._flow.choose(
                self.preparation.conversation.id, self._focus(), self.chosen_questions()
            )
        except UserFacingError as error:
            show_problem(self, error)
            return
        self.preparation = self._flow.prepare(conversation.id)

    def _add_question(self) -> None:
        """Add an own question to the bank and tick it for this conversation."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(_("Add my own question"))
        dialog.setLabelText(_("Question"))
        dialog.setMinimumWidth(520)
        if dialog.exec() != QInputDialog.DialogCode.Accepted or not dialog.textValue().strip():
            return
        text = dialog.textValue().strip()
        focus = self._focus()
        try:
            self._bank.add(text, Phase.EXPLORING, focus[0] if focus else None)
        except UserFacingError as error:
            show_problem(self, error)
            return
        if self.preparation is not None and text not in self._chosen:
            self._chosen.append(text)
            self._save_choices()
        self._fill_questions()

    def _edit_question(self, item: QListWidgetItem) -> None:
        question: Question = item.data(QUESTION_ROLE)
        if question.builtin or self._bank_missing(question):
            return
        text, accepted = QInputDialog.getText(
            self, _("Edit my question"), _("Question"), text=question.text
        )
        if accepted:
            try:
                self._bank.edit(question, text)
            except UserFacingError as error:
                show_problem(self, error)
            self._fill_questions()

    def _remove_question(self) -> None:
        item = self.questions_list.currentItem()
        if item is None:
            return
        question: Question = item.data(QUESTION_ROLE)
        if question.builtin or self._bank_missing(question):
            return
        self._bank.delete(question)
        self._fill_questions()

    def _bank_missing(self, question: Question) -> bool:
        """A question kept by a conversation but no longer in the bank cannot be edited."""
        return all(q.id != question.id for q in self._bank.questions())


def _reflection_line(title: str) -> str:
    """Return "Reflection: <title>" once, also for a title begun in the other language.

    A new reflection's title starts as "Reflectie: " or "Reflection: ", in the language of
    that moment; the coach may have switched since.
    """
    for word in every_translation("Reflection"):
        if title.casefold().startswith(word.casefold()):
            title = title[len(word) :].lstrip(" :")
            break
    return _("Reflection") + ": " + title


def _fit_height(widget: QListWidget) -> None:
    """Show every row: the page around the list scrolls, the list itself does not."""
    rows = sum(widget.sizeHintForRow(row) for row in range(widget.count()))
    widget.setFixedHeight(max(rows, widget.fontMetrics().height()) + 2 * widget.frameWidth() + 4)
