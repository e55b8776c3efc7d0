"""Read-only means read-only: an erase in the view of a damaged store is refused before it starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachdesk.app import AppController, report_uncaught
from coachdesk.errors import StoreError
from coachdesk.services.privacy import Privacy
from coachdesk.services.workspace import Workspace
from tests.helpers import answer_next_dialog
from tests.test_store_recovery import _break_table, _quarantined, _store_with_backup


def _files(folder: Path) -> dict[Path, bytes]:
    """Every file's bytes; SQLite's shared-memory index (-shm) of an open copy holds no data."""
    return {
        p.relative_to(folder): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.endswith("-shm")
    }


def test_erasing_in_the_read_only_view_writes_nothing_into_quarantine(data_dir: Path) -> None:
    location = _store_with_backup(data_dir)
    _break_table(location.path, "reflections")
    copy = _quarantined(location).copy
    before = _files(data_dir)
    workspace = Workspace.open_read_only(location, copy)
    try:
        number = workspace.repos.students.caseload()[0].student_number
        with pytest.raises(StoreError, match="om alleen te lezen"):
            Privacy(workspace.repos).erase(number)
    finally:
        workspace.close()
    assert _files(data_dir) == before  # no verwijderd.json beside the quarantine copy


def test_the_refusal_reaches_the_coach_as_a_calm_message_without_a_crash_log(
    qtbot, data_dir: Path
) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    location = _store_with_backup(data_dir)
    _break_table(location.path, "reflections")
    controller = AppController(location, read_only_copy=_quarantined(location).copy)
    qtbot.addWidget(controller.window)
    student = controller.workspace.repos.students.caseload()[0]

    def confirm(dialog: QInputDialog) -> None:
        dialog.setTextValue(student.student_number)
        dialog.accept()

    answer_next_dialog(QInputDialog, confirm)
    with pytest.raises(StoreError) as refused:  # a slot's error goes to the app's handler
        controller.window.erase_student(student)
    said: list[str] = []
    answer_next_dialog(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    report_uncaught(controller, refused.value)
    assert said == [refused.value.message]
    assert not (data_dir / "logs").exists() or not list((data_dir / "logs").glob("crash-*"))
    controller.close()


def test_an_inzage_from_the_read_only_view_is_logged_beside_the_store_not_in_quarantine(
    data_dir: Path,
) -> None:
    location = _store_with_backup(data_dir)
    _break_table(location.path, "questions")  # a part the inzage does not read
    copy = _quarantined(location).copy
    before = _files(copy.parent)
    workspace = Workspace.open_read_only(location, copy)
    try:
        number = workspace.repos.students.caseload()[0].student_number
        Privacy(workspace.repos).inzage(number)
    finally:
        workspace.close()
    assert _files(copy.parent) == before
    assert " inzage " in (data_dir / "logs" / "audit.log").read_text(encoding="utf-8")
