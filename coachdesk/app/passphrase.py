"""At start: the passphrase of the coach's own store, or a new one chosen, or encrypting an older
plain store. The dialogs load only for the coach's own store, never for the demo."""

from __future__ import annotations

import functools

from coachdesk.errors import UserFacingError
from coachdesk.i18n import _
from coachdesk.services.encryption import StoreOpener, change_passphrase, is_encrypted, unlock
from coachdesk.services.workspace import StoreLocation
from coachdesk.storage.store_lock import StoreLock


def ask_own_opener(location: StoreLocation) -> StoreOpener | None:
    """Ask for the passphrase of the coach's own store; at first start, have one chosen.

    The dialogs are loaded only when asked for (never for the demo store).

    A new store is always created encrypted. An older unencrypted store opens as it is
    (``coachdesk encrypt`` converts it). Raises when the coach cancels: the store stays closed.
    """
    if is_encrypted(location.path):
        from coachdesk.ui.dialogs.unlock_dialog import UnlockDialog  # noqa: PLC0415 - see above

        opener = UnlockDialog.ask(
            functools.partial(unlock, location.path),
            functools.partial(change_passphrase, location.path),
        )
    elif not location.path.exists():
        from coachdesk.ui.dialogs.new_store_dialog import NewStoreDialog  # noqa: PLC0415 - above

        opener = NewStoreDialog.ask(location.path)
    else:
        return None
    if opener is None:
        raise UserFacingError(_("The store stays closed."))
    return opener


def offer_encryption(location: StoreLocation) -> StoreOpener | None:
    """At start, offer to encrypt an older unencrypted store; ``None`` keeps it as it is."""
    from coachdesk.ui.dialogs.new_store_dialog import NewStoreDialog  # noqa: PLC0415 - see above

    lock = StoreLock(location.path)  # never convert a store another window has open
    try:
        return NewStoreDialog.ask(location.path, existing=True)
    finally:
        lock.release()
