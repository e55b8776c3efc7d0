"""Adding one student by hand: read as the class-list import reads, refused in plain Dutch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coachdesk.app import AppController, build_window
from coachdesk.domain.students import Pathway
from coachdesk.errors import ValidationError
from coachdesk.services.csv_files import parse
from coachdesk.services.student_entry import StudentEntry, StudentEntryError
from coachdesk.services.student_import import ImportField, StudentImport
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.storage.repositories import Repositories
from coachdesk.ui.dialogs.add_student_dialog import AddStudentDialog
from coachdesk.ui.main_window import MainWindow
from tests.accessibility import clipped_texts, unnamed_controls
from tests.helpers import answer_next_dialog, make_student

F = ImportField
TYPED = {
    F.STUDENT_NUMBER: " 000123 ",
    F.GIVEN_NAME: "Zoë",
    F.NAME_PREFIX: "van der",
    F.FAMILY_NAME: "Meer",
    F.DATE_OF_BIRTH: "14-03-2009",
    F.GROUP: "VIG3-2A",
    F.PROGRAMME: "Verzorgende-IG",
    F.PATHWAY: "BOL",
    F.LEVEL: "3",
}


def _answer(fill: Callable[[AddStudentDialog], None]) -> list[bool]:
    """Fill the add-student dialog when it opens; a failing check closes it (no hanging test)."""

    def guarded(dialog: AddStudentDialog) -> None:
        try:
            fill(dialog)
        except BaseException:
            dialog.reject()
            raise

    return answer_next_dialog(AddStudentDialog, guarded)


def test_a_student_typed_in_is_in_the_caseload_as_typed(repos: Repositories) -> None:
    added = StudentEntry(repos, demo_store=False).add(TYPED)
    stored = repos.students.by_number("000123")  # the leading zeros kept, the spaces not
    assert stored is not None
    assert stored.id == added.id
    assert stored.full_name == "Zoë van der Meer"
    assert stored.sort_name == "Meer, Zoë van der"
    assert stored.date_of_birth == dt.date(2009, 3, 14)
    assert (stored.group, stored.programme) == ("VIG3-2A", "Verzorgende-IG")
    assert (stored.pathway, stored.level) == (Pathway.BOL, 3)


def test_a_student_number_already_in_use_is_refused_and_nothing_changes(
    repos: Repositories,
) -> None:
    repos.students.add(
        make_student("000123", given_name="Fatima", name_prefix="", family_name="Amrani")
    )
    with pytest.raises(StudentEntryError) as refused:
        StudentEntry(repos, demo_store=False).add(TYPED)
    assert refused.value.message == "Studentnummer 000123 hoort al bij Fatima Amrani."
    assert list(refused.value.problems) == [F.STUDENT_NUMBER]
    assert [s.full_name for s in repos.students.caseload()] == ["Fatima Amrani"]


def test_an_empty_family_name_is_said_in_plain_dutch_and_nothing_is_written(
    repos: Repositories,
) -> None:
    with pytest.raises(StudentEntryError) as refused:
        StudentEntry(repos, demo_store=False).add({**TYPED, F.FAMILY_NAME: "  "})
    assert refused.value.message == "Vul de achternaam in."
    assert repos.students.caseload() == []


def test_every_problem_is_named_in_the_order_of_the_form(repos: Repositories) -> None:
    typed = {**TYPED, F.STUDENT_NUMBER: "", F.GIVEN_NAME: "", F.DATE_OF_BIRTH: "31-02-2009"}
    with pytest.raises(StudentEntryError) as refused:
        StudentEntry(repos, demo_store=False).add(typed)
    assert refused.value.message == (
        "Vul het studentnummer in. Vul de roepnaam in. "
        "Onleesbare datum '31-02-2009' (schrijf bijv. 14-03-2009)."
    )
    assert repos.students.caseload() == []


@pytest.mark.parametrize(
    ("target", "text"),
    [(F.STUDENT_NUMBER, "12 34"), (F.DATE_OF_BIRTH, "14-13-2009"), (F.LEVEL, "7")],
)
def test_a_typed_field_is_judged_exactly_as_the_same_cell_in_a_class_list(
    repos: Repositories, target: ImportField, text: str
) -> None:
    header = {F.STUDENT_NUMBER: "Stamnummer", F.DATE_OF_BIRTH: "Geboortedatum", F.LEVEL: "Niveau"}
    row = {F.STUDENT_NUMBER: "2024001", F.DATE_OF_BIRTH: "14-03-2009", F.LEVEL: "3", target: text}
    csv = "Roepnaam;Achternaam;" + ";".join(header.values()) + "\n"
    csv += "Zoë;Meer;" + ";".join(row[f] for f in header) + "\n"
    plan = StudentImport(repos, demo_store=False).prepare(parse(csv.encode()))
    [problem] = plan.problems
    with pytest.raises(StudentEntryError) as refused:
        StudentEntry(repos, demo_store=False).add({**TYPED, target: text})
    reason = refused.value.problems[target]
    assert reason == problem.reason[0].upper() + problem.reason[1:] + "."


def test_the_demo_store_takes_no_student_typed_in(repos: Repositories) -> None:
    with pytest.raises(ValidationError, match="demo-opslag"):
        StudentEntry(repos, demo_store=True).add(TYPED)
    assert repos.students.caseload() == []


@pytest.fixture
def empty_own_window(qtbot, data_dir: Path):
    controller = AppController(StoreLocation(data_dir))
    window: MainWindow = controller.window
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    yield window
    controller.close()


def test_an_empty_caseload_says_what_to_do_next(qtbot, empty_own_window: MainWindow) -> None:
    window = empty_own_window
    qtbot.mouseClick(window.welcome_screen.empty_button, Qt.MouseButton.LeftButton)
    screen = window.caseload_screen
    assert screen.empty_state.isVisible()
    assert not screen.count_label.isVisible()  # no bare "0 van 0 studenten"
    assert not screen.table.isVisible()
    said = " ".join(
        label.text() for label in screen.empty_state.findChildren(type(screen.count_label))
    )
    assert "Er staan nog geen studenten in je caseload" in said
    buttons = [screen.empty_import_button, screen.empty_add_button, screen.empty_demo_button]
    assert [b.text() for b in buttons] == [
        "Klassenlijst importeren…",
        "Student &toevoegen…",
        "Demo bekijken",
    ]
    assert clipped_texts(window) == []


def test_a_student_is_added_with_the_keyboard_alone(qtbot, empty_own_window: MainWindow) -> None:
    """Alt+T, the fields with Tab between them, Enter: ten keys besides what is typed."""
    window = empty_own_window
    window.show_screen(0)
    keys: list[Qt.Key] = []

    def press(key: Qt.Key) -> None:
        keys.append(key)
        qtbot.keyClick(QApplication.focusWidget(), key)

    def fill(dialog: AddStudentDialog) -> None:
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.edits[F.STUDENT_NUMBER])
        typed = ("000123", "Daan", "de", "Vries", "14-03-2009", "VIG3-2A", "Verzorgende-IG")
        for text in (*typed, "BOL"):
            qtbot.keyClicks(QApplication.focusWidget(), text)
            press(Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), "3")  # niveau
        press(Qt.Key.Key_Return)

    seen = _answer(fill)
    keys.append(Qt.Key.Key_T)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: seen == [True])  # a mnemonic clicks the button as a mouse would
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert len(keys) == 10
    screen = window.caseload_screen
    assert screen.table.isVisible() and not screen.empty_state.isVisible()
    entry = screen.selected_entry()
    assert entry is not None
    student = entry.student
    assert (student.student_number, student.sort_name) == ("000123", "Vries, Daan de")
    assert (student.pathway, student.level, student.group) == (Pathway.BOL, 3, "VIG3-2A")
    assert student.date_of_birth == dt.date(2009, 3, 14)
    assert "Daan de Vries staat nu in je caseload." in window.statusBar().currentMessage()


def test_bad_input_keeps_the_dialog_open_with_every_typed_word(
    qtbot, empty_own_window: MainWindow
) -> None:
    window = empty_own_window
    window.show_screen(0)
    said: list[str] = []

    def fill(dialog: AddStudentDialog) -> None:
        dialog.edits[F.STUDENT_NUMBER].setText("000123")
        dialog.edits[F.GIVEN_NAME].setText("Zoë")
        dialog.edits[F.NAME_PREFIX].setText("van der")
        qtbot.keyClick(dialog.edits[F.NAME_PREFIX], Qt.Key.Key_Return)
        assert dialog.isVisible()
        said.append(dialog.problem_label.text())
        assert dialog.focusWidget() is dialog.edits[F.FAMILY_NAME]
        assert dialog.edits[F.NAME_PREFIX].text() == "van der"
        assert unnamed_controls(dialog) == [] and clipped_texts(dialog) == []
        dialog.edits[F.FAMILY_NAME].setText("Meer")
        qtbot.keyClick(dialog.edits[F.FAMILY_NAME], Qt.Key.Key_Return)

    seen = _answer(fill)
    window.new_student.add()
    assert seen == [True]
    assert said == ["Vul de achternaam in."]
    assert window.caseload_screen.model.total_count() == 1


def test_a_number_in_use_is_said_in_the_dialog(qtbot, empty_own_window: MainWindow) -> None:
    window = empty_own_window
    window.services.student_entry.add(TYPED)
    window.refresh_caseload()
    said: list[str] = []

    def fill(dialog: AddStudentDialog) -> None:
        for target in (F.STUDENT_NUMBER, F.GIVEN_NAME, F.FAMILY_NAME):
            dialog.edits[target].setText(TYPED[target] if target is not F.GIVEN_NAME else "Daan")
        qtbot.keyClick(dialog.edits[F.FAMILY_NAME], Qt.Key.Key_Return)
        said.append(dialog.problem_label.text())
        assert dialog.focusWidget() is dialog.edits[F.STUDENT_NUMBER]
        dialog.reject()

    _answer(fill)
    window.new_student.add()
    assert said == ["Studentnummer 000123 hoort al bij Zoë van der Meer."]
    assert window.caseload_screen.model.total_count() == 1


def test_the_student_added_stays_selected_when_the_table_first_paints(
    qtbot, data_dir: Path
) -> None:
    """Started by the coach, the caseload loads after the first paint; empty, it loads at once."""
    own = Workspace.open(StoreLocation(data_dir))
    window = build_window(own, caseload_after_paint=True)
    qtbot.addWidget(window)
    window.show()
    window.welcome_screen.empty_button.click()
    qtbot.waitUntil(window.caseload_screen.empty_state.isVisible)
    answer_next_dialog(AddStudentDialog, lambda dialog: _fill_and_save(qtbot, dialog))
    window.new_student.add()
    table = window.caseload_screen.table
    qtbot.waitExposed(table)
    qtbot.wait(100)  # the table's first paints
    assert [i.row() for i in table.selectionModel().selectedRows()] == [0]
    window.close()
    own.close()


def _fill_and_save(qtbot, dialog: AddStudentDialog) -> None:
    for target in (F.STUDENT_NUMBER, F.GIVEN_NAME, F.FAMILY_NAME):
        dialog.edits[target].setText(TYPED[target])
    qtbot.keyClick(dialog.edits[F.FAMILY_NAME], Qt.Key.Key_Return)


def test_the_welcome_screen_offers_adding_a_student_too(
    qtbot, empty_own_window: MainWindow
) -> None:
    window = empty_own_window
    assert window.welcome_screen.add_button.text() == "Student &toevoegen…"
    answer_next_dialog(AddStudentDialog, lambda dialog: _fill_and_save(qtbot, dialog))
    qtbot.mouseClick(window.welcome_screen.add_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.caseload_screen
    assert window.navigation.isVisible()
    assert window.caseload_screen.model.total_count() == 1
