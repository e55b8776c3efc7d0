"""Checks shared by the accessibility tests: names for every control, nothing clipped, contrast."""

from __future__ import annotations

from collections import Counter

from PySide6 import QtGui
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QTextDocument
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


def _text_width(label: QLabel) -> int:
    """Width the label's first line needs; rich text is measured as laid out, not its tags."""
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if not rich:
        return label.fontMetrics().horizontalAdvance(text.split("\n")[0])
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(text)
    return int(document.idealWidth() + 0.5)


def clipped_texts(root: QWidget) -> list[str]:
    """Return visible labels and buttons whose text does not fit: too wide, or (wrapped) too low."""
    clipped = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            needed = _text_width(widget)
            if needed > widget.contentsRect().width() + 2:
                clipped.append(f"label {widget.text()!r}: {needed} > {widget.width()}")
        elif isinstance(widget, QLabel) and widget.text():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 2:
                clipped.append(f"label {widget.text()[:40]!r}: {needed} high > {widget.height()}")
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


def _luminance(rgb: int) -> float:
    """WCAG 2 relative luminance of a 0xRRGGBB colour."""
    channels = []
    for shift in (16, 8, 0):
        value = ((rgb >> shift) & 0xFF) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: int, second: int) -> float:
    """WCAG 2 contrast ratio of two 0xRRGGBB colours (1 to 21)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _measured_contrast(image: QImage, area: QRect) -> float:
    """Contrast of the text in ``area`` of a rendered window.

    The background is the most common colour along the edge of the area (text rarely touches
    it; a button's face may be a gradient, so not the whole area); the text is the colour
    furthest from it, as glyph stems are drawn in the full colour.
    """
    if area.width() < 3 or area.height() < 3:
        return 21.0
    edge: Counter[int] = Counter()
    inside: set[int] = set()
    for y in range(area.top(), area.bottom() + 1):
        for x in range(area.left(), area.right() + 1):
            colour = image.pixel(x, y) & 0xFFFFFF
            inside.add(colour)
            if y in (area.top(), area.bottom()) or x in (area.left(), area.right()):
                edge[colour] += 1
    background = edge.most_common(1)[0][0]
    return max(contrast_ratio(background, colour) for colour in inside)


def low_contrast_texts(window: QWidget, minimum: float = 4.5) -> list[str]:
    """Return the visible labels and buttons of ``window`` whose text is too faint to read.

    The window is rendered as it shows, style sheets and palettes included, and each text's
    colour is measured against the background behind it (WCAG AA: 4.5:1 for body text).
    """
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    scale = image.width() / max(window.width(), 1)
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QLabel | QAbstractButton) or not widget.isVisible():
            continue
        if not widget.text().strip() or widget.window() is not window:
            continue
        visible = widget.visibleRegion().boundingRect()
        if visible.height() < min(widget.height(), widget.fontMetrics().height()):
            continue  # partly scrolled out of sight: the part shown is no whole line of text
        if isinstance(widget, QLabel):
            visible = visible.intersected(widget.contentsRect())
        else:  # inside the button's frame
            visible = visible.intersected(widget.rect().adjusted(3, 3, -3, -3))
        if visible.isEmpty():
            continue
        top_left = widget.mapTo(window, visible.topLeft())
        area = QRect(
            int(top_left.x() * scale),
            int(top_left.y() * scale),
            int(visible.width() * scale),
            int(visible.height() * scale),
        ).intersected(image.rect())
        ratio = _measured_contrast(image, area)
        if ratio < minimum:
            found.append(f"{type(widget).__name__} {widget.text()[:40]!r}: {ratio:.2f}:1")
    return found
