"""Zet in agenda: the next appointment as an .ics file any calendar app opens.

Calendars live in the cloud, so the event carries only the student's first name, the kind
of conversation, the time and the place: no family name, no content, no notes.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from icalendar import Calendar, Event

from coachdesk.errors import StoreError
from coachdesk.i18n import _
from coachdesk.savefile import save_bytes

DEFAULT_LENGTH = dt.timedelta(minutes=45)
"""A career conversation usually takes half an hour to an hour."""


def appointment_ics(
    first_name: str,
    kind: str,
    *,
    day: dt.date,
    time: dt.time | None,
    place: str,
    now: dt.datetime,
) -> bytes:
    """Return one event as iCalendar bytes; without a time it is an all-day event.

    The time is floating (no time zone): the appointment is at 14:30 wherever the coach is.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//CoachDesk//Loopbaangesprekken//NL")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"{uuid.uuid4()}@coachdesk")
    event.add("dtstamp", now.astimezone(dt.UTC))
    event.add("summary", _("{kind} with {name}").format(kind=kind, name=first_name))
    if time is None:
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
    else:
        start = dt.datetime.combine(day, time)
        event.add("dtstart", start)
        event.add("dtend", start + DEFAULT_LENGTH)
    if place.strip():
        event.add("location", place.strip())
    calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical


def write_appointment(target: Path, ics: bytes) -> Path:
    """Save the event as ``target``, whole or not at all; a failure is said in Dutch."""
    try:
        return save_bytes(target, ics)
    except OSError as error:
        raise StoreError(
            _("The calendar file could not be written to {path}: {reason}").format(
                path=target, reason=error.strerror
            )
        ) from error
