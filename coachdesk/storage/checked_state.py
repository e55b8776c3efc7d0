"""The store file as it was when SQLite's quick check last passed on it.

The quick check reads every page: about a second at 20,000 students, for every command. A
store whose main file still has the same device, inode, size and modification time as when
the check passed, and whose write-ahead log holds no transactions, consists of exactly the
pages that were checked, so checking it again would find what was found then. Any write, a
restored backup, an encryption or a file copied in by hand changes the fingerprint, and the
next opening checks the whole store again.

A file changed less than ``SETTLE_NS`` before its check could change again within the same
tick of the file system's clock without a new modification time, so no note is made for it
(git's "racy timestamp" rule). The note (``quick-check.json`` beside the store) holds file
attributes only, never content.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path

from coachdesk.savefile import save_text
from coachdesk.storage.store_identity import WAL_HEADER_BYTES, wal_file

NOTE_NAME = "quick-check.json"
SETTLE_NS = 2_000_000_000

Fingerprint = dict[str, int]


def fingerprint(store: Path) -> Fingerprint | None:
    """Return what identifies the store's bytes now; ``None`` while its WAL holds transactions."""
    try:
        wal = wal_file(store).stat()
    except FileNotFoundError:
        pass
    else:
        if wal.st_size > WAL_HEADER_BYTES:
            return None
    try:
        stat = store.stat()
    except FileNotFoundError:
        return None
    return {
        "device": stat.st_dev,
        "inode": stat.st_ino,
        "size": stat.st_size,
        "modified_ns": stat.st_mtime_ns,
    }


def _note(store: Path) -> Path:
    return store.with_name(NOTE_NAME)


def unchanged_since_check(store: Path) -> bool:
    """Return whether the store is byte for byte what passed the last quick check."""
    now = fingerprint(store)
    if now is None:
        return False
    try:
        return bool(json.loads(_note(store).read_text(encoding="utf-8")) == now)
    except (OSError, ValueError):  # no note yet, or one that cannot be read: check again
        return False


def remember_check(
    store: Path, before: Fingerprint | None, now_ns: Callable[[], int] = time.time_ns
) -> None:
    """Note that the store passed, if it did not change while it was checked (``before``)."""
    if before is None or fingerprint(store) != before:
        return
    if now_ns() - before["modified_ns"] < SETTLE_NS:
        return
    # A read-only folder or a full disk keeps the old note, which no longer matches: the next
    # opening checks again.
    with contextlib.suppress(OSError):
        save_text(_note(store), json.dumps(before))
