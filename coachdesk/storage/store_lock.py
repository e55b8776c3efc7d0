"""One writer per store: a lock file beside it, held by the app and by every command that writes.

The lock is the operating system's own (``flock``; ``msvcrt.locking`` on Windows), so it
goes away with the process that held it: a crash never leaves a stale lock behind. The
holder writes its process id and what it is (the app, or a named command) into the file,
so whoever is refused can be told what holds the store.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO

from coachdesk.errors import StoreError
from coachdesk.i18n import _
from coachdesk.storage.database import prepare_folder
from coachdesk.storage.store_errors import translate_sqlite_error

LOCK_SUFFIX = ".lock"
APP_HOLDER = "app"
"""What the app window writes into the lock file; a command writes its own name."""
_WINDOWS_LOCK_OFFSET = 1 << 20
"""Windows locks bytes, not files: lock one far beyond the holder line, which stays readable."""


class StoreInUseError(StoreError):
    """Another CoachDesk window or command holds the store; nothing was changed."""


def lock_path(store_path: Path) -> Path:
    """Return the lock file that belongs to a store."""
    return store_path.with_name(store_path.name + LOCK_SUFFIX)


class StoreLock:
    """Holds a store for one process (app or command) until released; refuses a second holder."""

    def __init__(self, store_path: Path, holder: str = APP_HOLDER) -> None:
        prepare_folder(store_path.parent)
        path = lock_path(store_path)
        try:
            self._file: IO[str] = path.open("a+", encoding="utf-8")
        except OSError as error:  # a folder that can be read but not written
            raise translate_sqlite_error(error, path) from error
        try:
            _lock(self._file)
        except OSError:
            self._file.seek(0)
            line = self._file.readline()
            self._file.close()
            raise StoreInUseError(in_use_message(line)) from None
        self._file.seek(0)
        self._file.truncate()
        self._file.write(f"{os.getpid()} {holder}\n")
        self._file.flush()

    def release(self) -> None:
        """Let another CoachDesk window or command have the store."""
        self._file.close()  # closing the file releases the operating system's lock

    def __enter__(self) -> StoreLock:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def in_use_message(holder_line: str) -> str:
    """Return the sentence for a store held elsewhere, naming the holder when it is known."""
    pid, _space, holder = holder_line.strip().partition(" ")
    if holder and holder != APP_HOLDER:
        return _(
            "The command 'coachdesk {command}' (process {pid}) is working on this store. "
            "Wait until it is done; nothing was changed."
        ).format(command=holder, pid=pid)
    return _(
        "CoachDesk already has this store open in another window. Use that window, "
        "or close it first; nothing was changed."
    )


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
