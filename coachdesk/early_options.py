"""What a run needs to know before the full command-line parser is built.

The language comes first, so ``--help`` and usage errors already speak it; whether the run
opens the app's window decides whether its first frame is painted before the app loads; the
command named decides which command's own arguments the full parser needs.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from coachdesk.i18n import LANGUAGES
from coachdesk.paths import default_data_dir
from coachdesk.preferences import load_language


class EarlyOptions(NamedTuple):
    """What is known from the command line before the full parser exists (a named tuple, as
    ``dataclasses`` would load before the first frame)."""

    language: str
    opens_window: bool
    """No command, no ``--help``/``--version``, no screenshot: the app's window opens."""
    data_dir: Path
    """Where the stores and preferences are (``--data-dir``, else the default)."""
    demo: bool = False
    """``--demo``: the separate demo store opens."""
    command: str | None = None
    """The first word after the global options: the command, if it names one."""


def early_options(argv: Sequence[str]) -> EarlyOptions:
    """Read the language (``--lang`` wins, else the one chosen in the app) and the run's kind.

    A wrong value is left to the full parser, which says what is wrong.
    """
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    early.add_argument("--data-dir", type=Path)
    early.add_argument("--demo", action="store_true")
    early.add_argument("--screenshot")
    known, rest = early.parse_known_args(argv)
    data_dir = known.data_dir or default_data_dir()
    language = str(known.lang) if known.lang in LANGUAGES else load_language(data_dir)
    command = next((word for word in rest if not word.startswith("-")), None)
    return EarlyOptions(
        language,
        opens_window=not rest and known.screenshot is None,
        data_dir=data_dir,
        demo=bool(known.demo),
        command=command,
    )
