"""Date and time fields whose text is the value: what you type is what is kept.

A ``QDateEdit`` keeps its old date when its sections reject what was typed (Ctrl+A then a
new date did exactly that). Here the typed text is parsed as a whole: a real date is
echoed back in words with its weekday, anything else is said to be no date, and the
form asks before closing. A calendar is one click away for those who prefer to pick.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
    QWidgetAction,
)

from coachdesk.i18n import _
from coachdesk.i18n.dates import clock_time, parse_date, parse_time, weekday_date
from coachdesk.ui.widgets import menu_button, set_state

V = TypeVar("V", dt.date, dt.time)


class _ParsedField(QWidget, Generic[V]):
    """A line of text parsed into a value, with the value said in words beside it.

    Signals:
        changed(): the text changed (for autosave and live previews).
    """

    changed = Signal()

    def __init__(
        self,
        parse: Callable[[str], V | None],
        show: Callable[[V], str],
        say: Callable[[V], str],
        placeholder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._parse: Callable[[str], V | None] = parse
        self._show: Callable[[V], str] = show
        self._say: Callable[[V], str] = say
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.echo = QLabel(self)
        self.echo.setProperty("role", "hint")
        self.echo.setWordWrap(True)  # "donderdag 24 september 2026" on two lines when narrow
        self.edit.textChanged.connect(self._update_echo)
        self.edit.textChanged.connect(self.changed)
        self.edit.editingFinished.connect(self._tidy)
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.edit)

    def set_value(self, value: V | None) -> None:
        """Show ``value`` (or nothing)."""
        self.edit.setText("" if value is None else self._show(value))

    def value(self) -> V | None:
        """Return the typed value; ``None`` for an empty or unreadable field."""
        try:
            return self._parse(self.edit.text())
        except ValueError:
            return None

    def is_valid(self) -> bool:
        """Return whether the field is empty or holds a real value."""
        try:
            self._parse(self.edit.text())
        except ValueError:
            return False
        return True

    def _update_echo(self) -> None:
        try:
            value = self._parse(self.edit.text())
        except ValueError:
            self.echo.setText(_("not a valid date or time"))
            set_state(self.echo, "problem")
        else:
            self.echo.setText("" if value is None else self._say(value))
            set_state(self.echo, "")

    def _tidy(self) -> None:
        """Write a readable value back in the standard form ("18-12" becomes "18-12-2026")."""
        value = self.value()
        if value is not None:
            self.edit.setText(self._show(value))


class DateField(_ParsedField[dt.date]):
    """A date typed as "18-12", "18 dec" or picked from the calendar; empty means no date."""

    def __init__(
        self,
        value: dt.date | None,
        today: dt.date,
        accessible_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            lambda text: parse_date(text, today),
            lambda day: day.strftime("%d-%m-%Y"),
            weekday_date,
            _("dd-mm-yyyy"),
            parent,
        )
        self._today = today
        self.edit.setAccessibleName(accessible_name)
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("00-00-00000") + 20)
        self.calendar_button, menu = menu_button(_("Calendar"), self)
        # Tab goes from the date straight on; Alt+↓ in the field opens the calendar.
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.setAccessibleName(
            _("Pick {what} from the calendar").format(what=accessible_name.lower())
        )
        self.calendar: QCalendarWidget | None = None
        menu.aboutToShow.connect(lambda: self._show_calendar(menu))
        QShortcut(
            QKeySequence("Alt+Down"),
            self.edit,
            self.calendar_button.showMenu,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.layout_.addWidget(self.calendar_button)
        self.layout_.addWidget(self.echo, 1)
        self.set_value(value)
        self._update_echo()

    def _show_calendar(self, menu: QMenu) -> None:
        """Build the calendar the first time it is opened; most fields never need one."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(menu)
            self.calendar.setGridVisible(False)
            self.calendar.setAccessibleName(self.calendar_button.accessibleName())
            self.calendar.clicked.connect(lambda day: self._pick(day, menu))
            action = QWidgetAction(menu)
            action.setDefaultWidget(self.calendar)
            menu.addAction(action)
        day = self.value() or self._today
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _pick(self, day: QDate, menu: QMenu) -> None:
        self.set_value(dt.date(day.year(), day.month(), day.day()))
        self.edit.setFocus()
        menu.close()


class TimeField(_ParsedField[dt.time]):
    """A time of day typed as "14:30" or "9 uur"; empty means no time."""

    def __init__(
        self, value: dt.time | None, accessible_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parse_time, clock_time, lambda _time: "", _("hh:mm"), parent)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("00:000") + 20)
        self.layout_.addWidget(self.echo)
        self.set_value(value)
