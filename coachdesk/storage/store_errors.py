"""What the coach is told when the store cannot do what was asked: one Dutch sentence each.

Errors that are the environment's fault (an unwritable folder, a file that is not a store, a
full disk, a store in use) become ``StoreError``; damage becomes ``DamagedStoreError``.
"""

from __future__ import annotations

import errno
from pathlib import Path

from coachdesk.errors import DamagedStoreError, StoreError
from coachdesk.i18n import _
from coachdesk.storage.cipher import is_store_damage, sqlite_error


def disk_full_message() -> str:
    """Return the message for a full disk, shared by every writer."""
    return _("The disk is full. Nothing was changed; free up some space and try again.")


def translate_sqlite_error(error: Exception, path: Path) -> StoreError:
    """Turn a low-level error (by its SQLite result code or errno) into a calm ``StoreError``."""
    code = sqlite_error(error)
    if code == "SQLITE_FULL" or (isinstance(error, OSError) and error.errno == errno.ENOSPC):
        return StoreError(disk_full_message())
    if is_store_damage(error):
        return DamagedStoreError(not_a_store_message(path))
    if code in {"SQLITE_READONLY", "SQLITE_PERM"} or isinstance(error, PermissionError):
        return StoreError(_("CoachDesk cannot write to {path}.").format(path=path))
    if code in {"SQLITE_BUSY", "SQLITE_LOCKED"}:
        return StoreError(_("The store is in use by another program. Close it and try again."))
    return StoreError(
        _("The store {path} cannot be opened: {reason}").format(path=path, reason=error)
    )


def not_a_store_message(path: Path) -> str:
    """Return the message for a file that is not a (sound) CoachDesk store."""
    return _(
        "The file {path} is not a CoachDesk store or is damaged. It has not been changed."
    ).format(path=path)


def read_only_message() -> str:
    """Return the message for a change tried while a damaged store is only being viewed."""
    return _(
        "This is a read-only view of the damaged store: nothing can be changed or saved here. "
        "Restore a backup to work again."
    )
