"""Checks shared by the accessibility tests: names for every control, nothing clipped."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
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
