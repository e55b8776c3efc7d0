"""A coach walks a dialogue and a trialogue through prepare, calm mode and close."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from coachdesk.app import build_window
from coachdesk.domain.agreements import AgreementStatus
from coachdesk.domain.audience import Audience, Note
from coachdesk.domain.competences import Competence
from coachdesk.domain.conversations import ConversationKind, ConversationState
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.roles import Role
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.summary_content import Reader
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.ui.dialogs.start_conversation_dialog import StartConversationDialog
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.screens.conversation.conversation_screen import ConversationScreen
from tests.helpers import answer_next_dialog

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
    keywords = screen._services.flow.calm_view(conversation_id).keywords
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
    assert roles == {Role.STUDENT, Role.COACH, Role.WORKPLACE_TRAINER}
    wrap = screen.wrap_up_step
    assert set(wrap.view_boxes) == {
        NoteKind.VIEW_STUDENT,
        NoteKind.VIEW_SCHOOL,
        NoteKind.VIEW_COMPANY,
    }
    for kind, box in wrap.view_boxes.items():
        qtbot.keyClicks(box.edit, f"Visie {kind.value}")
    qtbot.keyClicks(wrap.summary_edit, "We zijn het eens over de volgende stap.")
    wrap.sharing.consent_checks[Audience.WORKPLACE_TRAINER].setChecked(True)
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
        (Role.WORKPLACE_TRAINER, True),
        (Role.PARENT, False),
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
            audience=Audience.PRIVATE,
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


def test_reports_are_saved_and_missing_consent_is_explained(
    qtbot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    screen = _start(qtbot, window, ConversationKind.DIALOGUE)
    wrap = screen.wrap_up_step
    qtbot.keyClicks(wrap.summary_edit, "Het ging goed.")
    assert not wrap.sharing.consented(Audience.PARENTS)  # consent is never assumed
    qtbot.mouseClick(wrap.close_button, Qt.MouseButton.LeftButton)

    seen = answer_next_dialog(QMessageBox, lambda box: box.accept())
    screen.save_report(Reader.PARENTS)
    assert seen

    target = tmp_path / "verslag.pdf"

    def choose_file(dialog: QFileDialog) -> None:
        dialog.selectFile(str(target))
        dialog.accept()

    seen = answer_next_dialog(QFileDialog, choose_file)
    screen.save_report(Reader.STUDENT)
    assert seen
    assert "Het ging goed." in PdfReader(target).pages[0].extract_text()
