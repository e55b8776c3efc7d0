"""Small building blocks shared by several screens."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def screen_title(text: str, parent: QWidget | None = None) -> QLabel:
    """Return the large heading at the top of a screen."""
    label = QLabel(text, parent)
    label.setProperty("role", "screenTitle")
    return label


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    """Return a calm, wrapped line of explanation."""
    label = QLabel(text, parent)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label
