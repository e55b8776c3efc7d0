"""Running one command line: the language, the parser, the store's lock, and every failure as
one Dutch sentence with an exit code (never a traceback)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from coachdesk.cli.command import KeyedCommand, StoreCommand, WorkspaceCommand
from coachdesk.cli.common import EXIT_BUG, EXIT_PROBLEM, PASSPHRASE_ENV, passphrase
from coachdesk.cli.parser import build_parser
from coachdesk.cli.table import BY_NAME, COMMANDS
from coachdesk.crash_log import write_crash_log
from coachdesk.early_options import early_options
from coachdesk.errors import UserFacingError
from coachdesk.i18n import _, set_language
from coachdesk.paths import default_data_dir
from coachdesk.services.encryption import StoreOpener, encrypt, is_encrypted, unlock
from coachdesk.services.quarantine import explain_damage_found
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.storage.cipher import is_store_damage
from coachdesk.storage.store_lock import StoreLock

if TYPE_CHECKING:
    from coachdesk.ui.first_frame import FirstFrame


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


def _dispatch(args: argparse.Namespace, location: StoreLocation) -> int:
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


def main(argv: Sequence[str] | None = None, *, first_frame: FirstFrame | None = None) -> int:
    """Run the command line; return the process exit code.

    ``first_frame`` is the window's outline ``coachdesk.launch`` painted before this loaded.
    """
    arguments = sys.argv[1:] if argv is None else argv
    set_language(early_options(arguments).language)
    args = build_parser(COMMANDS).parse_args(arguments)
    data_dir = args.data_dir or default_data_dir()
    location = StoreLocation(data_dir, demo=args.demo)
    try:
        if args.command is None:
            from coachdesk.app import run_gui  # noqa: PLC0415 - keep Qt out of CLI-only runs

            return run_gui(location, screenshot=args.screenshot, first_frame=first_frame)
        return _dispatch(args, location)
    except UserFacingError as error:
        print(_("Error: {message}").format(message=error.message), file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return EXIT_PROBLEM
    except BrokenPipeError:
        # The reader (e.g. ``| head``) went away; silence the flush at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PROBLEM
    except Exception as error:
        if is_store_damage(error):
            message = explain_damage_found(location.path).message
            print(_("Error: {message}").format(message=message), file=sys.stderr)
            return EXIT_PROBLEM
        log = write_crash_log(location.data_dir, error)
        print(
            _("CoachDesk hit an internal error; nothing more was changed. Details: {log}").format(
                log=log or "-"
            ),
            file=sys.stderr,
        )
        return EXIT_BUG
