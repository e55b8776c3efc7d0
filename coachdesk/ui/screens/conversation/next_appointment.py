"""The next appointment in the close: date, time and place, and a way into the calendar."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from coachdesk.i18n import _
from coachdesk.ui.date_field import DateField, TimeField


class NextAppointment(QWidget):
    """Typed as the coach would say it ("di 14:30"); the calendar button makes an .ics file.

    Signals:
        changed(): the date, time or place changed.
    """

    changed = Signal()

    def __init__(
        self,
        day: dt.date | None,
        time: dt.time | None,
        place: str,
        today: dt.date,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.date = DateField(day, today, _("Next appointment"), self)
        self.time = TimeField(time, _("Time"), self)
        self.place = QLineEdit(place, self)
        self.place.setPlaceholderText(_("place"))
        self.place.setAccessibleName(_("Place"))
        self.calendar_button = QPushButton(_("Add to calendar…"), self)
        when = QHBoxLayout()
        when.addWidget(self.date)
        when.addWidget(QLabel(_("at"), self))
        when.addWidget(self.time)
        when.addStretch(1)
        where = QHBoxLayout()
        where.addWidget(self.place, 1)
        where.addWidget(self.calendar_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(when)
        layout.addLayout(where)
        for signal in (self.date.changed, self.time.changed, self.place.textChanged):
            signal.connect(self.changed)
