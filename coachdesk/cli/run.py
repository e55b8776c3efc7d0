"""Running one command line: the language, the parser, and every failure as one Dutch sentence
with an exit code (never a traceback). What runs on the store is in ``dispatch.py``."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from coachdesk.cli.common import EXIT_BUG, EXIT_PROBLEM
from coachdesk.cli.parser import build_parser
from coachdesk.cli.table import COMMANDS
from coachdesk.crash_log import write_crash_log
from coachdesk.early_options import early_options
from coachdesk.errors import UserFacingError
from coachdesk.i18n import _, set_language
from coachdesk.paths import default_data_dir

if TYPE_CHECKING:
    from coachdesk.ui.first_frame import FirstFrame


def main(argv: Sequence[str] | None = None, *, first_frame: FirstFrame | None = None) -> int:
    """Run the command line; return the process exit code.

    ``first_frame`` is the window's outline ``coachdesk.launch`` painted before this loaded.
    """
    arguments = sys.argv[1:] if argv is None else argv
    options = early_options(arguments)
    set_language(options.language)
    args = build_parser(COMMANDS, options.command).parse_args(arguments)
    # Past --help, --version and usage errors: only now are the services and the store needed.
    from coachdesk.cli.dispatch import dispatch  # noqa: PLC0415 - see the comment above
    from coachdesk.services.workspace import StoreLocation  # noqa: PLC0415 - as dispatch

    data_dir = args.data_dir or default_data_dir()
    location = StoreLocation(data_dir, demo=args.demo)
    try:
        if args.command is None:
            from coachdesk.app import run_gui  # noqa: PLC0415 - keep Qt out of CLI-only runs

            return run_gui(location, screenshot=args.screenshot, first_frame=first_frame)
        return dispatch(args, location)
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
        from coachdesk.services.quarantine import explain_damage_found  # noqa: PLC0415 - on damage
        from coachdesk.storage.cipher import is_store_damage  # noqa: PLC0415 - loaded by dispatch

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
