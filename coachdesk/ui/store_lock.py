"""One CoachDesk window per store: a lock file beside it (stale locks of a crash are taken over)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from coachdesk.errors import UserFacingError
from coachdesk.i18n import _

STALE_AFTER_MS = 0
"""A lock whose process is gone is stale at once; a live process keeps its lock."""


class StoreLock:
    """Holds the lock of one store while the app has it open."""

    def __init__(self, store_path: Path) -> None:
        store_path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(store_path) + ".lock")
        self._lock.setStaleLockTime(STALE_AFTER_MS)
        if not self._lock.tryLock(100):
            raise UserFacingError(
                _(
                    "CoachDesk already has this store open in another window. Use that window, "
                    "or close it first."
                )
            )

    def release(self) -> None:
        """Let another CoachDesk open the store."""
        self._lock.unlock()
