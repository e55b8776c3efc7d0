"""Gesprek: the chosen student's conversations; preparing and holding one comes here later."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from coachdesk.domain.conversations import Conversation
from coachdesk.domain.students import Student
from coachdesk.i18n import _
from coachdesk.ui.qt_models.conversations_model import ConversationsTableModel
from coachdesk.ui.widgets import hint, screen_title


class ConversationScreen(QWidget):
    """Conversations with one student, newest first, or a hint to choose a student."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = screen_title(_("Conversation"), self)
        self.empty_hint = hint(
            _("Choose a student under My students to see their conversations."), self
        )
        self.model = ConversationsTableModel()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)

    def show_conversations(self, student: Student, conversations: list[Conversation]) -> None:
        """Show the conversations held with ``student``."""
        self.title.setText(_("Conversations with {name}").format(name=student.given_name))
        self.empty_hint.setText(
            "" if conversations else _("No conversations with this student yet.")
        )
        self.empty_hint.setVisible(not conversations)
        self.model.set_conversations(conversations)
        self.table.show()
