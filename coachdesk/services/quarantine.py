"""A store that cannot be opened is never deleted or recreated: a copy goes into quarantine.

The coach (or school IT) is told where the copy is and which checked backup can be restored.
"""

from __future__ import annotations

from pathlib import Path

from coachdesk.errors import (
    DamagedStoreError,
    ForeignWalError,
    QuarantinedStoreError,
    StoreError,
)
from coachdesk.i18n import _
from coachdesk.services.audit import audit
from coachdesk.services.backups import Backups
from coachdesk.storage.backups import quarantine, remove_log_files
from coachdesk.storage.connection import ConnectionFactory, PlainConnectionFactory
from coachdesk.storage.store_errors import not_a_store_message
from coachdesk.storage.store_identity import wal_belongs

SET_ASIDE_COMMAND = "coachdesk set-aside-wal"


def explain_unopenable(
    store_path: Path, error: StoreError, factory: ConnectionFactory | None = None
) -> StoreError:
    """Quarantine a damaged store and return the error, now saying what to do next.

    ``factory`` opens the backups (keyed for an encrypted store), so they can be checked.
    """
    if not isinstance(error, DamagedStoreError) or not store_path.is_file():
        return error
    try:
        copy = quarantine(store_path)
    except OSError:
        return error
    if copy is None:
        return error
    foreign_wal = isinstance(error, ForeignWalError)
    backup = None if foreign_wal else Backups(store_path, factory=factory).newest()
    if foreign_wal:
        advice = _(
            "The store itself is sound: open it without that log file with: {command}"
        ).format(command=SET_ASIDE_COMMAND)
    elif backup:
        advice = _(
            'A checked backup is available: restore it with: coachdesk restore "{path}"'
        ).format(path=backup)
    else:
        advice = _("There is no checked backup; ask school IT for help.")
    message = " ".join((error.message, _("A copy is kept in {copy}.").format(copy=copy), advice))
    return QuarantinedStoreError(message, copy=copy, foreign_wal=foreign_wal, backup=backup)


def explain_damage_found(store_path: Path, factory: ConnectionFactory | None = None) -> StoreError:
    """Quarantine a store that SQLite found damaged while in use, and say what to do next."""
    return explain_unopenable(
        store_path, DamagedStoreError(not_a_store_message(store_path)), factory
    )


def set_aside_foreign_wal(store_path: Path, factory: ConnectionFactory | None = None) -> Path:
    """Move a log file that is not the store's own out of the way; return the quarantine copy.

    Both files are copied into quarantine first; only then are the foreign ``-wal`` and its
    ``-shm`` index removed, so the store opens as its main file holds it. The store's own
    log (after a crash it holds the last saved work) is never set aside.
    """
    if wal_belongs(store_path, factory or PlainConnectionFactory()):
        raise StoreError(
            _("The log file beside the store is its own (or absent); nothing was set aside.")
        )
    copy = quarantine(store_path)
    if copy is None:
        raise StoreError(_("There is no store at {path} yet.").format(path=store_path))
    remove_log_files(store_path)
    audit(store_path.parent, "set-aside-wal")
    return copy
