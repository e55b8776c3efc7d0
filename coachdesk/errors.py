"""Errors split into the environment's fault (shown calmly to the user) and our bugs."""

from __future__ import annotations


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


class NewerStoreError(StoreError):
    """The store was written by a newer CoachDesk and must not be touched."""


class ValidationError(UserFacingError):
    """Input that a user gave (or a file they chose) is not acceptable."""
