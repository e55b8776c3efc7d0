"""Nieuw gesprek: who sits at the table, added with the keyboard in the order it is read."""

from __future__ import annotations

from PySide6.QtCore import Qt

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
