"""A coach walks a dialogue and a trialogue through prepare, calm mode and close."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from coachdesk.app import build_window
from coachdesk.domain.agreements import Agreement, AgreementStatus
from coachdesk.domain.audience import Note
from coachdesk.domain.competences import Competence
from coachdesk.domain.conversations import ConversationKind, ConversationState
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.people import COACH_ONLY, Person
from coachdesk.domain.students import Student
from coachdesk.services.closing import Owner
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.ui.autosave import AFTER_PAUSE_S, AutosavePolicy
from coachdesk.ui.dialogs.start_conversation_dialog import StartConversationDialog
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.screens.conversation.closing_parts import AgreementRow
from coachdesk.ui.screens.conversation.conversation_screen import ConversationScreen
from coachdesk.ui.screens.conversation.prepare_step import QUESTION_ROLE
from tests.helpers import FakeClock, answer_next_dialog

TODAY = dt.date(2026, 11, 23)
PRIVATE_TEXT = "Zorgmelding: thuis gaat het niet goed"


@pytest.fixture
def workspace(data_dir: Path):
    opened = Workspace.open(StoreLocation(data_dir, demo=True))
    fill_with_demo(opened.repos, students=12, today=TODAY)
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot, workspace: Workspace):
    main = build_window(workspace, TODAY)
    qtbot.addWidget(main)
    with qtbot.waitActive(main):
        main.show()
        main.activateWindow()
    yield main
    main.close()


def _start(qtbot, window: MainWindow, kind: ConversationKind) -> ConversationScreen:
    entry = window.caseload_screen.model.entry_at(0)
    window.open_student(entry)
    window.show_screen(2)
    screen = window.conversation_screen

    def fill(dialog: StartConversationDialog) -> None:
        dialog.kind_combo.select_value(kind)
        dialog.coach_edit.setText("Mirjam de Haan")
        dialog.buttons.accepted.emit()

    seen = answer_next_dialog(StartConversationDialog, fill)
    qtbot.keyClick(screen.new_button, Qt.Key.Key_Space)
    assert seen
    assert screen.conversation is not None
    assert screen.conversation.kind is kind
    assert screen.conversation.state is ConversationState.PREPARED
    return screen


def _tick_questions(screen: ConversationScreen, count: int) -> list[str]:
    step = screen.prepare_step
    for row in range(count):
        step.questions_list.item(row).setCheckState(Qt.CheckState.Checked)
    return step.chosen_questions()


def test_a_dialogue_from_preparation_to_close_and_back_next_time(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    screen = _start(qtbot, window, ConversationKind.DIALOGUE)
    step = screen.prepare_step
    earlier = step.preparation.earlier_agreements  # type: ignore[union-attr]
    assert earlier, "the demo student has agreements from last time"
    first_row = step.agreements_layout.itemAt(0).widget()
    first_row.status_combo.select_value(AgreementStatus.DONE)
    first_row.outcome_edit.setText("Gelukt!")
    first_row.outcome_edit.editingFinished.emit()
    step.focus_checks[Competence.MOTIVES].setChecked(True)
    chosen = _tick_questions(screen, 2)
    assert len(chosen) == 2
    assert workspace.repos.agreements.get(earlier[0].id).status is AgreementStatus.DONE  # type: ignore[union-attr]

    window.activateWindow()  # the closed dialog handed activation back
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(screen, Qt.Key.Key_F5)
    calm = screen.calm_view
    assert calm is not None and calm.isVisible()
    assert calm.question_label.text() == chosen[0]
    qtbot.keyClick(calm.notes_edit, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert calm.question_label.text() == chosen[1]
    qtbot.keyClicks(calm.notes_edit, "trots op de taart")
    qtbot.keyClick(calm.notes_edit, Qt.Key.Key_Escape)
    assert screen.calm_view is None
    assert window.isVisible()
    conversation_id = screen.conversation.id  # type: ignore[union-attr]
    keywords = screen._services.flow.calm_view(conversation_id, TODAY).keywords
    assert keywords == {chosen[1]: "trots op de taart"}

    wrap = screen.wrap_up_step
    assert screen.steps.currentWidget() is wrap
    qtbot.keyClicks(wrap.summary_edit, "Ik ben trots op de taart die ik maakte.")
    qtbot.keyClicks(wrap.insight_boxes[Competence.MOTIVES].edit, "Ik word blij van klanten.")
    qtbot.keyClicks(wrap.agreement_rows[-1].what_edit, "Ik vraag feedback aan de chef.")
    qtbot.keyClick(wrap, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    closed = workspace.repos.conversations.get(conversation_id)
    assert closed is not None and closed.state is ConversationState.CLOSED
    assert closed.summary == "Ik ben trots op de taart die ik maakte."
    assert "Afgerond op" in wrap.state_label.text()

    screen_two = _start(qtbot, window, ConversationKind.PROGRESS)
    carried = [a.description for a in screen_two.prepare_step.preparation.earlier_agreements]  # type: ignore[union-attr]
    assert "Ik vraag feedback aan de chef." in carried


def test_a_trialogue_records_the_view_of_every_party(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    screen = _start(qtbot, window, ConversationKind.TRIALOGUE)
    conversation_id = screen.conversation.id  # type: ignore[union-attr]
    roles = {p.role for p in workspace.repos.participants.for_conversation(conversation_id)}
    assert roles == {Person.STUDENT, Person.COACH, Person.WORKPLACE_TRAINER}
    wrap = screen.wrap_up_step
    assert set(wrap.view_boxes) == {
        NoteKind.VIEW_STUDENT,
        NoteKind.VIEW_SCHOOL,
        NoteKind.VIEW_COMPANY,
    }
    for kind, box in wrap.view_boxes.items():
        qtbot.keyClicks(box.edit, f"Visie {kind.value}")
    qtbot.keyClicks(wrap.summary_edit, "We zijn het eens over de volgende stap.")
    wrap.sharing.consent_checks[Person.WORKPLACE_TRAINER].setChecked(True)
    qtbot.mouseClick(wrap.close_button, Qt.MouseButton.LeftButton)
    views = workspace.repos.notes.select(
        "conversation_id = ? AND kind LIKE 'visie_%'", [conversation_id]
    )
    assert sorted(n.body for n in views) == [
        "Visie visie_bedrijf",
        "Visie visie_school",
        "Visie visie_student",
    ]
    consents = workspace.repos.consents.select("conversation_id = ?", [conversation_id])
    assert {(c.recipient, c.granted) for c in consents} == {
        (Person.WORKPLACE_TRAINER, True),
        (Person.PARENTS, False),
    }


def _visible_texts() -> str:
    texts = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        texts.append(top.windowTitle())
        for widget in [top, *top.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            if isinstance(widget, QLabel | QLineEdit):
                texts.append(widget.text())
            elif isinstance(widget, QPlainTextEdit):
                texts.append(widget.toPlainText())
    return "\n".join(texts)


def test_calm_mode_shows_no_other_student_and_no_private_note(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    screen = _start(qtbot, window, ConversationKind.DIALOGUE)
    student = screen.student
    assert student is not None
    workspace.repos.notes.add(
        Note(
            student_id=student.id,
            body=PRIVATE_TEXT,
            audience=COACH_ONLY,
            conversation_id=screen.conversation.id,
        )
    )  # type: ignore[union-attr]
    _tick_questions(screen, 3)
    screen.enter_calm_mode()
    calm = screen.calm_view
    assert calm is not None
    qtbot.waitUntil(lambda: not window.isVisible())
    on_screen = _visible_texts()
    assert student.given_name in on_screen
    assert student.family_name not in on_screen
    for other in workspace.repos.students.caseload(include_archived=True):
        if other.id != student.id:
            assert other.family_name not in on_screen, other.family_name
    assert PRIVATE_TEXT not in on_screen
    calm.close()
    assert window.isVisible()


def test_keywords_in_calm_mode_are_stored_by_the_one_autosave_rule(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    screen = _start(qtbot, window, ConversationKind.DIALOGUE)
    chosen = _tick_questions(screen, 2)
    screen.enter_calm_mode()
    calm = screen.calm_view
    assert calm is not None and screen.conversation is not None
    assert isinstance(calm.autosave, AutosavePolicy)  # the rule the editor and the close use
    assert isinstance(screen.wrap_up_step.autosave, AutosavePolicy)
    clock = FakeClock()
    calm.autosave.clock = clock
    conversation_id = screen.conversation.id

    def stored() -> dict[str, str]:
        return screen._services.flow.calm_view(conversation_id, TODAY).keywords

    qtbot.keyClicks(calm.notes_edit, "wil bakker worden")
    clock.now += AFTER_PAUSE_S - 0.1
    calm.autosave.check()
    assert stored() == {}  # the coach may still be typing
    clock.now += 0.1
    calm.autosave.check()
    assert stored() == {chosen[0]: "wil bakker worden"}  # within a second of the pause
    calm.close()


def test_reports_are_saved_and_missing_consent_is_explained(
    qtbot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    screen = _start(qtbot, window, ConversationKind.DIALOGUE)
    wrap = screen.wrap_up_step
    qtbot.keyClicks(wrap.summary_edit, "Het ging goed.")
    assert not wrap.sharing.consented(Person.PARENTS)  # consent is never assumed
    qtbot.mouseClick(wrap.close_button, Qt.MouseButton.LeftButton)

    seen = answer_next_dialog(QMessageBox, lambda box: box.accept())
    screen.save_report(Person.PARENTS)
    assert seen

    target = tmp_path / "verslag.pdf"

    def choose_file(dialog: QFileDialog) -> None:
        dialog.selectFile(str(target))
        dialog.accept()

    seen = answer_next_dialog(QFileDialog, choose_file)
    screen.save_report(Person.STUDENT)
    assert seen
    assert "Het ging goed." in PdfReader(target).pages[0].extract_text()
    assert window.statusBar().currentMessage() == f"Opgeslagen: {target}"

    folders: list[str] = []
    answer_next_dialog(
        QFileDialog, lambda dialog: (folders.append(dialog.directory().path()), dialog.reject())
    )
    screen.save_prep_card()
    assert folders == [str(tmp_path)]  # the next file goes beside the last one


def _on_screen(widget: QWidget) -> bool:
    """Whether all of ``widget`` shows inside every scroll area and window around it."""
    if not widget.isVisible():
        return False
    rect = widget.rect()
    parent = widget.parentWidget()
    while parent is not None:
        inside = QRect(widget.mapTo(parent, rect.topLeft()), rect.size())
        if not parent.rect().contains(inside):
            return False
        parent = parent.parentWidget()
    return True


def _focus_is_on_screen() -> bool:
    widget = QApplication.focusWidget()
    return widget is not None and widget.isVisible()


class Walk:
    """What a coach does, counted: a key press, one text typed into a field, a click."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.actions: list[str] = []

    def _focused(self) -> QWidget:
        # A window or row that just appeared gets the keyboard a moment later: waiting for it
        # is no action (a real key press waits in the queue behind it too).
        self.qtbot.waitUntil(_focus_is_on_screen)
        return QApplication.focusWidget()

    def key(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self._focused(), key, modifier)
        self.actions.append(f"key {key.name} {modifier.name}")

    def type(self, text: str) -> QWidget:
        widget = self._focused()
        self.qtbot.keyClicks(widget, text)
        self.actions.append(f"type {text!r}")
        return widget

    def click(self, widget: QWidget) -> None:
        # A click needs the control on screen: one that is scrolled away would cost a scroll.
        QApplication.processEvents()  # what the last key set going (a scroll) has happened
        assert _on_screen(widget), "would need a scroll"
        # Where a coach aims: the box of a check box, the start of a field or button.
        spot = QPoint(min(10, widget.width() // 2), widget.height() // 2)
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=spot)
        self.actions.append(f"click {widget.objectName() or type(widget).__name__}")


def _plan_trialogue(window: MainWindow, workspace: Workspace) -> tuple[Student, str]:
    entry = window.caseload_screen.model.entry_at(0)
    student = entry.student
    flow = window.services.conversation.flow
    trainer = next(c for c in workspace.repos.contacts.select() if c.student_id == student.id
                   and c.role is Person.WORKPLACE_TRAINER)  # fmt: skip
    conversation = flow.start(
        student.id,
        ConversationKind.TRIALOGUE,
        TODAY,
        [
            (Person.STUDENT, student.full_name, None),
            (Person.COACH, "Mirjam de Haan", None),
            (Person.WORKPLACE_TRAINER, trainer.name, trainer.id),
        ],
        time=dt.time(14, 30),
        place=trainer.company,
    )
    flow.choose(
        conversation.id,
        [Competence.CAREER_STEERING],
        ["Hoe ging het teamoverleg?", "Wat wil je nog leren?"],
    )
    window.open_student(entry)
    return student, trainer.name.split()[0]


def test_keys_typed_right_after_f5_land_in_the_keyword_field(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    _plan_trialogue(window, workspace)
    qtbot.keyClick(window, Qt.Key.Key_F5)  # from the student screen
    calm = window.conversation_screen.calm_view
    assert calm is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is calm.notes_edit)  # once it is shown
    qtbot.keyClicks(QApplication.focusWidget(), "Tevreden over teamoverleg")
    assert calm.notes_edit.toPlainText() == "Tevreden over teamoverleg"
    assert calm.index == 0 and not calm.clock_label.isVisible()  # Space and T only type
    qtbot.keyClicks(calm, " en trots")  # even a key that reaches the window itself
    assert calm.notes_edit.toPlainText() == "Tevreden over teamoverleg en trots"
    qtbot.keyClick(calm.notes_edit, Qt.Key.Key_PageDown)
    assert calm.index == 1 and calm.notes_edit.toPlainText() == ""
    qtbot.keyClick(calm.notes_edit, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert calm.notes_edit.toPlainText() == "Tevreden over teamoverleg en trots"
    qtbot.keyClick(calm.notes_edit, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert calm.clock_label.isVisible()
    assert "PgUp/PgDn of Alt+←/→ vraag" in _visible_texts()
    qtbot.keyClick(calm.notes_edit, Qt.Key.Key_Escape)
    keywords = window.services.conversation.flow.keywords(
        window.conversation_screen.conversation.id  # type: ignore[union-attr]
    )
    assert keywords == [("Hoe ging het teamoverleg?", "Tevreden over teamoverleg en trots")]


def test_closing_a_trialogue_together_takes_at_most_twenty_actions_and_no_scrolling(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    window.resize(1366, 700)  # a school laptop: 768 pixels minus the taskbar
    student, trainer = _plan_trialogue(window, workspace)
    walk = Walk(qtbot)
    walk.key(Qt.Key.Key_F5)
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() is window.conversation_screen.calm_view.notes_edit
    )  # type: ignore[union-attr]
    walk.type("Tevreden over teamoverleg")
    walk.key(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    walk.type("wil meer klantcontact")
    walk.key(Qt.Key.Key_Escape)
    talk = len(walk.actions)
    screen = window.conversation_screen
    wrap = screen.wrap_up_step
    assert screen.steps.currentWidget() is wrap
    keywords = wrap.keywords_view.toPlainText()
    assert "Tevreden over teamoverleg" in keywords and "wil meer klantcontact" in keywords
    assert _on_screen(wrap.keywords_view)

    assert walk.type("Ik heb het naar mijn zin en ik wil meer met klanten doen.") is (
        wrap.summary_edit
    )
    walk.key(Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    walk.type(f"{student.given_name} maakt elke maandag een weekplanning")
    walk.key(Qt.Key.Key_Tab)
    walk.type("18-12")
    walk.key(Qt.Key.Key_Return)
    walk.type(f"{trainer} laat {student.given_name} een dag meedraaien met de planner")
    walk.key(Qt.Key.Key_Return)
    walk.type("Mirjam stuurt de contactgegevens van de decaan door")
    walk.key(Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    walk.type("Ik plan zelf mijn stageweek.")
    walk.key(Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    walk.type("21-1-2027")
    walk.key(Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # "Wie leest wat"
    assert not wrap.sharing.consented(Person.PARENTS)  # going there decides nothing
    walk.click(wrap.sharing.consent_checks[Person.WORKPLACE_TRAINER])
    sentences = [row.sentence_label.text() for row in wrap.agreement_rows]
    walk.key(Qt.Key.Key_F6)
    read_back = screen.read_back_view
    assert read_back is not None and read_back.isFullScreen()
    qtbot.waitUntil(read_back.isActiveWindow)
    shown = read_back.text_view.toPlainText()
    walk.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    closing = len(walk.actions) - talk + 1  # Esc, leaving the talk, opens the close

    assert closing <= 20, walk.actions
    conversation = workspace.repos.conversations.get(screen.conversation.id)  # type: ignore[union-attr]
    assert conversation is not None and conversation.state is ConversationState.CLOSED
    assert conversation.read_back_at is not None
    assert (conversation.next_appointment, conversation.next_appointment_time) == (
        dt.date(2027, 1, 21),
        dt.time(14, 30),
    )
    owners = [a.owner for a in workspace.repos.agreements.for_conversation(conversation.id)]
    assert owners == [Person.STUDENT, Person.WORKPLACE_TRAINER, Person.COACH]
    assert sentences[0] == (
        f"→ {student.given_name} maakt elke maandag een weekplanning — uiterlijk 18 december"
    )
    for sentence in sentences[:3]:
        assert sentence.removeprefix("→ ") in shown
    goals = workspace.repos.goals.for_conversation(conversation.id)
    assert [(g.description, g.competence) for g in goals] == [
        ("Ik plan zelf mijn stageweek.", Competence.CAREER_STEERING)
    ]
    trainer_version = window.services.conversation.reports.build(
        conversation.id, Person.WORKPLACE_TRAINER
    )
    assert trainer_version.summary.startswith("Ik heb het naar mijn zin")


def test_ctrl_n_and_f5_work_from_my_students_and_the_student_screen(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    window.show_screen(0)
    window.caseload_screen.table.selectRow(1)
    chosen = window.caseload_screen.selected_entry()
    assert chosen is not None
    seen = answer_next_dialog(StartConversationDialog, lambda dialog: dialog.reject())
    qtbot.keyClick(window.caseload_screen.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen
    assert window.stack.currentWidget() is window.conversation_screen
    assert window.conversation_screen.student.id == chosen.student.id  # type: ignore[union-attr]

    window.open_student(window.caseload_screen.model.entry_at(0))
    assert window.student_screen.conversation_button.isVisible()
    seen = answer_next_dialog(StartConversationDialog, lambda dialog: dialog.reject())
    qtbot.mouseClick(window.student_screen.conversation_button, Qt.MouseButton.LeftButton)
    assert seen

    student, _trainer = _plan_trialogue(window, workspace)
    assert window.stack.currentWidget() is window.student_screen
    window.activateWindow()  # the closed dialog hands activation back
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.student_screen.timeline, Qt.Key.Key_F5)
    calm = window.conversation_screen.calm_view
    assert calm is not None and calm.name_label.text() == student.given_name
    calm.close()


def _close_together(qtbot, window: MainWindow, workspace: Workspace) -> ConversationScreen:
    """Plan a trialogue and open its close, as after the talk."""
    _plan_trialogue(window, workspace)
    screen = window.conversation_screen
    window.show_screen(2)
    screen.steps.setCurrentWidget(screen.wrap_up_step)
    qtbot.waitUntil(window.isActiveWindow)
    return screen


def test_the_next_appointment_goes_into_a_calendar_file_with_the_first_name_only(
    qtbot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    screen = _close_together(qtbot, window, workspace)
    wrap = screen.wrap_up_step
    student = screen.student
    assert student is not None
    told: list[str] = []
    seen = answer_next_dialog(QMessageBox, lambda box: (told.append(box.text()), box.accept()))
    qtbot.mouseClick(wrap.calendar_button, Qt.MouseButton.LeftButton)
    assert seen and "datum van de volgende afspraak" in told[0]
    qtbot.keyClicks(wrap.next_date.edit, "21-1-2027")
    target = tmp_path / "afspraak.ics"

    def choose_file(dialog: QFileDialog) -> None:
        dialog.selectFile(str(target))
        dialog.accept()

    seen = answer_next_dialog(QFileDialog, choose_file)
    qtbot.mouseClick(wrap.calendar_button, Qt.MouseButton.LeftButton)
    assert seen
    text = target.read_text()
    assert f"Trialoog met {student.given_name}" in text
    assert "DTSTART:20270121T143000" in text
    assert student.family_name not in text


def test_a_date_typed_over_another_is_kept_and_an_unreadable_one_is_said(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    screen = _close_together(qtbot, window, workspace)
    field = screen.wrap_up_step.next_date
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, "23-02-2027")
    field.edit.selectAll()  # Ctrl+A, then a new date: the new one counts
    qtbot.keyClicks(field.edit, "4-3-2027")
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert field.value() == dt.date(2027, 3, 4)
    assert field.edit.text() == "04-03-2027" and field.echo.text() == "donderdag 4 maart 2027"
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "30 febr")
    assert field.echo.text() == "geen geldige datum of tijd"
    told: list[str] = []
    seen = answer_next_dialog(QMessageBox, lambda box: (told.append(box.text()), box.accept()))
    qtbot.keyClick(field.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert seen and "“30 febr” is geen datum of tijd" in told[0]
    conversation = workspace.repos.conversations.get(screen.conversation.id)  # type: ignore[union-attr]
    assert conversation is not None and conversation.state is not ConversationState.CLOSED


def test_a_next_appointment_in_the_past_asks_before_closing(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    screen = _close_together(qtbot, window, workspace)
    wrap = screen.wrap_up_step
    qtbot.keyClicks(wrap.next_date.edit, "23-02-2026")
    told: list[str] = []
    seen = answer_next_dialog(QMessageBox, lambda box: (told.append(box.text()), box.reject()))
    qtbot.keyClick(wrap.next_date.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert seen and "ligt niet na dit gesprek" in told[0]
    conversation = workspace.repos.conversations.get(screen.conversation.id)  # type: ignore[union-attr]
    assert conversation is not None and conversation.state is not ConversationState.CLOSED


def test_questions_are_asked_and_printed_in_the_order_they_were_chosen(
    qtbot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    screen = _start(qtbot, window, ConversationKind.DIALOGUE)
    step = screen.prepare_step
    texts = [step.questions_list.item(row).data(QUESTION_ROLE).text for row in range(4)]
    for row in (3, 0, 2):  # the opening question is the one ticked first, not the top one
        step.questions_list.item(row).setCheckState(Qt.CheckState.Checked)
    assert step.chosen_questions() == [texts[3], texts[0], texts[2]]
    step.order_list.setCurrentRow(2)
    window.activateWindow()  # the closed dialog hands activation back
    qtbot.waitUntil(window.isActiveWindow)
    step.order_list.setFocus()
    qtbot.keyClick(step.order_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert step.chosen_questions() == [texts[3], texts[2], texts[0]]
    assert step.order_list.item(0).text() == f"1. {texts[3]}"
    flow = window.services.conversation.flow
    assert flow.calm_view(screen.conversation.id, TODAY).questions == step.chosen_questions()  # type: ignore[union-attr]

    def type_question(dialog: QInputDialog) -> None:
        dialog.setTextValue("Wat zou je oma zeggen?")
        dialog.accept()

    seen = answer_next_dialog(QInputDialog, type_question)
    qtbot.mouseClick(step.add_question_button, Qt.MouseButton.LeftButton)
    assert seen
    assert step.chosen_questions()[-1] == "Wat zou je oma zeggen?"  # ticked at once
    own = step.questions_list.findItems("Wat zou je oma zeggen?", Qt.MatchFlag.MatchStartsWith)
    assert own[0].text().endswith("(eigen vraag)")

    target = tmp_path / "kaart.pdf"

    def choose_file(dialog: QFileDialog) -> None:
        dialog.selectFile(str(target))
        dialog.accept()

    seen = answer_next_dialog(QFileDialog, choose_file)
    screen.save_prep_card()
    assert seen
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    places = [text.index(" ".join(q.split())) for q in step.chosen_questions()]
    assert places == sorted(places)


def test_words_typed_in_the_close_survive_a_lock_and_a_switch_to_another_conversation(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    screen = _close_together(qtbot, window, workspace)
    wrap = screen.wrap_up_step
    first = screen.conversation
    assert first is not None
    flow = window.services.conversation.flow
    qtbot.keyClicks(wrap.summary_edit, "Ik wil meer met klanten doen.")
    window.lock()  # at once, well before the autosave would have come
    assert flow.closing(first.id).summary.text == "Ik wil meer met klanten doen."
    window.unlock()
    qtbot.keyClicks(wrap.summary_edit, " En plannen.")
    other = next(
        index
        for index in range(screen.conversation_combo.count())
        if screen.conversation_combo.itemText(index) != screen.conversation_combo.currentText()
    )
    screen.conversation_combo.setCurrentIndex(other)  # straight to an earlier conversation
    assert screen.conversation is not None and screen.conversation.id != first.id
    assert flow.closing(first.id).summary.text == "Ik wil meer met klanten doen. En plannen."
    assert "En plannen." not in flow.closing(screen.conversation.id).summary.text


def test_the_last_words_typed_survive_the_close_being_shown_again(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    screen = _close_together(qtbot, window, workspace)
    wrap = screen.wrap_up_step
    qtbot.keyClicks(wrap.summary_edit, "Eerste zin.")
    wrap.autosave.save_now()
    qtbot.keyClicks(wrap.summary_edit, " Tweede zin.")  # within the autosave pause
    screen._refresh_current()  # as after leaving the calm view, or F5 on the same student
    assert screen.wrap_up_step.summary_edit.toPlainText() == "Eerste zin. Tweede zin."


def test_read_back_and_close_leaves_no_draft_behind(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    screen = _close_together(qtbot, window, workspace)
    wrap = screen.wrap_up_step
    conversation_id = screen.conversation.id  # type: ignore[union-attr]
    qtbot.keyClicks(wrap.summary_edit, "Ik wil meer met klanten doen.")
    qtbot.keyClicks(wrap.private_note.edit, "Thuis speelt iets.")
    qtbot.keyClick(wrap.summary_edit, Qt.Key.Key_F6)
    assert screen.read_back_view is not None
    screen.read_back_view._confirm()  # "Klopt: gesprek afronden"
    closed = workspace.repos.conversations.get(conversation_id)
    assert closed is not None and closed.read_back_at is not None
    assert workspace.repos.closing_drafts.get(conversation_id) is None  # it held the private note


def test_f5_from_my_students_opens_the_conversation_in_progress_not_the_newest(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    flow = window.services.conversation.flow
    student = window.caseload_screen.model.entry_at(0).student
    people = [(Person.STUDENT, student.full_name, None), (Person.COACH, "Mirjam", None)]
    held = flow.start(student.id, ConversationKind.DIALOGUE, TODAY, people)
    flow.calm_view(held.id, TODAY)  # the talk happened; the close is still to be written
    later = flow.start(student.id, ConversationKind.DIALOGUE, TODAY + dt.timedelta(28), people)
    window.show_screen(0)
    window.caseload_screen.table.selectRow(0)
    window.start_conversation()  # F5
    screen = window.conversation_screen
    assert screen.conversation is not None and screen.conversation.id == held.id
    assert workspace.repos.conversations.get(later.id).state is ConversationState.PREPARED  # type: ignore[union-attr]
    assert screen.calm_view is not None
    screen.calm_view.close()


def test_an_agreement_starting_with_de_is_not_given_to_the_parents(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    screen = _close_together(qtbot, window, workspace)
    row = screen.wrap_up_step.agreement_rows[-1]
    qtbot.keyClicks(row.what_edit, "De cv naar de decaan sturen")
    agreement = row.value()
    assert agreement is not None and agreement.owner is Person.STUDENT


@pytest.mark.parametrize(
    ("typed", "owner"),
    [
        ("فاطمة تبلغ المدرسة", "فاطمة العلي"),  # Arabic has no capitals: still a name
        ("Mirjam belt de school", "Mirjam de Haan"),
        ("de ouders bellen de school", "Fatima El Amrani"),  # a sentence, not a person
    ],
)
def test_a_name_typed_first_makes_that_person_the_owner_in_any_script(
    qtbot, typed: str, owner: str
) -> None:
    owners = [
        Owner(Person.STUDENT, "Fatima El Amrani"),
        Owner(Person.PARENTS, "فاطمة العلي"),
        Owner(Person.PARENTS, "de ouders"),
        Owner(Person.COACH, "Mirjam de Haan"),
    ]
    empty = Agreement(student_id="", description="", owner=Person.STUDENT)
    holder = QWidget()
    qtbot.addWidget(holder)
    row = AgreementRow(empty, owners, TODAY, holder)
    for char in typed:  # as a keyboard in any layout sends it (QTest types Latin only)
        press = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char
        )
        QApplication.sendEvent(row.what_edit, press)
    agreement = row.value()
    assert agreement is not None and agreement.owner_name == owner


def test_the_private_note_stays_folded_away_from_the_table_unless_the_coach_opens_it(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    screen = _close_together(qtbot, window, workspace)
    wrap = screen.wrap_up_step
    wrap.summary_edit.setFocus()
    qtbot.waitUntil(wrap.summary_edit.hasFocus)
    assert not wrap.private_note.edit.isVisible()
    qtbot.keyClick(wrap.summary_edit, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(wrap.private_note.edit.hasFocus)
    qtbot.keyClicks(wrap.private_note.edit, "Thuis speelt iets.")
    wrap.summary_edit.setFocus()  # back to what the table reads
    qtbot.waitUntil(lambda: not wrap.private_note.edit.isVisible())
    assert "ingevuld" in wrap.private_note.toggle.text()
    assert "Thuis" not in " ".join(label.text() for label in wrap.findChildren(QLabel))
    assert wrap.closing().private_note == "Thuis speelt iets."


def test_a_conversation_opens_where_it_stands_prepare_if_planned_else_close_together(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    screen = _close_together(qtbot, window, workspace)  # planned: it opens on preparation
    conversation = screen.conversation
    assert conversation is not None and screen.student is not None
    screen.steps.setCurrentWidget(screen.prepare_step)
    screen._services.flow.calm_view(conversation.id, TODAY)  # the talk took place
    screen.conversation = None
    screen.show_student(screen.student, select=conversation.id)
    assert screen.steps.currentWidget() is screen.wrap_up_step


def test_each_agreement_added_with_enter_is_wholly_in_view_with_the_cursor_in_it(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    window.resize(1366, 700)
    screen = _close_together(qtbot, window, workspace)
    wrap = screen.wrap_up_step
    viewport = wrap.scroller.viewport()
    for number in range(4):
        row = wrap.agreement_rows[-1]
        row.what_edit.setFocus()
        qtbot.keyClicks(row.what_edit, f"doet stap {number}")
        qtbot.keyClick(row.what_edit, Qt.Key.Key_Return)
        new = wrap.agreement_rows[-1]
        qtbot.waitUntil(new.what_edit.hasFocus)
        qtbot.wait(20)  # the scroll follows once the new row has its place
        top = new.mapTo(viewport, QPoint(0, 0)).y()
        assert top >= 0 and top + new.height() <= viewport.height(), number


def test_after_closing_the_button_saves_changes_and_the_key_hint_breaks_between_keys(
    qtbot, window: MainWindow
) -> None:
    """Found walking: "Afronden en opslaan" still stood on a closed conversation, and the key
    hint broke inside "F6 samen nakijken"."""
    screen = _start(qtbot, window, ConversationKind.DIALOGUE)
    wrap = screen.wrap_up_step
    assert wrap.close_button.text() == "Afronden en opslaan (Ctrl+Enter)"
    hints = [label.text() for label in wrap.findChildren(QLabel) if "Alt+W" in label.text()]
    assert hints and "F6\u00a0samen\u00a0nakijken" in hints[0]
    qtbot.keyClicks(wrap.summary_edit, "Het ging goed.")
    qtbot.mouseClick(wrap.close_button, Qt.MouseButton.LeftButton)
    assert wrap.close_button.text() == "Wijzigingen opslaan (Ctrl+Enter)"
    hints = [label.text() for label in wrap.findChildren(QLabel) if "Alt+W" in label.text()]
    assert hints[-1].endswith("Ctrl+Enter\u00a0wijzigingen\u00a0opslaan")  # not "afronden"


def test_planning_again_offers_the_conversation_not_closed_yet_instead_of_a_second(
    qtbot, window: MainWindow, workspace: Workspace
) -> None:
    screen = _start(qtbot, window, ConversationKind.TRIALOGUE)
    planned = screen.conversation
    assert planned is not None
    count = len(workspace.repos.conversations.for_student(planned.student_id))

    def open_that_one(dialog: StartConversationDialog) -> None:
        dialog.open_button.click()

    seen = answer_next_dialog(StartConversationDialog, open_that_one)
    qtbot.keyClick(screen.new_button, Qt.Key.Key_Space)
    assert seen
    assert screen.conversation is not None and screen.conversation.id == planned.id
    assert len(workspace.repos.conversations.for_student(planned.student_id)) == count
