"""The ``coachdesk`` command: the GUI without arguments, and commands for school IT and automation.

Commands call the same services as the GUI. Problems are one Dutch line on stderr and a
non-zero exit, never a traceback. One module per group of commands (``*_commands.py``), each
listing its commands with their arguments and handler; ``table.py`` gathers them, ``parser.py``
builds the parser in the run's language and ``run.py`` runs one command line.
A new command goes into the group it belongs to, as one more entry in that ``COMMANDS``.
"""

from __future__ import annotations

from coachdesk.cli.run import main
from coachdesk.cli.table import WRITING_COMMANDS

__all__ = ["WRITING_COMMANDS", "main"]
