"""Running a parsed command on the store: its lock, the way to open it, the open workspace.

``run.py`` loads this only once the command line is parsed, so ``--help``, ``--version`` and
usage errors never load the services and the storage below them.
"""

from __future__ import annotations

import argparse
import os
import sys

from coachdesk.cli.command import KeyedCommand, StoreCommand, WorkspaceCommand
from coachdesk.cli.common import PASSPHRASE_ENV, passphrase
from coachdesk.cli.table import BY_NAME
from coachdesk.errors import UserFacingError
from coachdesk.i18n import _
from coachdesk.services.encryption import StoreOpener, encrypt, is_encrypted, unlock
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.storage.store_lock import StoreLock


def _store_factory(location: StoreLocation) -> StoreOpener:
    """Return how to open the store: an encrypted one needs the passphrase first."""
    if not is_encrypted(location.path):
        return unlock(location.path)
    return unlock(location.path, passphrase(PASSPHRASE_ENV, _("Passphrase: ")))


def _new_encrypted_store(location: StoreLocation) -> StoreOpener:
    """Make the coach's first store, encrypted: a command never makes an unencrypted one.

    Only ``demo`` (fictional students, marked as demo) makes a store without a passphrase.
    The recovery key goes to stderr, so the command's own output stays as it is.
    """
    if not os.environ.get(PASSPHRASE_ENV) and not sys.stdin.isatty():
        raise UserFacingError(
            _(
                "There is no store here yet, and a new store is always encrypted. Start the "
                "CoachDesk app once to choose a passphrase, or give one in {env}."
            ).format(env=PASSPHRASE_ENV)
        )
    chosen = passphrase(PASSPHRASE_ENV, _("Choose a passphrase: "), confirm=True)
    recovery = encrypt(location.path, chosen)
    print(
        _(
            "A new encrypted store was made. Print this recovery key and give it to the school "
            "to keep safe; it opens the store if the passphrase is lost:"
        ),
        file=sys.stderr,
    )
    print(recovery, file=sys.stderr)
    return unlock(location.path, chosen)


def dispatch(args: argparse.Namespace, location: StoreLocation) -> int:
    """Run a command; one that writes (or makes the store) first takes the store's lock."""
    if not BY_NAME[args.command].writes and location.path.exists():
        return _run_command(args, location)
    with StoreLock(location.path, args.command):
        return _run_command(args, location)


def _run_command(args: argparse.Namespace, location: StoreLocation) -> int:
    command = BY_NAME[args.command]
    if isinstance(command, StoreCommand):
        return command.run(args, location)
    factory = _store_factory(location)
    if isinstance(command, KeyedCommand):
        return command.run(args, location, factory)
    assert isinstance(command, WorkspaceCommand)
    if not location.demo and not location.path.exists() and command.name != "demo":
        factory = _new_encrypted_store(location)
    workspace = Workspace.open(location, factory)
    try:
        return command.run(args, workspace)
    finally:
        workspace.close()
