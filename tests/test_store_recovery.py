"""When the store does not open, the app offers the ways back: backup, read-only view, set aside."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from coachdesk.app import AppController, QuickCheck, recover, report_uncaught
from coachdesk.errors import DamagedStoreError, QuarantinedStoreError, StoreError
from coachdesk.services.backups import Backups
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.storage.database import open_store
from coachdesk.storage.integrity import BackgroundQuickCheck
from coachdesk.storage.repositories import Repositories
from coachdesk.storage.store_identity import wal_file
from coachdesk.storage.store_lock import StoreLock
from coachdesk.ui.dialogs.store_trouble_dialog import StoreTroubleDialog
from tests.helpers import answer_next_dialog, make_student

TODAY = dt.date(2026, 11, 23)


def _store_with_backup(data_dir: Path) -> StoreLocation:
    location = StoreLocation(data_dir)
    workspace = Workspace.open(location)
    fill_with_demo(workspace.repos, students=12, today=TODAY)
    Backups(location.path).make(workspace.repos.store, "sessie")
    workspace.close()
    return location


def _break_table(path: Path, table: str) -> None:
    """Damage one table's root page on disk, as a failing disk would; the rest stays readable."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size] = 0x00  # not a valid b-tree page type any more
    path.write_bytes(bytes(data))


def _damage_error(folder: Path) -> sqlite3.DatabaseError:
    """Return the error SQLite itself raises on reading a damaged table (with its error code)."""
    path = folder / "kapot.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    _break_table(path, "t")
    conn = sqlite3.connect(path)
    try:
        conn.execute("SELECT * FROM t").fetchall()
    except sqlite3.DatabaseError as error:
        return error
    finally:
        conn.close()
    raise AssertionError("SQLite read a table whose root page is broken")


def _quarantined(location: StoreLocation) -> QuarantinedStoreError:
    with pytest.raises(QuarantinedStoreError) as raised:
        Workspace.open(location)
    return raised.value


def test_a_damaged_store_is_found_at_start_and_its_copy_can_be_read_but_never_changed(
    data_dir: Path,
) -> None:
    location = _store_with_backup(data_dir)
    _break_table(location.path, "reflections")
    damaged = location.path.read_bytes()

    error = _quarantined(location)

    assert error.backup is not None and not error.foreign_wal
    assert error.copy.read_bytes() == damaged == location.path.read_bytes()
    workspace = Workspace.open_read_only(location, error.copy)
    try:
        assert workspace.read_only
        assert workspace.repos.students.count() == 12
        with pytest.raises(StoreError) as refused:
            workspace.repos.students.add(make_student("0999", family_name="Nieuw"))
        assert "om alleen te lezen" in refused.value.message
    finally:
        workspace.close()
    assert error.copy.read_bytes() == damaged
    assert location.path.read_bytes() == damaged


def test_choosing_read_only_shows_the_caseload_with_a_banner_and_makes_no_backup(
    qtbot, data_dir: Path
) -> None:
    location = _store_with_backup(data_dir)
    _break_table(location.path, "reflections")
    damaged = location.path.read_bytes()
    backups_before = sorted((data_dir / "backups").iterdir())
    error = _quarantined(location)

    seen = answer_next_dialog(StoreTroubleDialog, lambda dialog: dialog.read_only_button.click())
    controller = recover(location, None, error)

    assert seen and controller is not None
    window = controller.window
    qtbot.addWidget(window)
    banner = window.findChild(type(window.demo_banner), "readOnlyBanner")
    assert banner is not None and not banner.isHidden()
    shown = len(controller.workspace.repos.students.caseload())
    assert shown >= 10 and window.caseload_screen.model.rowCount() == shown
    assert "Alleen-lezen" in window.store_label.text()
    assert not window.caseload_screen.import_button.isEnabled()
    controller.close()
    assert sorted((data_dir / "backups").iterdir()) == backups_before
    assert location.path.read_bytes() == damaged


def test_choosing_the_backup_restores_it_and_opens_the_store(qtbot, data_dir: Path) -> None:
    location = _store_with_backup(data_dir)
    _break_table(location.path, "students")
    error = _quarantined(location)

    def choose_backup(dialog: StoreTroubleDialog) -> None:
        assert dialog.restore_button.isVisible() and dialog.read_only_button.isVisible()
        assert not dialog.set_aside_button.isVisible()
        dialog.restore_button.click()

    answer_next_dialog(StoreTroubleDialog, choose_backup)
    controller = recover(location, None, error)

    assert controller is not None
    qtbot.addWidget(controller.window)
    assert not controller.workspace.read_only
    assert controller.workspace.repos.students.count() == 12
    controller.close()
    assert "restore" in (data_dir / "logs" / "audit.log").read_text()


