"""A local crash log without personal data: where it failed, never what was being handled.

Exception messages and local variables can hold student names, so only the exception
type and the code locations are written. Nothing is ever sent anywhere.
"""

from __future__ import annotations

import datetime as dt
import platform
import traceback
from pathlib import Path

from coachdesk import __version__
from coachdesk.savefile import save_text

LOG_SUBDIR = "logs"


def describe(error: BaseException) -> str:
    """Return the exception's type and stack (file, line, function) without its message."""
    lines = [f"CoachDesk {__version__}, Python {platform.python_version()}, {platform.system()}"]
    lines.append(f"{type(error).__module__}.{type(error).__qualname__}")
    for frame in traceback.extract_tb(error.__traceback__):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def write_crash_log(data_dir: Path, error: BaseException) -> Path | None:
    """Write a crash report under ``data_dir/logs``; return its path, or ``None`` if that failed."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = data_dir / LOG_SUBDIR / f"crash-{stamp}.log"
    try:
        save_text(target, describe(error))
    except OSError:
        return None
    return target
