"""Argon2id never below RFC 9106's recommendation, however busy the laptop was at set-up."""

from __future__ import annotations

import json
from pathlib import Path

from coachdesk.services.encryption import change_passphrase
from coachdesk.storage import keyfile
from coachdesk.storage.keyfile import FLOOR, KdfParams, calibrate, keyfile_path

WEAK = KdfParams(time_cost=1, memory_kib=8192, parallelism=2)
"""What a store set up on a busy laptop (or by an older CoachDesk) may still carry."""


def _settings(store: Path) -> dict[str, KdfParams]:
    """The Argon2id settings each wrapping in the key file says it was made with."""
    data = json.loads(keyfile_path(store).read_text(encoding="utf-8"))
    return {
        name: KdfParams(entry["time_cost"], entry["memory_kib"], entry["parallelism"])
        for name, entry in data.items()
        if name != "version"
    }


def test_the_floor_is_rfc_9106s_second_recommended_option() -> None:
    assert KdfParams(time_cost=3, memory_kib=64 * 1024, parallelism=4) == FLOOR


def test_calibration_never_goes_below_the_floor_even_when_measuring_says_slow_enough() -> None:
    assert calibrate(min_seconds=0.0) == FLOOR  # as on a laptop busy with something else
    assert calibrate().meets_floor()


def test_a_new_key_file_records_settings_at_or_above_the_floor(tmp_path: Path) -> None:
    keyfile.create(tmp_path / "coachdesk.sqlite", "lange wachtwoordzin 2026")
    settings = _settings(tmp_path / "coachdesk.sqlite")
    assert set(settings) == {"passphrase", "recovery"}
    assert all(params.meets_floor() for params in settings.values()), settings


def test_changing_the_passphrase_with_the_recovery_key_upgrades_both_weak_wrappings(
    tmp_path: Path,
) -> None:
    store = tmp_path / "coachdesk.sqlite"
    key, recovery = keyfile.create(store, "oude wachtwoordzin 2026", WEAK)
    change_passphrase(store, "nieuwe wachtwoordzin 2026", recovery_key=recovery, params=FLOOR)
    assert _settings(store) == {"passphrase": FLOOR, "recovery": FLOOR}
    assert keyfile.unlock(store, "nieuwe wachtwoordzin 2026") == key
    assert keyfile.recover(store, recovery) == key


def test_changing_it_with_the_old_passphrase_upgrades_the_passphrase_wrapping(
    tmp_path: Path,
) -> None:
    store = tmp_path / "coachdesk.sqlite"
    key, recovery = keyfile.create(store, "oude wachtwoordzin 2026", WEAK)
    change_passphrase(
        store, "nieuwe wachtwoordzin 2026", old="oude wachtwoordzin 2026", params=FLOOR
    )
    assert _settings(store) == {"passphrase": FLOOR, "recovery": WEAK}  # no recovery key at hand
    assert keyfile.recover(store, recovery) == key
    assert keyfile.unlock(store, "nieuwe wachtwoordzin 2026") == key
