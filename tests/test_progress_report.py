"""The voortgangsoverzicht: a period of a student's thread, without anything private."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from coachdesk.domain.agreements import Agreement, AgreementStatus, Goal, GoalStatus
from coachdesk.domain.conversations import ConversationKind
from coachdesk.domain.experiences import Experience, ExperienceKind
from coachdesk.domain.people import Person
from coachdesk.errors import ValidationError
from coachdesk.export.progress_pdf import write_progress
from coachdesk.services.closing import Closing, SharedText
from coachdesk.services.competence_scan import CompetenceScans, statements
from coachdesk.services.conversation_flow import ConversationFlow
from coachdesk.services.progress_report import ProgressReports
from coachdesk.storage.repositories import Repositories
from tests.helpers import make_student, run_cli

TODAY = dt.date(2026, 11, 23)


def test_the_overview_holds_the_period_and_what_came_of_agreements(
    repos: Repositories, tmp_path: Path
) -> None:
    student = repos.students.add(make_student())
    repos.experiences.add(
        Experience(
            student_id=student.id,
            kind=ExperienceKind.TASTER_PLACEMENT,
            title="Snuffelstage bij de bakker",
            start_date=dt.date(2026, 9, 10),
        )
    )
    repos.experiences.add(
        Experience(
            student_id=student.id,
            kind=ExperienceKind.OPEN_DAY,
            title="Open dag vorig jaar",
            start_date=dt.date(2025, 3, 1),
        )
    )
    flow = ConversationFlow(repos)
    talk = flow.start(
        student.id,
        ConversationKind.DIALOGUE,
        dt.date(2026, 10, 1),
        [(Person.STUDENT, student.full_name, None), (Person.COACH, "Mirjam", None)],
    )
    flow.close(
        talk.id,
        Closing(
            summary=SharedText("Ik wil naar niveau 4."),
            private_note="Privé: thuis lastig",
            agreements=[
                Agreement(
                    student_id=student.id, owner=Person.STUDENT, description="Open dag bezoeken"
                )
            ],
        ),
        dt.date(2026, 10, 1),
    )
    agreement = repos.agreements.select("conversation_id = ?", [talk.id])[0]
    flow.mark_agreement(agreement.id, AgreementStatus.DONE, "Samen met mijn moeder geweest")
    report = ProgressReports(repos).build("2024001", today=TODAY, school_name="ROC Demostad")
    assert report.start == dt.date(2026, 8, 1)
    text = "\n".join(
        p.extract_text() for p in PdfReader(write_progress(report, tmp_path / "v.pdf")).pages
    )
    for expected in (
        "Voortgangsoverzicht",
        "Zoë van der Meer",
        "1 augustus 2026",
        "23 november 2026",
        "Snuffelstage bij de bakker",
        "Ik wil naar niveau 4.",
        "Open dag bezoeken",
        "Gedaan",
        "Samen met mijn moeder geweest",
        "ROC Demostad",
    ):
        assert expected in text, expected
    assert "Open dag vorig jaar" not in text
    assert "thuis lastig" not in text


def test_an_unknown_student_or_a_reversed_period_is_refused(repos: Repositories) -> None:
    with pytest.raises(ValidationError, match="geen student"):
        ProgressReports(repos).build("999", today=TODAY)
    repos.students.add(make_student())
    with pytest.raises(ValidationError, match="eindigt voordat"):
        ProgressReports(repos).build("2024001", dt.date(2026, 9, 1), dt.date(2026, 8, 1))


def test_the_progress_command(tmp_path: Path) -> None:
    folder = tmp_path / "gegevens"
    assert run_cli("demo", "--students", "2", data_dir=folder).returncode == 0
    import json

    number = json.loads(run_cli("students", "--json", data_dir=folder).stdout)[0]["student_number"]
    result = run_cli(
        "progress",
        number,
        "--out",
        str(tmp_path / "p.pdf"),
        "--from",
        "2025-08-01",
        data_dir=folder,
    )
    assert result.returncode == 0, result.stderr
    assert "Voortgangsoverzicht" in PdfReader(tmp_path / "p.pdf").pages[0].extract_text()
    bad = run_cli(
        "progress", number, "--out", str(tmp_path / "q.pdf"), "--from", "gisteren", data_dir=folder
    )
    assert bad.returncode == 2
    assert "'gisteren' is geen datum" in bad.stderr


def _goal(student_id: str, text: str, status: GoalStatus, created: dt.date) -> Goal:
    moment = dt.datetime.combine(created, dt.time(12), tzinfo=dt.UTC)
    return Goal(
        student_id=student_id,
        description=text,
        status=status,
        created_at=moment,
        updated_at=moment,
    )


def test_each_goal_once_and_only_what_belongs_to_the_period(
    repos: Repositories, tmp_path: Path
) -> None:
    student = repos.students.add(make_student())
    for goal in (
        _goal(student.id, "Doel van vorig jaar, behaald", GoalStatus.ACHIEVED, dt.date(2025, 3, 1)),
        _goal(student.id, "Ik bezoek twee bedrijven.", GoalStatus.ACTIVE, dt.date(2025, 10, 1)),
        _goal(student.id, "Ik bezoek twee bedrijven.", GoalStatus.ACTIVE, dt.date(2026, 9, 1)),
        _goal(
            student.id, "Ik kies een vervolgopleiding.", GoalStatus.ACHIEVED, dt.date(2026, 9, 9)
        ),
        _goal(student.id, "Doel van na de periode", GoalStatus.ACTIVE, dt.date(2027, 1, 5)),
    ):
        repos.goals.add(goal)
    report = ProgressReports(repos).build("2024001", today=TODAY)
    text = "\n".join(
        p.extract_text() for p in PdfReader(write_progress(report, tmp_path / "v.pdf")).pages
    )
    assert text.count("Ik bezoek twee bedrijven.") == 1
    assert "Ik kies een vervolgopleiding." in text
    assert "Doel van vorig jaar" not in text
    assert "Doel van na de periode" not in text


def _scans(repos: Repositories, student_id: str, days: list[dt.date]) -> None:
    answers = {s.id: 1 + i % 4 for i, s in enumerate(statements())}
    for day in days:
        CompetenceScans(repos).record(student_id, Person.STUDENT, answers, day)


@pytest.mark.parametrize("experiences", range(0, 36, 3))
def test_the_scan_chart_stays_with_its_heading_with_years_and_the_scale_words(
    repos: Repositories, tmp_path: Path, experiences: int
) -> None:
    student = repos.students.add(make_student())
    for number in range(experiences):
        repos.experiences.add(
            Experience(
                student_id=student.id,
                kind=ExperienceKind.OPEN_DAY,
                title=f"Open dag {number}",
                start_date=dt.date(2026, 9, 1) + dt.timedelta(days=number),
            )
        )
    _scans(repos, student.id, [dt.date(2025, 10, 11), dt.date(2026, 2, 3), dt.date(2026, 10, 6)])
    report = ProgressReports(repos).build("2024001", dt.date(2025, 8, 1), today=TODAY)
    pages = [p.extract_text() for p in PdfReader(write_progress(report, tmp_path / "v.pdf")).pages]
    chart_page = next(text for text in pages if "Competentiescan" in text)
    for label in ("nog niet", "soms", "vaak", "bijna altijd", "Netwerken"):
        assert label in chart_page
    for day in ("11 okt 2025", "3 feb 2026", "6 okt 2026"):
        assert day in chart_page