def test_a_foreign_log_file_is_set_aside_from_the_app_and_the_own_data_opens(
    qtbot, data_dir: Path
) -> None:
    location = StoreLocation(data_dir)
    Workspace.open(location).close()
    Repositories.for_store(own := open_store(location.path)).students.add(make_student("1"))
    own.close()
    other = open_store(data_dir.parent / "ander" / "coachdesk.sqlite")
    Repositories.for_store(other).students.add(make_student("2", family_name="Vreemd"))
    shutil.copyfile(wal_file(other.path), wal_file(location.path))
    other.close()
    error = _quarantined(location)
    assert error.foreign_wal

    def set_aside(dialog: StoreTroubleDialog) -> None:
        assert dialog.set_aside_button.isVisible()
        assert not dialog.read_only_button.isVisible() and not dialog.restore_button.isVisible()
        dialog.set_aside_button.click()

    answer_next_dialog(StoreTroubleDialog, set_aside)
    controller = recover(location, None, error)

    assert controller is not None
    qtbot.addWidget(controller.window)
    names = [s.family_name for s in controller.workspace.repos.students.caseload()]
    assert names == ["Meer"]
    controller.close()


def test_closing_the_explanation_opens_nothing(qtbot, data_dir: Path) -> None:
    location = _store_with_backup(data_dir)
    _break_table(location.path, "students")
    damaged = location.path.read_bytes()
    error = _quarantined(location)
    answer_next_dialog(StoreTroubleDialog, lambda dialog: dialog.close_button.click())
    assert recover(location, None, error) is None
    assert location.path.read_bytes() == damaged
    with pytest.raises(QuarantinedStoreError):  # the next start explains it again
        AppController(location)
    copies = list((data_dir / "quarantaine").rglob("coachdesk.sqlite"))
    assert copies == [error.copy]  # the same damaged files are not copied twice


