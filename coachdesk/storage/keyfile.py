"""The store key, wrapped twice: under the coach's passphrase and under a recovery key.

A random 256-bit key encrypts the store. It is kept beside the store in ``<store>.sleutel``
(JSON), wrapped with AES-256-GCM under a key derived from the passphrase with Argon2id
(never below RFC 9106's recommendation, and raised until it takes at least half a second
here) and, separately, under a key derived from the printable recovery key the school keeps.
Each wrapping stores its own Argon2id settings, so older, weaker ones still open. Changing
the passphrase only rewraps the key.
Argon2 and AES-GCM are loaded when a key is wrapped or unwrapped: opening a plain store (the
demo) needs only ``keyfile_path``.
A wrong passphrase fails the GCM check: it is reported as a wrong passphrase, never as damage.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from coachdesk.domain.passphrases import MIN_LENGTH
from coachdesk.savefile import save_text

KEYFILE_SUFFIX = ".sleutel"
MIN_SECONDS = 0.5
MIN_PASSPHRASE = MIN_LENGTH
MEMORY_KIB = 65536
PARALLELISM = 4
MIN_TIME_COST = 3
"""RFC 9106 section 4, second recommended option: Argon2id with t=3 passes, p=4 lanes and
m=2^16 KiB (64 MiB). Calibration starts here and only raises the number of passes."""
MAX_TIME_COST = 96
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: readable on paper


class WrongSecretError(Exception):
    """The passphrase or recovery key does not unwrap the store key."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id settings stored with each wrapped key."""

    time_cost: int
    memory_kib: int = MEMORY_KIB
    parallelism: int = PARALLELISM

    def meets_floor(self) -> bool:
        """Return whether these settings are at least RFC 9106's recommendation."""
        return (
            self.time_cost >= MIN_TIME_COST
            and self.memory_kib >= MEMORY_KIB
            and self.parallelism >= PARALLELISM
        )


FLOOR = KdfParams(time_cost=MIN_TIME_COST)


def keyfile_path(store_path: Path) -> Path:
    """Return the key file that belongs to a store."""
    return store_path.with_name(store_path.name + KEYFILE_SUFFIX)


def _derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    from argon2.low_level import Type, hash_secret_raw  # noqa: PLC0415 - see the module's text

    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def calibrate(min_seconds: float = MIN_SECONDS) -> KdfParams:
    """Return Argon2id settings that take at least ``min_seconds`` here, never below the floor.

    A machine busy at set-up makes the measurement slow: that can only cost fewer extra
    passes, never fewer than the floor.
    """
    params = FLOOR
    while params.time_cost < MAX_TIME_COST:
        started = time.perf_counter()
        _derive("calibration", b"0" * 16, params)
        if time.perf_counter() - started >= min_seconds:
            return params
        params = KdfParams(time_cost=params.time_cost * 2)
    return params


def _wrap(key: bytes, secret: str, params: KdfParams) -> dict[str, object]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415 - as _derive

    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_derive(secret, salt, params)).encrypt(nonce, key, b"coachdesk-store-key")
    return {
        "time_cost": params.time_cost,
        "memory_kib": params.memory_kib,
        "parallelism": params.parallelism,
        "salt": base64.b64encode(salt).decode(),
        "nonce": base64.b64encode(nonce).decode(),
        "key": base64.b64encode(sealed).decode(),
    }


def _params(entry: dict[str, object]) -> KdfParams:
    return KdfParams(
        int(str(entry["time_cost"])), int(str(entry["memory_kib"])), int(str(entry["parallelism"]))
    )


def _unwrap(entry: dict[str, object], secret: str) -> bytes:
    from cryptography.exceptions import InvalidTag  # noqa: PLC0415 - as _derive
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415 - as _derive

    key = _derive(secret, base64.b64decode(str(entry["salt"])), _params(entry))
    try:
        return AESGCM(key).decrypt(
            base64.b64decode(str(entry["nonce"])),
            base64.b64decode(str(entry["key"])),
            b"coachdesk-store-key",
        )
    except InvalidTag:
        raise WrongSecretError from None


def new_recovery_key() -> str:
    """Return a printable recovery key: six groups of five characters."""
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(30))
    return "-".join(chars[i : i + 5] for i in range(0, 30, 5))


def _normalise_recovery(text: str) -> str:
    plain = "".join(ch for ch in text.upper() if ch in RECOVERY_ALPHABET)
    return "-".join(plain[i : i + 5] for i in range(0, len(plain), 5))


def create(store_path: Path, passphrase: str, params: KdfParams | None = None) -> tuple[bytes, str]:
    """Make a new store key; write it wrapped twice; return the key and the recovery key."""
    params = params or calibrate()
    key, recovery = os.urandom(32), new_recovery_key()
    _write(
        store_path,
        {
            "version": 1,
            "passphrase": _wrap(key, passphrase, params),
            "recovery": _wrap(key, recovery, params),
        },
    )
    return key, recovery


def _write(store_path: Path, data: Mapping[str, object]) -> None:
    save_text(keyfile_path(store_path), json.dumps(data, indent=1))


def _read(store_path: Path) -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads(
        keyfile_path(store_path).read_text(encoding="utf-8")
    )
    return data


def unlock(store_path: Path, passphrase: str) -> bytes:
    """Return the store key for the passphrase (``WrongSecretError`` if it is not right)."""
    return _unwrap(_read(store_path)["passphrase"], passphrase)


def recover(store_path: Path, recovery_key: str) -> bytes:
    """Return the store key for the recovery key (``WrongSecretError`` if it is not right)."""
    return _unwrap(_read(store_path)["recovery"], _normalise_recovery(recovery_key))


def change_passphrase(
    store_path: Path,
    key: bytes,
    new_passphrase: str,
    params: KdfParams | None = None,
    recovery_key: str | None = None,
) -> None:
    """Wrap the same store key under a new passphrase; the recovery key stays valid.

    The new wrapping gets today's settings; with the recovery key at hand (it proved the
    change), a recovery wrapping below the floor is made again under them as well.
    """
    params = params or calibrate()
    data = _read(store_path)
    data["passphrase"] = _wrap(key, new_passphrase, params)
    if recovery_key and not _params(data["recovery"]).meets_floor():
        data["recovery"] = _wrap(key, _normalise_recovery(recovery_key), params)
    _write(store_path, data)
