"""Checks shared by the accessibility tests: names for every control, nothing clipped."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QTextEdit,
    QWidget,
)

INPUTS = (QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


def _inside_composite(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    """Return the input controls below ``root`` that a screen reader could not name."""
    buddies = {label.buddy() for label in root.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or isinstance(widget, QHeaderView):
            continue
        if _inside_composite(widget):
            continue  # a combo box popup or a spin box editor: the outer control carries the name
        if widget.accessibleName() or widget in buddies:
            continue
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and widget.placeholderText():
            continue
        missing.append(
            f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}"
        )
    return missing


def clipped_texts(root: QWidget) -> list[str]:
    """Return visible labels and buttons whose text does not fit their width."""
    clipped = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
            needed = widget.fontMetrics().horizontalAdvance(widget.text().split("\n")[0])
            if widget.textFormat() != widget.textFormat().RichText and needed > widget.width() + 2:
                clipped.append(f"label {widget.text()!r}: {needed} > {widget.width()}")
        elif (
            isinstance(widget, QAbstractButton)
            and widget.text()
            and widget.sizeHint().width() > widget.width() + 2
        ):
            clipped.append(
                f"button {widget.text()!r}: {widget.sizeHint().width()} > {widget.width()}"
            )
    return clipped


def cut_short_in_table(table: QTableView) -> list[str]:
    """Return the table's headers that do not show whole, and names cut short in column 0.

    A header must fit the label area the style leaves beside its sort arrow; a name must fit
    its column as the item delegate draws it. Other columns may end in "…" if their tooltip
    holds the whole text.
    """
    header, model = table.horizontalHeader(), table.model()
    found = []
    for column in range(model.columnCount()):
        option = QStyleOptionHeader()
        option.initFrom(header)
        option.state |= QStyle.StateFlag.State_Horizontal
        option.orientation = Qt.Orientation.Horizontal
        option.rect = QRect(0, 0, header.sectionSize(column), header.height())
        shown = header.isSortIndicatorShown() and header.sortIndicatorSection() == column
        option.sortIndicator = (
            QStyleOptionHeader.SortIndicator.SortDown
            if shown
            else QStyleOptionHeader.SortIndicator.None_
        )
        room = header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header)
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        if header.fontMetrics().horizontalAdvance(title) > room.width():
            found.append(f"header {title!r}: {room.width()} px")
    needed = table.sizeHintForColumn(0)
    if needed > table.columnWidth(0):
        found.append(f"names need {needed} px, the column has {table.columnWidth(0)}")
    for row in range(model.rowCount()):
        for column in range(1, model.columnCount()):
            index = model.index(row, column)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text and index.data(Qt.ItemDataRole.ToolTipRole) != text:
                found.append(f"row {row}, column {column}: no tooltip with the whole text")
    return found
