"""Errors split into the environment's fault (shown calmly to the user) and our bugs."""

from __future__ import annotations

from pathlib import Path


class UserFacingError(Exception):
    """A problem caused by the environment or the input, with a translated message.

    Anything that is not a ``UserFacingError`` is a bug in CoachDesk.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StoreError(UserFacingError):
    """The data store cannot be opened, migrated or written."""


class DamagedStoreError(StoreError):
    """The file is not a CoachDesk store, or SQLite finds it damaged."""


class MissingKeyFileError(StoreError):
    """An encrypted store (known by its bytes) without its key file beside it; not damage."""


class ForeignWalError(DamagedStoreError):
    """Beside the store lies a ``-wal`` file that is not its own; the store itself is sound."""


class QuarantinedStoreError(StoreError):
    """A store that could not be opened; a copy is in quarantine and the way back is named."""

    def __init__(self, message: str, *, copy: Path, foreign_wal: bool, backup: Path | None) -> None:
        super().__init__(message)
        self.copy = copy
        """The untouched copy in quarantine (it can be viewed read-only)."""
        self.foreign_wal = foreign_wal
        """The store is sound; only a log file beside it is not its own."""
        self.backup = backup
        """The newest checked backup, offered when the store itself is damaged."""


class NewerStoreError(StoreError):
    """The store was written by a newer CoachDesk and must not be touched."""


class ValidationError(UserFacingError):
    """Input that a user gave (or a file they chose) is not acceptable."""
