"""Changing the passphrase in the app, and choosing a new one after opening with the recovery key."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from coachdesk.services.encryption import WrongPassphraseError, change_passphrase, encrypt, unlock
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.storage.keyfile import KdfParams
from coachdesk.ui.dialogs.change_passphrase_dialog import ChangePassphraseDialog
from coachdesk.ui.dialogs.unlock_dialog import UnlockDialog
from tests.helpers import answer_next_dialog, make_student

FAST = KdfParams(time_cost=1, memory_kib=8192)
OLD = "lange wachtwoordzin 2026"
NEW = "fietsen langs de Maas in mei"


def _encrypted(data_dir: Path) -> tuple[Path, str]:
    location = StoreLocation(data_dir)
    workspace = Workspace.open(location)
    workspace.repos.students.add(make_student("1"))
    workspace.close()
    return location.path, encrypt(location.path, OLD, FAST)


def _save(dialog: ChangePassphraseDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_the_passphrase_changes_only_with_the_current_one(qtbot, data_dir: Path) -> None:
    path, recovery = _encrypted(data_dir)
    store_bytes = path.read_bytes()
    dialog = ChangePassphraseDialog(functools.partial(change_passphrase, path, params=FAST))
    qtbot.addWidget(dialog)
    dialog.current_edit.setText("verkeerd verkeerd")
    dialog.fields.passphrase_edit.setText(NEW)
    dialog.fields.repeat_edit.setText(NEW)
    _save(dialog)
    assert "klopt niet" in dialog.problem_label.text() and dialog.result() == 0
    unlock(path, OLD)  # still the old one

    dialog.current_edit.setText(OLD)
    _save(dialog)

    assert dialog.result() == ChangePassphraseDialog.DialogCode.Accepted
    with pytest.raises(WrongPassphraseError):
        unlock(path, OLD)
    Workspace.open(StoreLocation(data_dir), unlock(path, NEW)).close()
    unlock(path, recovery_key=recovery)  # the school's recovery key stays valid
    assert path.read_bytes() == store_bytes  # only the key was rewrapped


def test_opening_with_the_recovery_key_asks_for_a_new_passphrase(qtbot, data_dir: Path) -> None:
    path, recovery = _encrypted(data_dir)

    def choose_new(dialog: ChangePassphraseDialog) -> None:
        assert not dialog.current_edit.isVisible()  # the recovery key is the proof
        dialog.fields.passphrase_edit.setText(NEW)
        dialog.fields.repeat_edit.setText(NEW)
        _save(dialog)

    def use_recovery_key(dialog: UnlockDialog) -> None:
        dialog.form.recovery_check.setChecked(True)
        dialog.form.secret_edit.setText(recovery)
        answer_next_dialog(ChangePassphraseDialog, choose_new)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    answer_next_dialog(UnlockDialog, use_recovery_key)
    opener = UnlockDialog.ask(
        functools.partial(unlock, path), functools.partial(change_passphrase, path, params=FAST)
    )

    assert opener is not None
    Workspace.open(StoreLocation(data_dir), opener).close()
    unlock(path, NEW)
    with pytest.raises(WrongPassphraseError):
        unlock(path, OLD)


def test_unlocking_the_lock_screen_with_the_recovery_key_asks_for_a_new_passphrase(
    qtbot, data_dir: Path
) -> None:
    import dataclasses

    from coachdesk.app import build_window

    path, recovery = _encrypted(data_dir)
    workspace = Workspace.open(StoreLocation(data_dir), unlock(path, OLD))
    window = build_window(workspace)
    qtbot.addWidget(window)
    window.services = dataclasses.replace(
        window.services, change_passphrase=functools.partial(change_passphrase, path, params=FAST)
    )
    window.show()
    window.lock()
    form = window.lock_screen.form
    assert form is not None
    form.recovery_check.setChecked(True)
    form.secret_edit.setText(recovery)

    def choose_new(dialog: ChangePassphraseDialog) -> None:
        dialog.fields.passphrase_edit.setText(NEW)
        dialog.fields.repeat_edit.setText(NEW)
        _save(dialog)

    seen = answer_next_dialog(ChangePassphraseDialog, choose_new)
    window.lock_screen.unlock_button.click()

    assert seen and not window.is_locked
    window.close()
    workspace.close()
    unlock(path, NEW)
