"""Rows as tall as their text needs, so a long line wraps instead of being cut off."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView

TEXT_MARGIN = 12
"""Room the style keeps beside the text of a cell (both sides together)."""


class WrappedTextDelegate(QStyledItemDelegate):
    """Measures a cell's text wrapped at its column's width (Qt measures one long line)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return hint
        width = max(self._view.header().sectionSize(index.column()) - TEXT_MARGIN, 40)
        metrics = option.fontMetrics
        if metrics.horizontalAdvance(str(text)) <= width:
            return hint  # one line: no wrapping to lay out (most rows; a timeline has hundreds)
        needed = metrics.boundingRect(
            QRect(0, 0, width, 1_000_000), Qt.TextFlag.TextWordWrap, str(text)
        )
        return QSize(hint.width(), max(hint.height(), needed.height() + 6))
