"""One command of the ``coachdesk`` command line: its name, its arguments and what runs it.

Each group module (``caseload_commands.py``, ``store_commands.py``, …) lists its commands in
``COMMANDS``; ``table.py`` puts the groups together. A command runs at one of three moments:
before the store is opened (``StoreCommand``: encrypt, change the passphrase), with the key
to open it (``KeyedCommand``: check, restore, …) or on the open store (``WorkspaceCommand``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the services load when a command runs, not for --help or --version
    from coachdesk.services.encryption import StoreOpener
    from coachdesk.services.workspace import StoreLocation, Workspace

AddArguments = Callable[[argparse.ArgumentParser], None]


def no_arguments(_parser: argparse.ArgumentParser) -> None:
    """For a command that takes none."""


@dataclass(frozen=True, kw_only=True)
class Command:
    """What every command has: a name, a one-line help and its own arguments."""

    name: str
    help: str
    """The English message id (marked with ``N_``); translated when the parser is built."""
    arguments: AddArguments = no_arguments
    writes: bool = False
    """It changes or replaces the store, so it holds the store's lock, like the app."""


@dataclass(frozen=True, kw_only=True)
class StoreCommand(Command):
    """Runs before the store is opened."""

    run: Callable[[argparse.Namespace, StoreLocation], int]


@dataclass(frozen=True, kw_only=True)
class KeyedCommand(Command):
    """Runs with the way to open the store, without opening it as a workspace."""

    run: Callable[[argparse.Namespace, StoreLocation, StoreOpener], int]


@dataclass(frozen=True, kw_only=True)
class WorkspaceCommand(Command):
    """Runs on the open store."""

    run: Callable[[argparse.Namespace, Workspace], int]
