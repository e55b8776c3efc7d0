"""Small building blocks shared by several screens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QWidget,
)

DATE_FORMAT = "dd-MM-yyyy"


def set_state(widget: QWidget, state: object) -> None:
    """Give ``widget`` a state ("problem", "good", "" …) that the style sheet colours it by.

    Qt reads a property in a style sheet's selector only when the widget is polished again.
    """
    widget.setProperty("state", state)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


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


def menu_button(text: str, parent: QWidget | None = None) -> tuple[QPushButton, QMenu]:
    """Return a button that opens a menu, and its (empty) menu.

    A push button draws its menu arrow beside the text, in the text colour; a tool button in
    the Fusion style only puts a tiny mark in its corner that reads as a stray "_".
    """
    button = QPushButton(text, parent)
    button.setAccessibleName(text.replace("&", ""))
    menu = QMenu(button)
    button.setMenu(menu)
    return button, menu


def date_edit(value: dt.date | None = None, parent: QWidget | None = None) -> QDateEdit:
    """Return a date field in Dutch day-month-year order with a calendar popup."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    day = value or dt.date.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    """Return the chosen date."""
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


class OptionalDateEdit(QWidget):
    """A date that may be left out, e.g. an unknown birth date or an open end."""

    def __init__(self, label: str, value: dt.date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label, self)
        self.edit = date_edit(value, self)
        self.edit.setAccessibleName(label)
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)

    def value(self) -> dt.date | None:
        """Return the date, or ``None`` when it was left out."""
        return date_of(self.edit) if self.check.isChecked() else None


class ChoiceCombo(QComboBox):
    """A combo box that hands back the Python value of each choice unchanged.

    ``QComboBox.currentData()`` turns a ``StrEnum`` member into a plain ``str``; this
    keeps the values in a list beside the items instead.
    """

    def __init__(
        self, choices: Iterable[tuple[str, object]] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._values: list[object] = []
        for text, value in choices:
            self.add_choice(text, value)

    def add_choice(self, text: str, value: object) -> None:
        """Append a choice."""
        self._values.append(value)
        self.addItem(text)

    def clear_choices(self, keep: int = 0) -> None:
        """Remove every choice after the first ``keep``."""
        while self.count() > keep:
            self.removeItem(self.count() - 1)
        del self._values[keep:]

    def current_value(self) -> Any:
        """Return the value of the chosen item (``None`` when nothing is chosen)."""
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def select_value(self, value: object) -> None:
        """Choose the item with ``value``, or the first item when there is none."""
        self.setCurrentIndex(self._values.index(value) if value in self._values else 0)


def dialog_buttons(
    dialog: QDialog,
    primary: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Save,
    on_accept: Callable[[], None] | None = None,
) -> QDialogButtonBox:
    """Return the dialog's primary and Cancel buttons, wired to accept (or ``on_accept``)."""
    buttons = QDialogButtonBox(primary | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(on_accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
