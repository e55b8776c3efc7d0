"""Calm strips across the top of the main window: the demo store, a read-only damaged store."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from coachdesk.i18n import _


def _banner(parent: QWidget, name: str, text: str) -> tuple[QFrame, QHBoxLayout]:
    """Return a strip with its wrapped message (the theme styles it by ``name``)."""
    banner = QFrame(parent)
    banner.setObjectName(name)
    layout = QHBoxLayout(banner)
    layout.setContentsMargins(16, 8, 16, 8)
    message = QLabel(text, banner)
    message.setWordWrap(True)
    layout.addWidget(message, 1)
    return banner, layout


def demo_banner(parent: QWidget, go_to_own_data: Callable[[], None]) -> tuple[QFrame, QPushButton]:
    """Return the demo strip and its button back to the coach's own data."""
    banner, layout = _banner(
        parent,
        "demoBanner",
        _("Demo: all students here are fictional. Your own data is kept apart."),
    )
    button = QPushButton(_("Go to my own data"), banner)
    button.clicked.connect(go_to_own_data)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
    return banner, button


def read_only_banner(parent: QWidget) -> QFrame:
    """Return the strip that says nothing changed on a damaged store's copy is saved."""
    banner, _layout = _banner(
        parent,
        "readOnlyBanner",
        _(
            "Read only: this is what could still be read from your damaged data. Nothing "
            "you change here is saved. Start CoachDesk again to restore a backup and work on."
        ),
    )
    return banner
