"""A store that cannot be opened is never deleted or recreated: a copy goes into quarantine.

The coach (or school IT) is told where the copy is and which checked backup can be restored.
"""

from __future__ import annotations

from pathlib import Path

from coachdesk.errors import DamagedStoreError, StoreError
from coachdesk.i18n import _
from coachdesk.services.backups import Backups
from coachdesk.storage.backups import quarantine
from coachdesk.storage.connection import ConnectionFactory


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
    newest = Backups(store_path, factory=factory).newest()
    advice = (
        _('A checked backup is available: restore it with: coachdesk restore "{path}"').format(
            path=newest
        )
        if newest
        else _("There is no checked backup; ask school IT for help.")
    )
    return StoreError(
        " ".join((error.message, _("A copy is kept in {copy}.").format(copy=copy), advice))
    )
