"""The ``coachdesk`` command: without a command, the window is on screen before the app loads.

Python, Qt and an empty window take about 130 ms; the app's code (sqlite-utils, Babel, the
services and screens) and opening the store take about 400 ms more. So the first frame is
painted right after Qt starts (``ui.first_frame``) and the rest loads behind it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from coachdesk.early_options import early_options
from coachdesk.i18n import set_language
from coachdesk.preferences import load_window_state


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``coachdesk``; return the process exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    options = early_options(arguments)
    set_language(options.language)
    first_frame = None
    if options.opens_window:
        from coachdesk.ui.first_frame import show_first_frame  # noqa: PLC0415 - Qt only for the app

        first_frame = show_first_frame(load_window_state(options.data_dir), demo=options.demo)
    from coachdesk.cli import main as run  # noqa: PLC0415 - loaded behind the first frame

    return run(arguments, first_frame=first_frame)
