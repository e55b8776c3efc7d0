"""The competence scan: the student first, three raters, a chart of growth, paper for the trainer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from coachdesk.domain.competences import Competence
from coachdesk.domain.people import Person
from coachdesk.errors import ValidationError
from coachdesk.export.progress_pdf import write_progress
from coachdesk.export.scan_pdf import write_scan_paper
from coachdesk.services.competence_scan import CompetenceScans, competence_ratings, statements
from coachdesk.services.progress_report import ProgressReports
from coachdesk.storage.repositories import Repositories
from coachdesk.ui.screens.scan.scan_chart import ScanChart
from coachdesk.ui.screens.scan.scan_entry import ScanEntryView
from tests.helpers import answer_next_dialog, make_student

DAY = dt.date(2026, 10, 1)


def _answers(value: int) -> dict[str, int]:
    return {s.id: value for s in statements()}


def test_there_are_three_statements_for_each_competence() -> None:
    counts = {c: sum(1 for s in statements() if s.competence is c) for c in Competence}
    assert set(counts.values()) == {3}
    assert all(s.for_student.startswith("Ik ") for s in statements())


def test_a_competence_rating_is_the_rounded_mean_of_its_statements() -> None:
    kw = [s.id for s in statements() if s.competence is Competence.QUALITIES]
    assert competence_ratings({kw[0]: 1, kw[1]: 2, kw[2]: 4}) == {Competence.QUALITIES: 2}
    assert competence_ratings({kw[0]: 3, kw[1]: 4}) == {Competence.QUALITIES: 4}


def test_the_student_rates_first_and_the_others_join_that_moment(repos: Repositories) -> None:
    student = repos.students.add(make_student())
    scans = CompetenceScans(repos)
    with pytest.raises(ValidationError, match="eerst zelf"):
        scans.record(student.id, Person.COACH, _answers(3), DAY)
    scans.record(student.id, Person.STUDENT, _answers(2), DAY)
    coach = scans.record(student.id, Person.COACH, _answers(3), DAY + dt.timedelta(days=5))
    assert coach.date == DAY
    scans.record(student.id, Person.STUDENT, _answers(3), DAY)  # a second try replaces the first
    history = scans.history(student.id)
    assert history.moments == [DAY]
    assert [s.rater for s in history.latest()] == [Person.STUDENT, Person.COACH]
    assert history.rating(DAY, Person.STUDENT, Competence.MOTIVES) == 3
    with pytest.raises(ValidationError):
        scans.record(student.id, Person.STUDENT, {"bestaat-niet": 2}, DAY)


def test_the_student_fills_it_in_with_the_keyboard(qtbot) -> None:
    done: list[dict[str, int]] = []
    view = ScanEntryView(
        "Competentiescan · ingevuld door Zoë",
        Person.STUDENT,
        statements(),
        lambda answers: done.append(answers) or True,
    )
    qtbot.addWidget(view)
    view.show()
    assert view.statement_label.text() == statements()[0].for_student
    qtbot.keyClick(view, Qt.Key.Key_2)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.index == 0 and view.buttons[1].isChecked()
    for _item in statements():
        qtbot.keyClick(view, Qt.Key.Key_4)
    assert done == [_answers(4)]
    assert "Geef de laptop terug" in view.statement_label.text()
    assert view.hint_label.text() == "Opgeslagen · Esc sluit"  # no longer "without saving"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()


def test_esc_halfway_asks_before_the_answers_are_thrown_away(qtbot) -> None:
    done: list[dict[str, int]] = []
    view = ScanEntryView(
        "Competentiescan", Person.STUDENT, statements(), lambda a: done.append(a) or True
    )
    qtbot.addWidget(view)
    view.show()
    for _item in range(4):
        qtbot.keyClick(view, Qt.Key.Key_3)
    asked: list[str] = []
    seen = answer_next_dialog(QMessageBox, lambda box: (asked.append(box.text()), box.reject()))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert seen and "4 van 15" in asked[0]
    assert view.isVisible() and view.index == 4  # going on where the student was
    seen = answer_next_dialog(
        QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click()
    )
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert seen and not view.isVisible() and done == []


def test_the_chart_draws_growth_and_describes_it_for_screen_readers(
    qtbot, repos: Repositories
) -> None:
    student = repos.students.add(make_student())
    scans = CompetenceScans(repos)
    scans.record(student.id, Person.STUDENT, _answers(1), DAY)
    scans.record(student.id, Person.WORKPLACE_TRAINER, _answers(2), DAY)
    scans.record(student.id, Person.STUDENT, _answers(3), DAY + dt.timedelta(days=120))
    chart = ScanChart()
    qtbot.addWidget(chart)
    chart.resize(600, 400)
    chart.set_history(scans.history(student.id))
    image = chart.grab().toImage()
    assert image.width() == 600
    assert "Student: Kwaliteiten 3" in chart.accessibleDescription()


def test_the_paper_form_and_the_progress_overview(repos: Repositories, tmp_path: Path) -> None:
    student = repos.students.add(make_student())
    CompetenceScans(repos).record(student.id, Person.STUDENT, _answers(2), DAY)
    paper = PdfReader(write_scan_paper(student, DAY, tmp_path / "scan.pdf"))
    text = "\n".join(page.extract_text() for page in paper.pages)
    assert "blik van de praktijkopleider" in text
    assert "De student kan vertellen waar hij of zij goed in is." in text
    assert "bijna altijd" in " ".join(text.split())
    report = ProgressReports(repos).build("2024001", dt.date(2026, 8, 1), dt.date(2026, 11, 23))
    overview = PdfReader(write_progress(report, tmp_path / "voortgang.pdf"))
    assert "dit is geen cijfer" in "\n".join(page.extract_text() for page in overview.pages)


def test_the_paper_form_keeps_its_signature_lines_together_with_statements(
    tmp_path: Path,
) -> None:
    paper = PdfReader(write_scan_paper(make_student(), DAY, tmp_path / "scan.pdf"))
    last = paper.pages[-1].extract_text()
    for label in ("Naam praktijkopleider", "Handtekening", "Datum"):
        assert label in last
    assert "De student" in last  # the signatures never stand alone on a page
