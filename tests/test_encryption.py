"""Encryption at rest: no readable name anywhere on disk, a wrong passphrase said plainly."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from coachdesk.errors import UserFacingError
from coachdesk.services.backups import Backups
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.draft_writer import DraftWriter
from coachdesk.services.encryption import (
    StoreOpener,
    WrongPassphraseError,
    change_passphrase,
    encrypt,
    unlock,
)
from coachdesk.services.health import check_store
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.storage.keyfile import KdfParams
from tests.helpers import make_student, run_cli

FAST = KdfParams(time_cost=1, memory_kib=8192)  # tests only; real stores calibrate to >= 0.5 s
PASSPHRASE = "lange wachtwoordzin 2026"
NAME = "Wiśniewska-Kwiatkowska"


def _files_with(folder: Path, text: str) -> list[str]:
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if text.encode("utf-8") in data or text.encode("utf-16-le") in data:
                hits.append(str(path.relative_to(folder)))
    return hits


def _encrypted_store(folder: Path) -> tuple[StoreLocation, str]:
    location = StoreLocation(folder)
    workspace = Workspace.open(location)
    fill_with_demo(workspace.repos, students=3, today=dt.date(2026, 11, 23))
    workspace.repos.students.add(make_student("0999", family_name=NAME))
    Backups(location.path).make(workspace.repos.store, "handmatig")
    workspace.close()
    return location, encrypt(location.path, PASSPHRASE, FAST)


def test_after_encrypting_no_file_in_the_data_folder_holds_a_name(tmp_path: Path) -> None:
    location, recovery = _encrypted_store(tmp_path / "gegevens")
    assert len(recovery) == 35
    opener = unlock(location.path, PASSPHRASE)
    workspace = Workspace.open(location, opener)
    writer = DraftWriter(location.path, workspace.factory)
    reflection = workspace.repos.reflections.select()[0]
    writer.submit(reflection.id, f"<p>{NAME} schreef dit</p>")
    writer.close()
    Backups(location.path).make(workspace.repos.store, "sessie")
    names = [s.family_name for s in workspace.repos.students.caseload(include_archived=True)]
    workspace.close()
    assert NAME in names
    # Ciphertext is random bytes: a 3-letter name like "Vos" turns up by chance in about one
    # run in 200, so only names of five or more letters are looked for (1 in 10^7 runs).
    for name in {n for n in names if len(n) >= 5}:
        assert _files_with(tmp_path / "gegevens", name) == [], name
    assert check_store(location.path, opener).ok


def test_a_wrong_passphrase_is_said_plainly_and_changes_nothing(tmp_path: Path) -> None:
    location, recovery = _encrypted_store(tmp_path / "gegevens")
    before = {p: p.read_bytes() for p in (tmp_path / "gegevens").rglob("*") if p.is_file()}
    with pytest.raises(WrongPassphraseError, match="klopt niet"):
        unlock(location.path, "verkeerde wachtwoordzin")
    after = {p: p.read_bytes() for p in (tmp_path / "gegevens").rglob("*") if p.is_file()}
    assert after == before
    assert unlock(location.path, recovery_key=recovery.lower().replace("-", " "))


def test_changing_the_passphrase_only_rewraps_the_key(tmp_path: Path) -> None:
    location, recovery = _encrypted_store(tmp_path / "gegevens")
    store_bytes = location.path.read_bytes()
    change_passphrase(location.path, "een nieuwe zin 2027", old=PASSPHRASE, params=FAST)
    assert location.path.read_bytes() == store_bytes
    with pytest.raises(WrongPassphraseError):
        unlock(location.path, PASSPHRASE)
    workspace = Workspace.open(location, unlock(location.path, "een nieuwe zin 2027"))
    assert workspace.repos.students.by_number("0999") is not None
    workspace.close()
    assert unlock(location.path, recovery_key=recovery)


def test_a_forgotten_passphrase_is_replaced_with_the_recovery_key(tmp_path: Path) -> None:
    location, recovery = _encrypted_store(tmp_path / "gegevens")
    with pytest.raises(WrongPassphraseError):
        change_passphrase(location.path, "een nieuwe zin 2027", recovery_key="AAAAA-" * 5 + "AAAAA")
    change_passphrase(location.path, "een nieuwe zin 2027", recovery_key=recovery, params=FAST)
    workspace = Workspace.open(location, unlock(location.path, "een nieuwe zin 2027"))
    assert workspace.repos.students.by_number("0999") is not None
    workspace.close()


def test_the_cli_needs_the_passphrase_and_never_prints_cipher_noise(tmp_path: Path) -> None:
    folder = tmp_path / "gegevens"
    assert run_cli("demo", "--students", "2", data_dir=folder).returncode == 0
    done = run_cli("encrypt", data_dir=folder, env={"COACHDESK_NEW_PASSPHRASE": PASSPHRASE})
    assert done.returncode == 0, done.stderr
    assert "herstelsleutel" in done.stdout
    missing = run_cli("students", data_dir=folder)
    assert missing.returncode == 1 and "COACHDESK_PASSPHRASE" in missing.stderr
    wrong = run_cli("students", data_dir=folder, env={"COACHDESK_PASSPHRASE": "fout fout fout"})
    assert wrong.returncode == 1
    assert (
        wrong.stderr.strip()
        == "Fout: De wachtwoordzin klopt niet. Er is niets veranderd; probeer het opnieuw."
    )
    right = run_cli("students", "--json", data_dir=folder, env={"COACHDESK_PASSPHRASE": PASSPHRASE})
    assert right.returncode == 0 and right.stderr == ""
    check = run_cli("check", data_dir=folder, env={"COACHDESK_PASSPHRASE": PASSPHRASE})
    assert check.returncode == 0, check.stdout + check.stderr
    again = run_cli(
        "encrypt",
        data_dir=folder,
        env={"COACHDESK_NEW_PASSPHRASE": PASSPHRASE, "COACHDESK_PASSPHRASE": PASSPHRASE},
    )
    assert again.returncode == 1 and "al versleuteld" in again.stderr
    recovered = run_cli(
        "change-passphrase",
        "--recovery",
        data_dir=folder,
        env={
            "COACHDESK_RECOVERY_KEY": recovery_key(done.stdout),
            "COACHDESK_NEW_PASSPHRASE": "nieuw en lang 2027",
        },
    )
    assert recovered.returncode == 0, recovered.stderr
    after = run_cli("students", data_dir=folder, env={"COACHDESK_PASSPHRASE": "nieuw en lang 2027"})
    assert after.returncode == 0, after.stderr


def recovery_key(output: str) -> str:
    """The recovery key is the last line `encrypt` prints."""
    return output.strip().splitlines()[-1]


def test_the_unlock_dialog_says_a_wrong_passphrase_and_opens_with_the_right_one(
    qtbot, tmp_path: Path
) -> None:
    from coachdesk.ui.dialogs.unlock_dialog import UnlockDialog

    location, _recovery = _encrypted_store(tmp_path / "gegevens")
    dialog = UnlockDialog(lambda **secret: unlock(location.path, **secret))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.secret_edit, "fout fout fout")
    qtbot.keyClick(dialog.form.secret_edit, Qt.Key.Key_Return)
    assert "klopt niet" in dialog.form.problem_label.text() and dialog.opener is None
    dialog.form.secret_edit.setText(PASSPHRASE)
    qtbot.keyClick(dialog.form.secret_edit, Qt.Key.Key_Return)
    assert dialog.opener is not None and not dialog.isVisible()


def test_a_backup_carries_its_key_file_so_it_opens_on_a_new_laptop(tmp_path: Path) -> None:
    location, recovery = _encrypted_store(tmp_path / "oud")
    opener = unlock(location.path, PASSPHRASE)
    workspace = Workspace.open(location, opener)
    usb = tmp_path / "usb" / "reservekopie.sqlite"
    usb.parent.mkdir()
    Backups(location.path, factory=opener).make(workspace.repos.store, "handmatig", usb)
    workspace.close()
    new_laptop = StoreLocation(tmp_path / "nieuw")
    new_laptop.path.parent.mkdir()
    shutil.copy(usb, new_laptop.path)
    shutil.copy(
        usb.with_name(usb.name + ".sleutel"), new_laptop.path.with_name("coachdesk.sqlite.sleutel")
    )
    restored = Workspace.open(new_laptop, unlock(new_laptop.path, recovery_key=recovery))
    assert restored.repos.students.by_number("0999") is not None
    restored.close()


def test_rotation_removes_a_backup_together_with_its_key_file(tmp_path: Path) -> None:
    location, _recovery = _encrypted_store(tmp_path / "gegevens")
    folder = location.path.parent / "backups"
    old = folder / "coachdesk-20250101-120000-sessie.sqlite"
    old.write_bytes(b"")
    old.with_name(old.name + ".sleutel").write_text("{}")
    Backups(location.path).rotate()
    assert not old.exists() and not old.with_name(old.name + ".sleutel").exists()
    for backup in folder.glob("*.sqlite"):
        assert backup.with_name(backup.name + ".sleutel").is_file()


def test_check_finds_a_tampered_page_in_an_encrypted_store(tmp_path: Path) -> None:
    location, _recovery = _encrypted_store(tmp_path / "gegevens")
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE}
    sound = run_cli("check", data_dir=location.data_dir, env=env)
    assert sound.returncode == 0 and "Versleuteling" in sound.stdout, sound.stdout
    data = bytearray(location.path.read_bytes())
    data[4096 + 200] ^= 0xFF  # one byte inside the second page, as a failing disk would
    location.path.write_bytes(bytes(data))
    tampered = run_cli("check", data_dir=location.data_dir, env=env)
    assert tampered.returncode == 1
    assert "Traceback" not in tampered.stderr
    assert "PROBLEEM" in tampered.stdout or "beschadigd" in (tampered.stdout + tampered.stderr)


def test_a_damaged_encrypted_store_is_quarantined_and_its_backup_offered(tmp_path: Path) -> None:
    location, _recovery = _encrypted_store(tmp_path / "gegevens")
    opener = unlock(location.path, PASSPHRASE)
    location.path.write_bytes(location.path.read_bytes()[:3000])  # torn: less than one page
    with pytest.raises(UserFacingError) as raised:
        Workspace.open(location, opener)
    message = raised.value.message
    assert "quarantaine" in message and "coachdesk restore" in message, message
    assert "na-versleutelen" in message
    copy = raised.value.copy  # with its key file, so school IT can open it elsewhere
    assert copy.with_name(copy.name + ".sleutel").read_bytes() == (
        location.path.with_name(location.path.name + ".sleutel").read_bytes()
    )


def test_a_command_line_never_makes_an_unencrypted_store(tmp_path: Path) -> None:
    folder = tmp_path / "gegevens"
    refused = run_cli("students", data_dir=folder, env={"COACHDESK_PASSPHRASE": ""})
    assert refused.returncode == 1
    assert "altijd versleuteld" in refused.stderr and "COACHDESK_PASSPHRASE" in refused.stderr
    assert not (folder / "coachdesk.sqlite").exists()
    too_short = run_cli("students", data_dir=folder, env={"COACHDESK_PASSPHRASE": "kort"})
    assert too_short.returncode == 1 and not (folder / "coachdesk.sqlite").exists()

    made = run_cli("students", data_dir=folder, env={"COACHDESK_PASSPHRASE": PASSPHRASE})

    assert made.returncode == 0, made.stderr
    assert "herstelsleutel" in made.stderr and made.stdout.strip() == "0 studenten"
    store = folder / "coachdesk.sqlite"
    assert not store.read_bytes().startswith(b"SQLite format 3")
    assert (folder / "coachdesk.sqlite.sleutel").is_file()
    assert run_cli("students", data_dir=folder, env={"COACHDESK_PASSPHRASE": ""}).returncode == 1
    again = run_cli("students", data_dir=folder, env={"COACHDESK_PASSPHRASE": PASSPHRASE})
    assert again.returncode == 0 and "herstelsleutel" not in again.stderr
    demo = run_cli("--demo", "students", data_dir=folder, env={"COACHDESK_PASSPHRASE": ""})
    assert demo.returncode == 0  # the fictional demo store is separate and never encrypted


def test_while_the_key_is_derived_the_unlock_dialog_says_so_and_not_as_a_problem(
    qtbot, tmp_path: Path
) -> None:
    """Found walking: after Enter the dialog looked frozen for a second (deriving the key is slow
    on purpose)."""
    from coachdesk.ui.dialogs.unlock_dialog import UnlockDialog

    location, _recovery = _encrypted_store(tmp_path / "gegevens")
    seen: list[tuple[str, object, bool]] = []

    def deriving(**secret: str) -> StoreOpener:
        label = dialog.form.problem_label
        seen.append((label.text(), label.property("state"), label.isVisible()))
        return unlock(location.path, **secret)

    dialog = UnlockDialog(deriving)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.secret_edit, "fout fout fout")
    qtbot.keyClick(dialog.form.secret_edit, Qt.Key.Key_Return)
    assert seen == [("Bezig met ontgrendelen…", "", True)]
    label = dialog.form.problem_label
    assert "klopt niet" in label.text() and label.property("state") == "problem"