def test_damage_found_while_working_is_explained_and_the_app_closes_without_a_backup(
    qtbot, data_dir: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    location = _store_with_backup(data_dir)
    controller = AppController(location)
    qtbot.addWidget(controller.window)
    backups_before = sorted((data_dir / "backups").iterdir())
    said: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        said.append(box.text())
        box.accept()

    answer_next_dialog(QMessageBox, read_and_close)
    report_uncaught(controller, _damage_error(data_dir.parent))

    assert controller.damaged
    assert "beschadigd" in said[0] and "start hem opnieuw" in said[0]
    assert "Traceback" not in said[0] and "malformed" not in said[0]
    assert list((data_dir / "quarantaine").rglob("coachdesk.sqlite"))
    controller.close()
    assert sorted((data_dir / "backups").iterdir()) == backups_before


def test_in_the_read_only_view_a_damaged_part_is_only_said(qtbot, data_dir: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    location = _store_with_backup(data_dir)
    _break_table(location.path, "reflections")
    error = _quarantined(location)
    controller = AppController(location, read_only_copy=error.copy)
    qtbot.addWidget(controller.window)
    said: list[str] = []
    answer_next_dialog(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    report_uncaught(controller, _damage_error(data_dir.parent))
    assert said == ["Dit deel van de gegevens is beschadigd en kan niet worden gelezen."]
    assert not controller.damaged
    controller.close()


def test_a_way_back_that_fails_is_explained_and_the_choice_comes_back(
    qtbot, data_dir: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    location = _store_with_backup(data_dir)
    data = bytearray(location.path.read_bytes())
    data[0:16] = b"Dit is geen SQL!"  # not even readable read-only
    location.path.write_bytes(bytes(data))
    error = _quarantined(location)
    said: list[str] = []
    asked_again: list[list[bool]] = []

    def close(dialog: StoreTroubleDialog) -> None:
        dialog.close_button.click()

    def read_message(box: QMessageBox) -> None:
        said.append(box.text())
        asked_again.append(answer_next_dialog(StoreTroubleDialog, close))
        box.accept()

    def try_read_only(dialog: StoreTroubleDialog) -> None:
        answer_next_dialog(QMessageBox, read_message)
        dialog.read_only_button.click()

    answer_next_dialog(StoreTroubleDialog, try_read_only)
    assert recover(location, None, error) is None
    assert "beschadigd" in said[0]
    assert asked_again == [[True]]  # the choices came back after the explanation
    assert location.path.read_bytes() == bytes(data)


def test_the_read_only_view_of_an_encrypted_store_still_locks_with_the_passphrase(
    qtbot, data_dir: Path
) -> None:
    from coachdesk.services.encryption import encrypt, unlock
    from coachdesk.storage.keyfile import KdfParams

    location = _store_with_backup(data_dir)
    encrypt(location.path, "lange wachtwoordzin 2026", KdfParams(time_cost=1, memory_kib=8192))
    opener = unlock(location.path, "lange wachtwoordzin 2026")
    conn = opener.connect(location.path, read_only=True)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'reflections'").fetchone()
    conn.close()
    data = bytearray(location.path.read_bytes())
    data[(root[0] - 1) * 4096 + 100] ^= 0xFF  # one page that no longer decrypts
    location.path.write_bytes(bytes(data))
    with pytest.raises(QuarantinedStoreError) as raised:
        Workspace.open(location, opener)
    controller = AppController(location, opener, read_only_copy=raised.value.copy)
    window = controller.window
    qtbot.addWidget(window)
    assert window.services.change_passphrase is None  # nothing is changed from a copy
    window.lock()
    assert window.lock_screen.form is not None  # the passphrase is asked, not just a button
    window.lock_screen.unlock_button.click()
    assert window.is_locked
    controller.close()


def test_a_copy_too_damaged_to_show_is_a_clear_message_not_a_crash(qtbot, data_dir: Path) -> None:
    location = _store_with_backup(data_dir)
    _break_table(location.path, "students")
    error = _quarantined(location)
    with pytest.raises(StoreError) as raised:
        AppController(location, read_only_copy=error.copy)
    assert "te beschadigd" in raised.value.message
    StoreLock(location.path).release()  # the failed attempt let go of the store


def test_checked_after_the_first_paint_a_damaged_store_takes_no_write(data_dir: Path) -> None:
    location = _store_with_backup(data_dir)
    _break_table(location.path, "reflections")
    damaged = location.path.read_bytes()

    workspace = Workspace.open(location, check_later=BackgroundQuickCheck.start)
    try:
        assert workspace.repos.students.count() == 12  # what the first screen reads still opens
        with pytest.raises(DamagedStoreError):
            workspace.repos.students.add(make_student("0999", family_name="Nieuw"))
    finally:
        workspace.close()
    assert location.path.read_bytes() == damaged


def test_checked_after_the_first_paint_a_sound_store_takes_writes(data_dir: Path) -> None:
    location = _store_with_backup(data_dir)
    workspace = Workspace.open(location, check_later=BackgroundQuickCheck.start)
    try:
        workspace.repos.students.add(make_student("0999", family_name="Nieuw"))
        assert workspace.repos.students.count() == 13
    finally:
        workspace.close()


def test_damage_found_after_the_first_paint_offers_the_ways_back(qtbot, data_dir: Path) -> None:
    location = _store_with_backup(data_dir)
    _break_table(location.path, "reflections")
    damaged = location.path.read_bytes()
    seen = answer_next_dialog(StoreTroubleDialog, lambda dialog: dialog.restore_button.click())

    controller = AppController(location, quick_check=QuickCheck.AFTER_PAINT)
    first_window = controller.window  # replaced (and deleted) once the way back is chosen
    first_window.show()
    qtbot.waitUntil(lambda: bool(seen) and controller.window is not first_window, timeout=10000)

    qtbot.addWidget(controller.window)
    assert not controller.damaged and not controller.workspace.read_only
    controller.workspace.repos.students.add(make_student("0999", family_name="Nieuw"))
    copies = list((data_dir / "quarantaine").rglob("coachdesk.sqlite"))
    assert [copy.read_bytes() for copy in copies] == [damaged]
    controller.close()


def test_the_check_after_the_first_paint_leaves_the_apps_locks_for_other_programs_to_see(
    data_dir: Path,
) -> None:
    """Found walking: after the background check, one `coachdesk conversations` deleted the
    app's -wal and -shm while the app still wrote into them (closing any handle on the store
    drops every lock this process holds on it, SQLite's own included), so a crash would have
    lost everything written since."""
    import subprocess
    import sys

    location = _store_with_backup(data_dir)
    workspace = Workspace.open(location, check_later=BackgroundQuickCheck.start)
    try:
        workspace.repos.students.add(make_student("0999", family_name="Nieuw"))  # waits for it
        assert wal_file(location.path).is_file()
        reader = (
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "print(c.execute('SELECT count(*) FROM students').fetchone()[0]); c.close()"
        )
        other = subprocess.run(
            [sys.executable, "-c", reader, str(location.path)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert other.stdout.strip() == "13"  # the other program sees the new student
        assert wal_file(location.path).is_file()  # and left the app's log in place
        workspace.repos.students.add(make_student("1000", family_name="Later"))
    finally:
        workspace.close()
    check = sqlite3.connect(location.path)
    assert check.execute("SELECT count(*) FROM students").fetchone()[0] == 14
    check.close()
