"""Mijn praktijk: the coach's own professional reflections, apart from any student."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.domain.reflections import Reflection
from coachdesk.i18n import _
from coachdesk.i18n.dates import short_date
from coachdesk.ui.widgets import hint, screen_title

REFLECTION_ROLE = Qt.ItemDataRole.UserRole + 1


class MyPracticeScreen(QWidget):
    """A list of the coach's reflections; they never appear in any student export.

    Signals:
        new_requested(): start a new practice reflection.
        open_requested(str): open the reflection with this id.
    """

    new_requested = Signal()
    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new_button = QPushButton(_("New reflection…"), self)
        self.new_button.setProperty("role", "primary")
        self.new_button.clicked.connect(self.new_requested)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("My practice"))
        self.list.itemActivated.connect(
            lambda item: self.open_requested.emit(item.data(REFLECTION_ROLE))
        )
        heading = QHBoxLayout()
        heading.addWidget(screen_title(_("My practice"), self), 1)
        heading.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(heading)
        layout.addWidget(
            hint(
                _(
                    "Your own reflections on your work as a coach. They belong to no "
                    "student and never appear in a report or export."
                ),
                self,
            )
        )
        self.empty_label = hint(
            _(
                "No reflections yet. With New reflection… you write one: after a conversation "
                "that stayed with you, or to look back on a week."
            ),
            self,
        )
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 1)

    def show_reflections(self, reflections: list[Reflection]) -> None:
        """List the coach's reflections, newest first."""
        self.list.clear()
        self.empty_label.setVisible(not reflections)
        for reflection in reflections:
            item = QListWidgetItem(
                f"{short_date(reflection.updated_at.date())} · {reflection.title}"
            )
            item.setData(REFLECTION_ROLE, reflection.id)
            self.list.addItem(item)
