"""Commands about the store itself: check it, back it up and restore, encryption, a foreign log.

Each command loads its services when it runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from coachdesk.cli.command import Command, KeyedCommand, StoreCommand, WorkspaceCommand
from coachdesk.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    NEW_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    RECOVERY_KEY_ENV,
    passphrase,
)
from coachdesk.i18n import N_, _

if TYPE_CHECKING:
    from coachdesk.services.encryption import StoreOpener
    from coachdesk.services.health import HealthReport
    from coachdesk.services.workspace import StoreLocation, Workspace


def _print_health(report: HealthReport) -> None:
    kind = _("demo") if report.is_demo else _("own data")
    print(_("Store: {path} ({kind})").format(path=report.path, kind=kind))
    for result in report.results:
        state = _("OK") if result.ok else _("PROBLEM")
        print(f"{result.name}: {state}")
        for problem in result.problems:
            print(f"  - {problem}")
    print(_("Result: everything is in order.") if report.ok else _("Result: problems found."))


def _run_check(_args: argparse.Namespace, location: StoreLocation, factory: StoreOpener) -> int:
    from coachdesk.services.health import check_store  # noqa: PLC0415 - loaded when the command runs

    report = check_store(location.path, factory)
    _print_health(report)
    return EXIT_OK if report.ok else EXIT_PROBLEM


def _backup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        type=Path,
        metavar=_("FILE"),
        help=_("where (default: the backups folder beside the store)"),
    )


def _run_backup(args: argparse.Namespace, workspace: Workspace) -> int:
    from coachdesk.services.backups import Backups  # noqa: PLC0415 - loaded when the command runs
    from coachdesk.storage.keyfile import keyfile_path  # noqa: PLC0415 - loaded when the command runs

    path = Backups(workspace.location.path).make(workspace.repos.store, "handmatig", args.out)
    print(_("Backup made and checked: {path}").format(path=path))
    key = keyfile_path(path)
    if key.is_file():
        print(_("Keep the key file with it, or it cannot be opened: {path}").format(path=key))
    return EXIT_OK


def _restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar=_("FILE"))


def _run_restore(args: argparse.Namespace, location: StoreLocation, factory: StoreOpener) -> int:
    from coachdesk.services.backups import Backups  # noqa: PLC0415 - loaded when the command runs

    kept = Backups(location.path, factory=factory).restore(args.file)
    print(
        _("Restored from {source}. The store as it was is kept in {kept}.").format(
            source=args.file, kept=kept
        )
    )
    return EXIT_OK


def _run_set_aside_wal(
    _args: argparse.Namespace, location: StoreLocation, factory: StoreOpener
) -> int:
    from coachdesk.services.quarantine import set_aside_foreign_wal  # noqa: PLC0415 - loaded when the command runs

    copy = set_aside_foreign_wal(location.path, factory)
    print(
        _(
            "The foreign log file is set aside (a copy of both files is kept in {copy}). "
            "The store opens again as it was last saved in its own file."
        ).format(copy=copy.parent)
    )
    return EXIT_OK


def _run_encrypt(_args: argparse.Namespace, location: StoreLocation) -> int:
    from coachdesk.services.encryption import encrypt  # noqa: PLC0415 - loaded when the command runs

    new = passphrase(NEW_PASSPHRASE_ENV, _("New passphrase: "), confirm=True)
    recovery = encrypt(location.path, new)
    print(
        _(
            "The store is encrypted. Print this recovery key and give it to the school to "
            "keep safe; it opens the store if the passphrase is lost:"
        )
    )
    print(recovery)
    return EXIT_OK


def _change_passphrase_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--recovery",
        action="store_true",
        help=_("prove it with the recovery key (in {env}) when the passphrase is forgotten").format(
            env=RECOVERY_KEY_ENV
        ),
    )


def _run_change_passphrase(args: argparse.Namespace, location: StoreLocation) -> int:
    from coachdesk.services.encryption import change_passphrase  # noqa: PLC0415 - loaded when the command runs

    old = recovery_key = None
    if args.recovery:
        recovery_key = passphrase(RECOVERY_KEY_ENV, _("Recovery key: "))
    else:
        old = passphrase(PASSPHRASE_ENV, _("Passphrase: "))
    new = passphrase(NEW_PASSPHRASE_ENV, _("New passphrase: "), confirm=True)
    change_passphrase(location.path, new, old=old, recovery_key=recovery_key)
    print(_("The passphrase is changed; the recovery key stays the same."))
    return EXIT_OK


COMMANDS: tuple[Command, ...] = (
    KeyedCommand(
        name="check", help=N_("check the store; exit code 1 on any problem"), run=_run_check
    ),
    WorkspaceCommand(
        name="backup",
        help=N_("make a checked backup of the store now"),
        arguments=_backup_arguments,
        run=_run_backup,
    ),
    KeyedCommand(
        name="restore",
        help=N_("put a backup in place of the store (the current one is kept)"),
        arguments=_restore_arguments,
        run=_run_restore,
        writes=True,
    ),
    KeyedCommand(
        name="set-aside-wal",
        help=N_("move a log file (-wal) that belongs to another store into quarantine"),
        run=_run_set_aside_wal,
        writes=True,
    ),
    StoreCommand(
        name="encrypt",
        help=N_("encrypt the store with a passphrase (prints a recovery key)"),
        run=_run_encrypt,
        writes=True,
    ),
    StoreCommand(
        name="change-passphrase",
        help=N_("choose a new passphrase for the encrypted store"),
        arguments=_change_passphrase_arguments,
        run=_run_change_passphrase,
        writes=True,
    ),
)
