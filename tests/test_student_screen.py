"""The coach at work: search, filter, open a student, add an experience, archive."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from coachdesk.domain.competences import Competence
from coachdesk.domain.experiences import ExperienceKind
from coachdesk.domain.students import StudentStatus
from coachdesk.domain.timeline import TimelineKind
from coachdesk.ui.dialogs.archive_dialog import ArchiveDialog
from coachdesk.ui.dialogs.experience_dialog import ExperienceDialog
from coachdesk.ui.dialogs.student_dialog import StudentDialog
from coachdesk.ui.main_window import MainWindow
from tests.helpers import answer_next_dialog, demo_window

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def window(qtbot, data_dir: Path):
    yield from demo_window(qtbot, data_dir, 20, TODAY)


def _open_by_search(qtbot, window: MainWindow, text: str) -> None:
    screen = window.caseload_screen
    qtbot.keyClicks(screen.search_edit, text)
    assert screen.model.rowCount() >= 1
    qtbot.keyClick(screen.search_edit, Qt.Key.Key_Return)


def test_typing_a_name_finds_the_student_and_enter_opens_the_timeline(
    qtbot, window: MainWindow
) -> None:
    screen = window.caseload_screen
    target = screen.model.entry_at(3).student
    _open_by_search(qtbot, window, target.student_number)
    assert screen.model.rowCount() == 1
    assert window.stack.currentWidget() is window.student_screen
    student_screen = window.student_screen
    assert student_screen.title.text() == target.full_name
    assert target.group in student_screen.facts_label.text()
    assert student_screen.timeline_model.rowCount() >= 1  # school years
    assert "Schooljaar" in student_screen.timeline_model.item(0).text()
    assert student_screen.side_panel.agreement_texts()


def test_filters_narrow_the_caseload_and_the_count_follows(qtbot, window: MainWindow) -> None:
    screen = window.caseload_screen
    total = screen.model.rowCount()
    screen.level_combo.setCurrentIndex(1)  # Niveau 1
    assert all(screen.model.entry_at(r).student.level == 1 for r in range(screen.model.rowCount()))
    assert screen.model.rowCount() < total
    assert screen.count_label.text().startswith(f"{screen.model.rowCount()} van 20")
    screen.level_combo.setCurrentIndex(0)
    screen.status_combo.setCurrentIndex(0)  # active and archived
    assert screen.model.rowCount() == 20
    qtbot.mouseClick(screen.not_seen_check, Qt.MouseButton.LeftButton)
    lasts = [screen.model.entry_at(r).last_conversation for r in range(screen.model.rowCount())]
    assert lasts == sorted(lasts, key=lambda d: d or dt.date.min)


def test_the_timeline_filters_by_kind_and_competence(qtbot, window: MainWindow) -> None:
    window.open_student(window.caseload_screen.model.entry_at(0))
    student_screen = window.student_screen
    student_screen.kind_combo.setCurrentIndex(
        list(TimelineKind).index(TimelineKind.CONVERSATION) + 1
    )
    events = student_screen.timeline_model.visible_events()
    assert events and all(e.kind is TimelineKind.CONVERSATION for e in events)
    student_screen.kind_combo.setCurrentIndex(0)
    student_screen.competence_combo.setCurrentIndex(
        list(Competence).index(Competence.NETWORKING) + 1
    )
    assert all(
        Competence.NETWORKING in e.competences
        for e in student_screen.timeline_model.visible_events()
    )


def test_adding_an_experience_puts_it_on_the_timeline(qtbot, window: MainWindow) -> None:
    window.open_student(window.caseload_screen.model.entry_at(0))
    student_screen = window.student_screen
    before = len(student_screen.file.events)  # type: ignore[union-attr]

    def fill(dialog: ExperienceDialog) -> None:
        dialog.kind_combo.select_value(ExperienceKind.TASTER_PLACEMENT)
        qtbot.keyClicks(dialog.title_edit, "Snuffelstage bij Garage Ömer & Zn.")
        qtbot.keyClicks(dialog.organisation_edit, "Garage Ömer & Zn.")
        dialog.competence_checks[Competence.WORK_EXPLORATION].setChecked(True)
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )

    seen = answer_next_dialog(ExperienceDialog, fill)
    qtbot.mouseClick(student_screen.add_experience_button, Qt.MouseButton.LeftButton)
    assert seen
    file = student_screen.file
    assert file is not None and len(file.events) == before + 1
    added = next(e for e in file.events if e.title == "Snuffelstage bij Garage Ömer & Zn.")
    assert added.kind is TimelineKind.EXPERIENCE
    assert added.competences == (Competence.WORK_EXPLORATION,)


def test_archiving_a_student_takes_them_out_of_the_active_caseload(
    qtbot, window: MainWindow
) -> None:
    entry = window.caseload_screen.model.entry_at(0)
    window.open_student(entry)
    active_before = window.caseload_screen.model.rowCount()
    seen = answer_next_dialog(ArchiveDialog, lambda dialog: dialog.accept())
    qtbot.mouseClick(window.student_screen.archive_button, Qt.MouseButton.LeftButton)
    assert seen
    assert window.student_screen.file.student.status is StudentStatus.ARCHIVED  # type: ignore[union-attr]
    assert window.caseload_screen.model.rowCount() == active_before - 1
    assert window.student_screen.archive_button.text() == "Weer actief maken"
    qtbot.mouseClick(window.student_screen.archive_button, Qt.MouseButton.LeftButton)
    assert window.caseload_screen.model.rowCount() == active_before


def test_editing_details_updates_the_header(qtbot, window: MainWindow) -> None:
    window.open_student(window.caseload_screen.model.entry_at(0))

    def fill(dialog: StudentDialog) -> None:
        dialog.group_edit.setText("NIEUW-1")
        dialog._add_contact_row(None)
        dialog.contacts_table.item(dialog.contacts_table.rowCount() - 1, 1).setText(
            "Saïda El Amrani"
        )
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )

    seen = answer_next_dialog(StudentDialog, fill)
    qtbot.mouseClick(window.student_screen.edit_button, Qt.MouseButton.LeftButton)
    assert seen
    assert "NIEUW-1" in window.student_screen.facts_label.text()
    assert "Saïda El Amrani" in window.student_screen.contacts_label.text()


def test_every_open_agreement_goal_and_the_whole_scan_chart_can_be_read(
    qtbot, window: MainWindow
) -> None:
    """One scrolling column: each line wrapped in full, the chart at its full height."""
    window.resize(1366, 768)
    window.open_student(window.caseload_screen.model.entry_at(0))
    screen = window.student_screen
    file = screen.file
    assert file is not None and len(file.open_agreements) >= 2
    panel = screen.side_panel
    assert len(panel.agreement_texts()) == len(file.open_agreements)
    assert len(panel.goal_texts()) == max(len(file.current_goals), 1)
    chart = panel.scan_chart
    labels = [
        label
        for label in panel.widget().findChildren(QLabel)
        if label.isVisibleTo(panel) and label.text()
    ]

    def cut_off() -> list[str]:
        return [label.text() for label in labels if label.height() < _needed(label)]

    qtbot.waitUntil(lambda: not cut_off() and chart.height() >= chart.minimumHeight())
    panel.ensureWidgetVisible(chart)
    assert panel.verticalScrollBar().value() > 0  # reached by scrolling, not cut off


def _needed(label: QLabel) -> int:
    return label.heightForWidth(label.width()) if label.wordWrap() else 1


def test_timeline_rows_wrap_so_every_event_reads_in_full(qtbot, window: MainWindow) -> None:
    window.resize(1366, 768)
    window.open_student(window.caseload_screen.model.entry_at(0))
    view = window.student_screen.timeline
    model = window.student_screen.timeline_model
    width = view.header().sectionSize(1) - 12
    long_rows = 0
    for year in range(model.rowCount()):
        for period in range(model.item(year).rowCount()):
            period_item = model.item(year).child(period)
            for row in range(period_item.rowCount()):
                index = model.indexFromItem(period_item.child(row, 1))
                text = index.data()
                needed = view.fontMetrics().boundingRect(
                    QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text
                )
                assert view.visualRect(index).height() >= needed.height(), text
                long_rows += view.fontMetrics().horizontalAdvance(text) > width
    assert long_rows >= 3  # the demo has events longer than one line


def test_menu_buttons_are_push_buttons_that_draw_their_arrow(window: MainWindow) -> None:
    """Fusion draws a tool button's menu mark as a stray "_"; a push button gets an arrow."""
    screen = window.student_screen
    for button in (screen.scan_button, screen.privacy_button):
        assert isinstance(button, QPushButton)
        assert button.menu() is not None and button.menu().actions()
        assert button.accessibleName() == button.text()


