"""The argument parser, built in the language of this run so help and usage errors follow it.

The language is found first (``early_options``: ``--lang``, else the one chosen in the app);
then the full parser is built with every text translated. Only the command being run gets its
own arguments: the others need just their name and help line, and building theirs would load
what they use (services, the demo data) into every run.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from coachdesk import __version__
from coachdesk.cli.command import Command
from coachdesk.cli.common import EXIT_USAGE
from coachdesk.i18n import LANGUAGES, N_, _, ngettext
from coachdesk.paths import DATA_DIR_ENV

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("expected one argument"),
)
"""argparse's own messages that the Dutch catalogue translates (marked here for extraction)."""


def _translate_argparse() -> None:
    """Let argparse's own texts (usage, options, its errors) follow the UI language."""
    argparse._ = _  # type: ignore[attr-defined]  # argparse looks its texts up through these
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are a Dutch line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USAGE, _("Error: {message}. See: coachdesk --help").format(message=message) + "\n"
        )


def build_parser(commands: Sequence[Command], chosen: str | None) -> argparse.ArgumentParser:
    """Return the parser for the global options and every command, with the arguments of the
    ``chosen`` one (set the language first)."""
    _translate_argparse()
    parser = _Parser(
        prog="coachdesk",
        description=_(
            "CoachDesk: prepare, hold and close career conversations. "
            "Without a command the app opens."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"CoachDesk {__version__}",
        help=_("show program's version number and exit"),
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar=_("DIR"),
        help=_("folder with the store (default: {env} or the user data folder)").format(
            env=DATA_DIR_ENV
        ),
    )
    parser.add_argument(
        "--demo", action="store_true", help=_("use the separate demo store with fictional students")
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("language (default: the one chosen in the app, else nl)"),
    )
    parser.add_argument("--screenshot", type=Path, help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", title=_("commands"), metavar=_("command"))
    for command in commands:
        subparser = subparsers.add_parser(command.name, help=_(command.help))
        if command.name == chosen:
            command.arguments(subparser)
    return parser
