"""What several commands share: exit codes, passphrases, argument types and output helpers."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from coachdesk.errors import UserFacingError
from coachdesk.i18n import _

if TYPE_CHECKING:
    from coachdesk.services.workspace import Workspace

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2
EXIT_BUG = 70
DOSSIER_PASSPHRASE_ENV = "COACHDESK_DOSSIER_PASSPHRASE"
PASSPHRASE_ENV = "COACHDESK_PASSPHRASE"
NEW_PASSPHRASE_ENV = "COACHDESK_NEW_PASSPHRASE"
RECOVERY_KEY_ENV = "COACHDESK_RECOVERY_KEY"


def print_json(value: object) -> None:
    """Print machine-readable output: UTF-8 as it is, indented."""
    print(json.dumps(value, ensure_ascii=False, indent=2))


def report_written(path: Path) -> int:
    """Say where a report went; the command succeeded."""
    print(_("Report written: {path}").format(path=path))
    return EXIT_OK


def passphrase(env: str, prompt: str, *, confirm: bool = False) -> str:
    """Return a passphrase from the environment, or ask for it on a terminal."""
    given = os.environ.get(env)
    if given:
        return given
    if not sys.stdin.isatty():
        raise UserFacingError(
            _("Give the passphrase in {env}, or run this command in a terminal.").format(env=env)
        )
    typed = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("Again: ")) != typed:
        raise UserFacingError(_("The two passphrases differ."))
    return typed


def backup_before_import(workspace: Workspace) -> None:
    """Keep a checked copy of the coach's own store before anything is imported into it."""
    from coachdesk.services.backups import Backups  # noqa: PLC0415 - loaded when a command runs

    if not workspace.is_demo:
        Backups(workspace.location.path).make(workspace.repos.store, "voor-import")


def whole_number(text: str) -> int:
    """An argument that must be a whole number (one Dutch sentence otherwise)."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a whole number").format(value=text)
        ) from None


def iso_date(text: str) -> dt.date:
    """An argument that must be a date written as 2026-11-23."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a date like 2026-11-23").format(value=text)
        ) from None
