"""Nieuw gesprek: who sits at the table, added with the keyboard in the order it is read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from coachdesk.domain.conversations import ConversationKind
from coachdesk.domain.people import Person
from coachdesk.domain.students import Contact
from coachdesk.ui.dialogs.start_conversation_dialog import StartConversationDialog
from tests.helpers import make_student


def _dialog(qtbot) -> StartConversationDialog:
    student = make_student()
    contacts = [
        Contact(student_id=student.id, role=Person.WORKPLACE_TRAINER, name="Karin Bosman"),
        Contact(student_id=student.id, role=Person.PARENTS, name="Frank van der Meer"),
        Contact(student_id=student.id, role=Person.OTHER, name="Oom Kees"),
    ]
    dialog = StartConversationDialog(student, contacts, "Mirjam de Haan")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind_combo.select_value(ConversationKind.TRIALOGUE)
    return dialog


def test_adding_a_participant_brings_the_parent_by_name_with_the_cursor_there(qtbot) -> None:
    """Found walking: an empty "Ouder" row came, ten Tabs away, although the parent is known."""
    dialog = _dialog(qtbot)
    assert [row.person()[:2] for row in dialog.rows] == [
        (Person.STUDENT, "Zoë van der Meer"),
        (Person.WORKPLACE_TRAINER, "Karin Bosman"),
    ]
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    parent = dialog.rows[-1]
    assert parent.person()[:2] == (Person.PARENTS, "Frank van der Meer")
    assert dialog.focusWidget() is parent.name_edit
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.rows[-1].person()[:2] == (Person.PARENTS, "")  # nobody else known: type one


def test_tab_goes_from_the_coach_through_the_participants_before_the_buttons(qtbot) -> None:
    dialog = _dialog(qtbot)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    order = [dialog.coach_edit]
    for _step in range(3 * len(dialog.rows) + 2):
        order.append(order[-1].nextInFocusChain())
    expected = [dialog.coach_edit]
    for row in dialog.rows:
        expected += [row.role_combo, row.name_edit, row.remove_button]
    expected += [dialog.add_button, dialog.buttons.buttons()[0]]
    assert order == expected


def test_with_a_conversation_not_closed_yet_the_dialog_offers_to_open_that_one(qtbot) -> None:
    """Found walking: Ctrl+N planned a second conversation while a trialoog for tomorrow
    was prepared; the caseload kept naming tomorrow as the next conversation."""
    import datetime as dt

    from coachdesk.domain.conversations import Conversation

    student = make_student()
    planned = Conversation(
        student_id=student.id, kind=ConversationKind.TRIALOGUE, date=dt.date(2026, 12, 7)
    )
    dialog = StartConversationDialog(
        student, [], "Mirjam de Haan", today=dt.date(2026, 12, 6), still_open=planned
    )
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Er staat nog een trialoog open voor maandag 7 december 2026." in texts
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.kind_combo, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.open_instead)  # a mnemonic clicks the button animated
    assert not dialog.isVisible()
