"""Every file CoachDesk writes is saved one way: whole or not at all, even after a power cut.

The content goes to ``<name>.partial`` in the same folder, is flushed and fsynced, then
replaces the target in one step (``os.replace``), and the folder is fsynced so the new name
is on disk too. A crash leaves the old file or the new one, never a half-written or empty one
(which for the key file would lose the only wrapped copy of the store key).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

PARTIAL_SUFFIX = ".partial"


def partial_path(target: Path) -> Path:
    """Return where ``target`` is written before it is complete (same folder, same disk)."""
    return target.with_name(target.name + PARTIAL_SUFFIX)


def commit(partial: Path, target: Path) -> None:
    """Put the completely written ``partial`` in place of ``target``, durably."""
    with partial.open("rb+") as handle:
        os.fsync(handle.fileno())
    partial.replace(target)
    if os.name != "nt":  # Windows cannot open a folder to flush it; NTFS journals the rename
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def save(target: Path, write: Callable[[BinaryIO], object]) -> Path:
    """Save what ``write`` writes into a file handle as ``target``; return ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_path(target)
    try:
        with partial.open("wb") as handle:
            write(handle)
        commit(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def save_bytes(target: Path, data: bytes) -> Path:
    """Save ``data`` as ``target``."""
    return save(target, lambda handle: handle.write(data))


def save_text(target: Path, text: str) -> Path:
    """Save ``text`` (UTF-8) as ``target``."""
    return save_bytes(target, text.encode("utf-8"))


def save_copy(source: Path, target: Path) -> Path:
    """Save a copy of the file ``source`` as ``target`` (its modification time kept)."""
    with source.open("rb") as original:
        save(target, lambda handle: shutil.copyfileobj(original, handle))
    shutil.copystat(source, target)
    return target
