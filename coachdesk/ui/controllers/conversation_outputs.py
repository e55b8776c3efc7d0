"""What leaves the app from a conversation: its report (PDF or printed), the preparation card
and the next appointment as a calendar file. Each asks where first (in the folder used last),
says where it was written, and says any problem."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from coachdesk.domain.people import Person
from coachdesk.errors import UserFacingError
from coachdesk.export.summary_html import summary_html
from coachdesk.file_names import name_part
from coachdesk.i18n import _
from coachdesk.services.closing import Closing
from coachdesk.services.summary_content import Summary, default_file_name
from coachdesk.ui.file_choice import save_path, saved_message
from coachdesk.ui.messages import show_problem
from coachdesk.ui.printing import print_html

if TYPE_CHECKING:
    from coachdesk.ui.screens.conversation.conversation_screen import ConversationScreen
    from coachdesk.ui.window_services import ConversationServices


class ConversationOutputs:
    """Reports, the preparation card and the calendar file of the conversation on screen."""

    def __init__(self, screen: ConversationScreen, services: ConversationServices) -> None:
        self._screen = screen
        self._services = services

    def _ask_where(self, title: str, suggested: str, file_filter: str) -> Path | None:
        """Ask where to save, starting in the folder used last; ``None`` when cancelled."""
        return save_path(self._screen, title, suggested, file_filter)

    def _write(self, write: Callable[[Path], object], target: Path) -> None:
        """Write ``target``; say where it went, or calmly why it could not be written."""
        try:
            write(target)
        except UserFacingError as error:
            show_problem(self._screen, error)
            return
        self._screen.file_saved.emit(saved_message(target))

    def _report(self, reader: Person) -> Summary | None:
        """Return the report for ``reader``; say so instead when it may not be made."""
        conversation = self._screen.conversation
        if conversation is None:
            return None
        try:
            return self._services.reports.build(
                conversation.id, reader, self._services.settings.school_name()
            )
        except UserFacingError as error:
            show_problem(self._screen, error)
            return None

    def save_report(self, reader: Person) -> None:
        """Ask where to save the PDF report for ``reader``, then write it."""
        summary = self._report(reader)
        if summary is None:
            return
        target = self._ask_where(summary.title, default_file_name(summary), _("PDF files (*.pdf)"))
        if target is None:
            return
        from coachdesk.export.summary_pdf import write_summary  # noqa: PLC0415 - reportlab on export only

        logo = self._services.settings.school_logo()
        self._write(lambda path: write_summary(summary, path, logo), target)

    def print_report(self, reader: Person) -> None:
        """Print the report for ``reader`` through the system print dialog."""
        summary = self._report(reader)
        if summary is not None:
            print_html(self._screen, summary_html(summary), summary.title)

    def save_calendar_file(self, closing: Closing) -> None:
        """Save the next appointment as an .ics file for the coach's calendar."""
        screen = self._screen
        if screen.conversation is None or screen.student is None:
            return
        day = closing.next_appointment
        if day is None:
            QMessageBox.information(
                screen, _("Add to calendar"), _("Fill in the date of the next appointment first.")
            )
            return
        suggested = _("appointment-{date}.ics").format(date=day.isoformat())
        target = self._ask_where(_("Add to calendar"), suggested, _("Calendar files (*.ics)"))
        if target is None:
            return
        from coachdesk.export.calendar_ics import (  # noqa: PLC0415 - icalendar on first use
            appointment_ics,
            write_appointment,
        )

        ics = appointment_ics(
            screen.student.given_name,
            screen.conversation.kind.label,
            day=day,
            time=closing.next_time,
            place=closing.next_place,
            now=dt.datetime.now(dt.UTC),
        )
        self._write(lambda path: write_appointment(path, ics), target)

    def save_prep_card(self) -> None:
        """Ask where to save the one-page preparation card, then write it."""
        screen = self._screen
        if screen.conversation is None or screen.student is None:
            return
        suggested = _("preparation-{name}-{date}.pdf").format(
            name=name_part(screen.student.given_name, "student"),
            date=screen.conversation.date.isoformat(),
        )
        target = self._ask_where(_("Save preparation card"), suggested, _("PDF files (*.pdf)"))
        if target is None:
            return
        from coachdesk.export.prep_card_pdf import write_prep_card  # noqa: PLC0415 - reportlab on export only

        card = self._services.flow.prep_card(screen.conversation.id)
        self._write(lambda path: write_prep_card(card, path), target)
