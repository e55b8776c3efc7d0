"""Where a store's backups live and what they are called: one namer for every kind of backup.

The name carries the moment the copy was made, so rotation can age every backup out,
whatever made it (a session's end, an import, a schema upgrade, a restore).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

BACKUP_SUBDIR = "backups"
STAMP = "%Y%m%d-%H%M%S"
PREFIX = "coachdesk-"
_NAMES = (
    re.compile(rf"{PREFIX}(?P<stamp>\d{{8}}-\d{{6}})-.*\.sqlite"),
    # How schema-upgrade backups were named before they joined the rotation: they age out too.
    re.compile(r"voor-migratie-v\d+-(?P<stamp>\d{8}-\d{6})\.sqlite"),
)


def backup_folder(store_path: Path) -> Path:
    """Return the folder that holds a store's backups."""
    return store_path.parent / BACKUP_SUBDIR


def backup_path(store_path: Path, reason: str, moment: dt.datetime) -> Path:
    """Return where a backup made at ``moment`` goes: a name that sorts by time and says why."""
    return backup_folder(store_path) / f"{PREFIX}{moment.strftime(STAMP)}-{reason}.sqlite"


def made_at(backup: Path) -> dt.datetime | None:
    """Return when a backup was made, read from its name; ``None`` for a file that is not ours."""
    for pattern in _NAMES:
        if match := pattern.fullmatch(backup.name):
            try:
                return dt.datetime.strptime(match["stamp"], STAMP)
            except ValueError:
                return None
    return None
