"""Encryption at rest: opening an encrypted store, turning a plain one into an encrypted one,
and changing the passphrase. An encrypted store is never silently opened as a plain one.
"""

from __future__ import annotations

from pathlib import Path

from coachdesk.errors import StoreError, UserFacingError
from coachdesk.i18n import _
from coachdesk.services.audit import audit
from coachdesk.storage import keyfile
from coachdesk.storage.backup_names import backup_folder
from coachdesk.storage.cipher import SqlCipherConnectionFactory, export_encrypted
from coachdesk.storage.connection import ConnectionFactory, PlainConnectionFactory
from coachdesk.storage.database import open_store

StoreOpener = ConnectionFactory
"""How a store's connections are made; keyed when the store is encrypted."""

KeyStrength = keyfile.KdfParams
"""How hard the passphrase is stretched (tests and the first-start dialog pass their own)."""


class WrongPassphraseError(UserFacingError):
    """The passphrase (or recovery key) does not open this store; nothing was changed."""


def is_encrypted(store_path: Path) -> bool:
    """Return whether the store has a key file (and so must be opened with a passphrase)."""
    return keyfile.keyfile_path(store_path).is_file()


def unlock(
    store_path: Path, passphrase: str | None = None, recovery_key: str | None = None
) -> ConnectionFactory:
    """Return the factory that opens the store: keyed for an encrypted store, plain otherwise."""
    if not is_encrypted(store_path):
        return PlainConnectionFactory()
    return SqlCipherConnectionFactory(_store_key(store_path, passphrase, recovery_key))


def _store_key(store_path: Path, passphrase: str | None, recovery_key: str | None) -> bytes:
    """Unwrap the store key with the recovery key or the passphrase; say plainly when wrong."""
    try:
        if recovery_key:
            return keyfile.recover(store_path, recovery_key)
        if passphrase:
            return keyfile.unlock(store_path, passphrase)
    except keyfile.WrongSecretError:
        raise WrongPassphraseError(
            _("The passphrase is not right. Nothing was changed; try again.")
        ) from None
    raise WrongPassphraseError(_("This store is encrypted: give the passphrase."))


def encrypt(store_path: Path, passphrase: str, params: keyfile.KdfParams | None = None) -> str:
    """Encrypt a plain store in place (or make a new one); return the recovery key to print.

    The plain store is checked first, the encrypted copy is checked before it replaces the
    original, and unencrypted backups are removed afterwards (a fresh encrypted one is made).
    A new store that fails halfway is removed again, so no unencrypted store is left behind.
    """
    if is_encrypted(store_path):
        raise StoreError(_("This store is already encrypted."))
    if len(passphrase) < keyfile.MIN_PASSPHRASE:
        raise UserFacingError(
            _("Choose a passphrase of at least {n} characters.").format(n=keyfile.MIN_PASSPHRASE)
        )
    new_store = not store_path.exists()
    try:
        return _encrypt_in_place(store_path, passphrase, params)
    except BaseException:
        if new_store:
            for suffix in ("", "-wal", "-shm", keyfile.KEYFILE_SUFFIX):
                leftover = store_path.with_name(store_path.name + suffix)
                if leftover.is_file():
                    leftover.unlink()
        raise


def _encrypt_in_place(store_path: Path, passphrase: str, params: keyfile.KdfParams | None) -> str:
    open_store(store_path).close()  # migrated and sound before we start
    key, recovery = keyfile.create(store_path, passphrase, params)
    try:
        export_encrypted(store_path, key)
    except BaseException:
        keyfile.keyfile_path(store_path).unlink(missing_ok=True)
        raise
    for plain_backup in backup_folder(store_path).glob("*.sqlite"):
        plain_backup.unlink()
    factory = SqlCipherConnectionFactory(key)
    store = open_store(store_path, factory)
    try:
        from coachdesk.services.backups import Backups  # noqa: PLC0415 - avoids a cycle

        Backups(store_path, factory=factory).make(store, "na-versleutelen")
    finally:
        store.close()
    audit(store_path.parent, "encrypt")
    return recovery


def change_passphrase(
    store_path: Path,
    new: str,
    *,
    old: str | None = None,
    recovery_key: str | None = None,
    params: keyfile.KdfParams | None = None,
) -> None:
    """Rewrap the store key under a new passphrase, proven by the old one or the recovery key.

    The store itself is not re-encrypted and the recovery key stays valid.
    """
    if len(new) < keyfile.MIN_PASSPHRASE:
        raise UserFacingError(
            _("Choose a passphrase of at least {n} characters.").format(n=keyfile.MIN_PASSPHRASE)
        )
    if not is_encrypted(store_path):
        raise StoreError(_("This store is not encrypted; use 'coachdesk encrypt' first."))
    key = _store_key(store_path, old, recovery_key)
    keyfile.change_passphrase(store_path, key, new, params, recovery_key=recovery_key)
    audit(store_path.parent, "change-passphrase", proof="recovery-key" if recovery_key else "old")
