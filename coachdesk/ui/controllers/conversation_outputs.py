"""What leaves the app from a conversation: its report (PDF or printed), the preparation card
and the next appointment as a calendar file. Each asks where first and says any problem."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from coachdesk.errors import UserFacingError
from coachdesk.export.calendar_ics import appointment_ics, write_appointment
from coachdesk.export.summary_html import summary_html
from coachdesk.i18n import _
from coachdesk.services.closing import Closing
from coachdesk.services.summary_content import Reader, Summary, default_file_name
from coachdesk.ui.messages import show_problem
from coachdesk.ui.printing import print_html

if TYPE_CHECKING:
    from coachdesk.ui.screens.conversation.conversation_screen import (
        ConversationScreen,
        ConversationServices,
    )


class ConversationOutputs:
    """Reports, the preparation card and the calendar file of the conversation on screen."""

    def __init__(self, screen: ConversationScreen, services: ConversationServices) -> None:
        self._screen = screen
        self._services = services

    def _report(self, reader: Reader) -> Summary | None:
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

    def save_report(self, reader: Reader) -> None:
        """Ask where to save the PDF report for ``reader``, then write it."""
        summary = self._report(reader)
        if summary is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self._screen,
            summary.title,
            str(Path.home() / default_file_name(summary)),
            _("PDF files (*.pdf)"),
        )
        if not name:
            return
        from coachdesk.export.summary_pdf import write_summary  # noqa: PLC0415 - reportlab on export only

        try:
            write_summary(summary, Path(name), self._services.settings.school_logo())
        except UserFacingError as error:
            show_problem(self._screen, error)

    def print_report(self, reader: Reader) -> None:
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
        suggested = Path.home() / _("appointment-{date}.ics").format(date=day.isoformat())
        name, _filter = QFileDialog.getSaveFileName(
            screen, _("Add to calendar"), str(suggested), _("Calendar files (*.ics)")
        )
        if not name:
            return
        ics = appointment_ics(
            screen.student.given_name,
            screen.conversation.kind.label,
            day=day,
            time=closing.next_time,
            place=closing.next_place,
            now=dt.datetime.now(dt.UTC),
        )
        try:
            write_appointment(Path(name), ics)
        except UserFacingError as error:
            show_problem(screen, error)

    def save_prep_card(self) -> None:
        """Ask where to save the one-page preparation card, then write it."""
        screen = self._screen
        if screen.conversation is None or screen.student is None:
            return
        suggested = Path.home() / _("preparation-{name}-{date}.pdf").format(
            name=screen.student.given_name, date=screen.conversation.date.isoformat()
        )
        name, _filter = QFileDialog.getSaveFileName(
            screen, _("Save preparation card"), str(suggested), _("PDF files (*.pdf)")
        )
        if not name:
            return
        from coachdesk.export.prep_card_pdf import write_prep_card  # noqa: PLC0415 - reportlab on export only

        try:
            write_prep_card(self._services.flow.prep_card(screen.conversation.id), Path(name))
        except UserFacingError as error:
            show_problem(screen, error)
