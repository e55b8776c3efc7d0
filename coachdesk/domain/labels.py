"""Enums whose stored value is a stable Dutch word and whose label follows the UI language."""

from __future__ import annotations

from enum import StrEnum

from coachdesk.i18n import _


class LabelledEnum(StrEnum):
    """A ``StrEnum`` with a translatable label per member.

    Subclasses define ``_labels()`` returning the English message ids (marked with ``N_``);
    the stored value never changes when the UI language does.
    """

    @classmethod
    def _labels(cls) -> dict[str, str]:
        raise NotImplementedError

    @property
    def label(self) -> str:
        """Return the member's name as shown to people."""
        return _(self._labels()[self.value])