def test_every_save_starts_in_the_folder_used_last_and_says_where_the_file_went(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """Saved the progress overview on the USB stick: the scan paper and the inzage follow."""
    from PySide6.QtWidgets import QFileDialog

    from coachdesk.ui.file_choice import open_path

    stick = tmp_path / "usb-stick"
    stick.mkdir()
    entry = window.caseload_screen.model.entry_at(0)
    window.open_student(entry)
    assert window.student_screen.file is not None
    student = window.student_screen.file.student
    started_in: list[str] = []

    def save_as(name: str) -> Callable[[QFileDialog], None]:
        def choose(dialog: QFileDialog) -> None:
            started_in.append(dialog.directory().path())
            dialog.selectFile(str(stick / name))
            dialog.accept()

        return choose

    seen = answer_next_dialog(QFileDialog, save_as("voortgang.pdf"))
    window.reports.save_progress_report(student)
    assert seen
    assert (stick / "voortgang.pdf").stat().st_size > 1000
    assert window.statusBar().currentMessage() == f"Opgeslagen: {stick / 'voortgang.pdf'}"

    seen = answer_next_dialog(QFileDialog, save_as("scan.pdf"))
    window.scans.save_paper(student)
    assert seen
    assert started_in[1] == str(stick)  # not the home folder
    assert window.statusBar().currentMessage() == f"Opgeslagen: {stick / 'scan.pdf'}"

    mail_temp = tmp_path / "mail-temp"
    mail_temp.mkdir()
    (mail_temp / "logo.png").write_bytes(b"not read here")

    def open_attachment(dialog: QFileDialog) -> None:
        dialog.selectFile(str(mail_temp / "logo.png"))
        dialog.accept()

    answer_next_dialog(QFileDialog, open_attachment)
    assert open_path(window, "Logo", "*.png") == mail_temp / "logo.png"

    folders: list[str] = []
    answer_next_dialog(
        QFileDialog, lambda dialog: (folders.append(dialog.directory().path()), dialog.reject())
    )
    window.privacy.save_inzage(student)
    assert folders == [str(stick)]  # reading an attachment did not move where files are saved


def test_a_removed_usb_stick_is_not_where_the_next_save_starts(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from coachdesk.ui.file_choice import save_path

    stick = tmp_path / "usb-stick"
    stick.mkdir()

    def choose(dialog: QFileDialog) -> None:
        dialog.selectFile(str(stick / "verslag.pdf"))
        dialog.accept()

    answer_next_dialog(QFileDialog, choose)
    assert save_path(window, "Verslag", "verslag.pdf", "*.pdf") == stick / "verslag.pdf"
    stick.rmdir()  # the stick was pulled out
    folders: list[str] = []
    answer_next_dialog(
        QFileDialog, lambda dialog: (folders.append(dialog.directory().path()), dialog.reject())
    )
    assert save_path(window, "Verslag", "verslag.pdf", "*.pdf") is None
    assert folders == [str(Path.home())]


def test_the_trainers_answers_are_refused_before_they_are_typed_not_after(
    qtbot, window: MainWindow
) -> None:
    """Without a student scan of the last sixty days the coach hears so at once; with one, the
    fifteen answers are saved and only then does the screen say "Opgeslagen"."""
    from PySide6.QtWidgets import QMessageBox

    from coachdesk.domain.people import Person
    from coachdesk.services.competence_scan import statements

    window.open_student(window.caseload_screen.model.entry_at(0))
    assert window.student_screen.file is not None
    student = window.student_screen.file.student
    window.today = TODAY + dt.timedelta(days=120)  # the demo's last own scan is long ago now
    said: list[str] = []
    seen = answer_next_dialog(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    window.scans.fill_in(student, Person.WORKPLACE_TRAINER)
    assert seen and said[0].startswith("De laatste scan van de student (")
    assert "is meer dan 60 dagen oud. De student vult de scan eerst zelf in" in said[0]
    assert window.scans.scan_view is None  # nothing to type in vain

    window.today = TODAY
    window.student_screen.scan_button.setFocus()  # the coach chose it from this menu
    window.scans.fill_in(student, Person.WORKPLACE_TRAINER)
    view = window.scans.scan_view
    assert view is not None
    assert student.given_name in view.title_label.text()
    for _statement in statements():
        qtbot.keyClick(view, Qt.Key.Key_3)
    assert view.hint_label.text() == "Opgeslagen · Esc sluit"
    assert view.statement_label.text() == "Klaar: de antwoorden zijn opgeslagen."
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    # Back on the file (once the scan window is gone) on the timeline, not on "Privacy".
    qtbot.waitUntil(lambda: window.focusWidget() is window.student_screen.timeline)


def test_tab_goes_through_the_student_actions_as_the_row_reads(window: MainWindow) -> None:
    screen = window.student_screen
    row = [
        screen.add_experience_button,
        screen.reflection_button,
        screen.edit_button,
        screen.archive_button,
        screen.scan_button,
        screen.progress_button,
        screen.privacy_button,
    ]
    walked = [row[0]]
    while len(walked) < len(row):
        walked.append(walked[-1].nextInFocusChain())
    assert walked == row


def test_a_new_reflection_asks_again_for_an_empty_title_and_then_writes_in_the_text(
    qtbot, window: MainWindow
) -> None:
    """Found walking: an empty title cancelled everything, and the first sentence went into the
    title because the editor opened with the cursor there."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    said: list[str] = []

    def retype(dialog: QInputDialog) -> None:
        dialog.setTextValue("Mijn week")
        dialog.accept()

    def warned(box: QMessageBox) -> None:
        said.append(box.text())
        answer_next_dialog(QInputDialog, retype)
        box.accept()

    def empty(dialog: QInputDialog) -> None:
        answer_next_dialog(QMessageBox, warned)
        dialog.setTextValue("  ")
        dialog.accept()

    answer_next_dialog(QInputDialog, empty)
    window.reflections.new_practice_reflection()
    assert len(said) == 1  # said once why, then asked again
    (editor,) = window.reflections.editors.values()
    assert editor.title_edit.text() == "Mijn week"
    assert editor.focusWidget() is editor.editor  # where typing goes once the window is active
    editor.close()
