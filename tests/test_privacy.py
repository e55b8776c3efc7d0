"""AVG rights: inzage, erasure that leaves no trace (also not after a restore), retention, audit log."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from coachdesk.domain.people import Person
from coachdesk.domain.students import StudentStatus
from coachdesk.services.backups import Backups
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.privacy import Privacy
from coachdesk.services.workspace import StoreLocation, Workspace
from tests.helpers import make_student, run_cli

TODAY = dt.date(2026, 11, 23)
NAME = "Wiśniewska-Kwiatkowska"


def _files_contain(folder: Path, text: str) -> list[str]:
    hits = []
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if text.encode("utf-8") in data or text.encode("utf-16-le") in data:
            hits.append(str(path.relative_to(folder)))
    return hits


def test_erasure_leaves_no_trace_in_store_wal_or_after_restoring_an_older_backup(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "gegevens"
    workspace = Workspace.open(StoreLocation(folder))
    fill_with_demo(workspace.repos, students=3, today=TODAY)
    student = workspace.repos.students.add(make_student("0999", family_name=NAME))
    older = Backups(workspace.location.path).make(workspace.repos.store, "handmatig")
    Privacy(workspace.repos).erase("0999", TODAY)
    assert workspace.repos.students.by_number("0999") is None
    workspace.close()
    assert _files_contain(folder, NAME) == [f"backups/{older.name}"]  # only the older backup
    assert student.id in (folder / "verwijderd.json").read_text()
    assert run_cli("restore", str(older), data_dir=folder).returncode == 0
    workspace = Workspace.open(StoreLocation(folder))
    assert workspace.repos.students.by_number("0999") is None  # not brought back
    workspace.close()
    hits = [
        h for h in _files_contain(folder, NAME) if not h.startswith(("backups/", "quarantaine/"))
    ]
    assert hits == []


def test_inzage_holds_everything_about_one_student(tmp_path: Path) -> None:
    folder = tmp_path / "gegevens"
    assert run_cli("demo", "--students", "2", data_dir=folder).returncode == 0
    number = json.loads(run_cli("students", "--json", data_dir=folder).stdout)[0]["student_number"]
    result = run_cli("inzage", number, "--out", str(tmp_path / "inzage"), data_dir=folder)
    assert result.returncode == 0, result.stderr
    content = json.loads((tmp_path / "inzage" / f"inzage-{number}.json").read_text())
    assert content["includes_private"] is True
    assert content["students"][0]["student"]["student_number"] == number
    assert content["students"][0]["conversations"]
    assert (tmp_path / "inzage" / f"inzage-{number}.pdf").stat().st_size > 1000
    log = (folder / "logs" / "audit.log").read_text()
    assert " inzage student=" in log
    assert content["students"][0]["student"]["family_name"] not in log


def test_erase_asks_for_confirmation_and_retention_lists_who_left_long_ago(tmp_path: Path) -> None:
    folder = tmp_path / "gegevens"
    workspace = Workspace.open(StoreLocation(folder))
    repos = workspace.repos
    repos.students.add(
        make_student("1", status=StudentStatus.ARCHIVED, leave_date=dt.date(2024, 11, 22))
    )
    repos.students.add(
        make_student("2", status=StudentStatus.ARCHIVED, leave_date=dt.date(2024, 11, 24))
    )
    repos.students.add(make_student("3"))
    due = Privacy(repos).due_for_erasure(TODAY)
    workspace.close()
    assert [s.student_number for s in due] == ["1"]
    refused = run_cli("erase", "1", data_dir=folder)
    assert refused.returncode == 1 and "--confirm" in refused.stderr
    assert run_cli("erase", "1", "--confirm", data_dir=folder).returncode == 0
    assert " erase student=" in (folder / "logs" / "audit.log").read_text()
    listing = run_cli("retention", data_dir=folder)
    assert listing.returncode == 0


def test_the_coach_erases_a_student_from_the_screen_after_typing_the_number(
    qtbot, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from coachdesk.app import build_window
    from tests.helpers import answer_next_dialog

    folder = tmp_path / "gegevens"
    workspace = Workspace.open(StoreLocation(folder))
    workspace.repos.students.add(make_student("0999", family_name=NAME))
    workspace.repos.students.add(
        make_student("0100", status=StudentStatus.ARCHIVED, leave_date=dt.date(2020, 1, 1))
    )
    window = build_window(workspace, TODAY)
    qtbot.addWidget(window)
    window.show()
    screen = window.caseload_screen
    screen.status_combo.select_value("retention")
    assert [
        screen.model.entry_at(r).student.student_number for r in range(screen.model.rowCount())
    ] == ["0100"]
    student = workspace.repos.students.by_number("0999")

    def type_other(dialog: QInputDialog) -> None:
        dialog.setTextValue("1234")
        dialog.accept()

    answer_next_dialog(QInputDialog, type_other)
    window.erase_student(student)
    assert workspace.repos.students.by_number("0999") is not None

    def type_number(dialog: QInputDialog) -> None:
        dialog.setTextValue("0999")
        dialog.accept()

    answer_next_dialog(QInputDialog, type_number)
    window.erase_student(student)
    assert workspace.repos.students.by_number("0999") is None
    window.close()
    workspace.close()


def test_the_caseload_reminds_of_students_past_the_schools_retention_period(
    qtbot, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from coachdesk.app import build_window
    from coachdesk.services.settings import SettingsService

    folder = tmp_path / "gegevens"
    workspace = Workspace.open(StoreLocation(folder))
    for number, left in (("0100", dt.date(2024, 6, 1)), ("0200", dt.date(2025, 6, 1))):
        workspace.repos.students.add(
            make_student(number, status=StudentStatus.ARCHIVED, leave_date=left)
        )
    window = build_window(workspace, TODAY)
    qtbot.addWidget(window)
    window.show()
    screen = window.caseload_screen
    assert screen.erasure_reminder.isVisible()
    assert screen.erasure_label.text().startswith("1 gearchiveerde student is meer dan 2 jaar")
    show = screen.erasure_reminder.findChild(QPushButton)
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)
    shown = [
        screen.model.entry_at(r).student.student_number for r in range(screen.model.rowCount())
    ]
    assert shown == ["0100"] and not screen.erasure_reminder.isVisible()

    SettingsService(workspace.repos.store).set_retention_years(1)  # the school's own period
    window.close()
    window = build_window(workspace, TODAY)
    qtbot.addWidget(window)
    window.show()
    assert window.caseload_screen.erasure_label.text().startswith("2 gearchiveerde studenten")
    window.close()
    workspace.close()
    listing = run_cli("retention", data_dir=folder)
    assert "2 studenten te verwijderen (meer dan 1 jaar geleden uitgeschreven)" in listing.stdout


def test_the_audit_log_records_each_kind_of_action_from_the_app_and_never_a_name(
    tmp_path: Path,
) -> None:
    from coachdesk.domain.conversations import ConversationState
    from coachdesk.services.conversation_flow import ConversationFlow
    from coachdesk.services.csv_files import read_table
    from coachdesk.services.dossier import Dossiers
    from coachdesk.services.student_import import StudentImport
    from coachdesk.services.summary_content import SummaryContent

    folder = tmp_path / "gegevens"
    workspace = Workspace.open(StoreLocation(folder))
    repos = workspace.repos
    fill_with_demo(repos, students=3, today=TODAY)
    class_list = tmp_path / "klas.csv"
    class_list.write_text(f"Stamnummer;Roepnaam;Achternaam\n0999;Zoë;{NAME}\n", encoding="utf-8")
    importer = StudentImport(repos, demo_store=False)
    importer.apply(importer.prepare(read_table(class_list)))
    closed = next(c for c in repos.conversations.select() if c.state is ConversationState.CLOSED)
    flow = ConversationFlow(repos)
    flow.close(closed.id, flow.closing(closed.id), TODAY)
    SummaryContent(repos).build(closed.id, Person.STUDENT)
    flow.prep_card(closed.id)
    Dossiers(repos).export(
        ["0999"], "lange wachtwoordzin 2026", tmp_path / "d.cdd", consent_given=True
    )
    Privacy(repos).inzage("0999", TODAY)
    Privacy(repos).erase("0999", TODAY)
    names = [s.family_name for s in repos.students.caseload(include_archived=True)]
    workspace.close()

    log = (folder / "logs" / "audit.log").read_text(encoding="utf-8")
    for action in (
        " import-students created=1 updated=0",
        " consent conversation=",
        " report conversation=",
        " prep-card conversation=",
        " consent students=1 subject=handover",
        " export-dossier private=False students=1",
        " inzage student=",
        " progress-report student=",
        " erase student=",
    ):
        assert action in log, action
    assert not [name for name in [*names, NAME] if name in log]


@pytest.mark.parametrize(
    ("left", "today", "due"),
    [
        (dt.date(2024, 11, 22), TODAY, True),  # two years and a day ago
        (dt.date(2024, 11, 23), TODAY, False),  # exactly two years ago: not yet
        (dt.date(2026, 2, 27), dt.date(2028, 2, 29), True),  # on a leap day the limit is 28 Feb
        (dt.date(2026, 2, 28), dt.date(2028, 2, 29), False),
    ],
)
def test_retention_counts_from_the_day_after_the_period_ends(
    tmp_path: Path, left: dt.date, today: dt.date, due: bool
) -> None:
    workspace = Workspace.open(StoreLocation(tmp_path / "gegevens"))
    workspace.repos.students.add(make_student("1", status=StudentStatus.ARCHIVED, leave_date=left))
    workspace.repos.students.add(make_student("2", leave_date=dt.date(2020, 1, 1)))  # still active
    numbers = [s.student_number for s in Privacy(workspace.repos).due_for_erasure(today)]
    workspace.close()
    assert numbers == (["1"] if due else [])
