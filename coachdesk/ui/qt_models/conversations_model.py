"""One student's conversations as a table model."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from coachdesk.domain.conversations import Conversation
from coachdesk.i18n import _
from coachdesk.i18n.dates import long_date

_Index = QModelIndex | QPersistentModelIndex


class ConversationsTableModel(QAbstractTableModel):
    """Date, kind and state of each conversation."""

    def __init__(self) -> None:
        super().__init__()
        self._conversations: list[Conversation] = []
        self._headers = [_("Date"), _("Kind"), _("State")]

    def set_conversations(self, conversations: list[Conversation]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._conversations = conversations
        self.endResetModel()

    def conversation_at(self, row: int) -> Conversation:
        """Return the conversation shown in ``row``."""
        return self._conversations[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._conversations)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        conversation = self._conversations[index.row()]
        values = (long_date(conversation.date), conversation.kind.label, conversation.state.label)
        return values[index.column()]

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
