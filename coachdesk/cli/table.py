"""Every command of the command line, group by group, in the order ``--help`` lists them."""

from __future__ import annotations

from coachdesk.cli import (
    caseload_commands,
    form_commands,
    handover_commands,
    privacy_commands,
    report_commands,
    store_commands,
)
from coachdesk.cli.command import Command

COMMANDS: tuple[Command, ...] = (
    *caseload_commands.COMMANDS,
    *report_commands.COMMANDS,
    *form_commands.COMMANDS,
    *handover_commands.COMMANDS,
    *privacy_commands.COMMANDS,
    *store_commands.COMMANDS,
)
BY_NAME = {command.name: command for command in COMMANDS}
WRITING_COMMANDS = frozenset(command.name for command in COMMANDS if command.writes)
"""Commands that change or replace the store: each holds the store's lock, like the app."""
