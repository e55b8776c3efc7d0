"""The voortgangsoverzicht: a period of a student's thread, without anything private."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from coachdesk.domain.agreements import Agreement, AgreementStatus
from coachdesk.domain.conversations import ConversationKind
from coachdesk.domain.experiences import Experience, ExperienceKind
from coachdesk.domain.roles import Role
from coachdesk.errors import ValidationError
from coachdesk.export.progress_pdf import write_progress
from coachdesk.services.closing import Closing, SharedText
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
        [(Role.STUDENT, student.full_name, None), (Role.COACH, "Mirjam", None)],
    )
    flow.close(
        talk.id,
        Closing(
            summary=SharedText("Ik wil naar niveau 4."),
            private_note="Privé: thuis lastig",
            agreements=[
                Agreement(
                    student_id=student.id, owner=Role.STUDENT, description="Open dag bezoeken"
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
