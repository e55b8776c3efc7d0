"""First start: the coach chooses a passphrase, gets a recovery key, and the store is encrypted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from coachdesk.domain.passphrases import Strength, judge
from coachdesk.services.encryption import is_encrypted
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.storage.keyfile import KdfParams
from coachdesk.ui.dialogs.new_store_dialog import NewStoreDialog
from tests.helpers import make_student

FAST = KdfParams(time_cost=1, memory_kib=8192)


def test_the_strength_hint_prefers_long_sentences_over_short_tricks() -> None:
    assert judge("").strength is Strength.TOO_SHORT
    assert judge("P@ss1!").strength is Strength.TOO_SHORT
    assert judge("wachtwoord123").strength is Strength.WEAK  # a known pattern
    assert judge("aaaaaaaaaaaa").strength is Strength.WEAK
    assert judge("Zomer2026!").strength is Strength.FAIR
    assert judge("fietsen langs de Maas in mei").strength is Strength.STRONG
    assert "zin" in judge("Zomer2026!").advice


def test_a_new_store_is_encrypted_with_the_chosen_passphrase(qtbot, data_dir: Path) -> None:
    location = StoreLocation(data_dir)
    dialog = NewStoreDialog(location.path, FAST)
    qtbot.addWidget(dialog)
    dialog.show()
    fields = dialog.fields
    qtbot.keyClicks(fields.passphrase_edit, "kort")
    assert not dialog.next_button.isEnabled()
    assert "tekens" in fields.strength_label.text()
    fields.passphrase_edit.clear()
    qtbot.keyClicks(fields.passphrase_edit, "fietsen langs de Maas in mei")
    qtbot.keyClicks(fields.repeat_edit, "fietsen langs de Maas in me")
    assert not dialog.next_button.isEnabled() and "verschillen" in dialog.problem_label.text()
    qtbot.keyClick(fields.repeat_edit, Qt.Key.Key_I)
    assert dialog.next_button.isEnabled() and "sterk" in fields.strength_label.text().lower()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert is_encrypted(location.path)
    assert len(dialog.recovery_label.text()) == 35
    assert not dialog.next_button.isEnabled()  # not before the key is kept safe
    dialog.kept_check.setChecked(True)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.opener is not None and not dialog.isVisible()
    assert location.path.read_bytes()[:16] != b"SQLite format 3\x00"
    workspace = Workspace.open(location, dialog.opener)
    assert workspace.is_empty()
    workspace.close()


def test_cancelling_the_first_start_leaves_no_unencrypted_store(qtbot, data_dir: Path) -> None:
    location = StoreLocation(data_dir)
    dialog = NewStoreDialog(location.path, FAST)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()
    assert dialog.opener is None
    assert not location.path.exists()


def test_an_older_unencrypted_store_is_offered_encryption_and_keeps_its_data(
    qtbot, data_dir: Path
) -> None:
    location = StoreLocation(data_dir)
    workspace = Workspace.open(location)
    workspace.repos.students.add(make_student("0777", family_name="Ağaoğlu"))
    workspace.close()
    before = location.path.read_bytes()
    later = NewStoreDialog(location.path, FAST, existing=True)
    qtbot.addWidget(later)
    later.show()
    assert later.cancel_button.text() == "Nu niet"
    later.reject()
    assert location.path.read_bytes() == before and not is_encrypted(location.path)
    dialog = NewStoreDialog(location.path, FAST, existing=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields.passphrase_edit.setText("fietsen langs de Maas in mei")
    dialog.fields.repeat_edit.setText("fietsen langs de Maas in mei")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    dialog.kept_check.setChecked(True)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.opener is not None and is_encrypted(location.path)
    workspace = Workspace.open(location, dialog.opener)
    assert workspace.repos.students.by_number("0777").family_name == "Ağaoğlu"
    workspace.close()


def test_while_the_store_is_encrypted_the_first_start_says_so(
    qtbot, data_dir: Path, monkeypatch
) -> None:
    """Found walking: after choosing a passphrase nothing moved for four seconds."""
    from coachdesk.ui.dialogs import new_store_dialog

    dialog = NewStoreDialog(StoreLocation(data_dir).path, FAST)
    qtbot.addWidget(dialog)
    seen: list[str] = []
    real_encrypt = new_store_dialog.encrypt

    def encrypting(*args: object) -> str:
        seen.append(dialog.problem_label.text())
        return real_encrypt(*args)

    monkeypatch.setattr(new_store_dialog, "encrypt", encrypting)
    dialog.show()
    qtbot.keyClicks(dialog.fields.passphrase_edit, "fietsen langs de Maas in mei")
    qtbot.keyClicks(dialog.fields.repeat_edit, "fietsen langs de Maas in mei")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert seen == ["Je gegevens worden versleuteld…"]
    assert dialog.problem_label.text() == ""  # done: the recovery key is shown
    dialog.kept_check.setChecked(True)
    dialog.close()
