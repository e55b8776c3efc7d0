"""Instellingen: the coach's name, the school on reports, cadence, lock, retention, language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from coachdesk.i18n import _, language
from coachdesk.preferences import save_language
from coachdesk.ui.dialogs.settings_dialog import CoachSettings, SettingsDialog

if TYPE_CHECKING:
    from coachdesk.ui.main_window import MainWindow


class SettingsController:
    """Shows the settings as they are and applies what the coach changed."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def open_settings(self) -> None:
        """Let the coach set their name and contact, the school for reports, the cadence, …"""
        window = self._window
        settings = window.services.settings
        current = CoachSettings(
            settings.coach_name(),
            settings.coach_contact(),
            settings.school_name(),
            settings.school_logo(),
            settings.cadence(),
            language(),
            settings.lock_minutes(),
            settings.retention_years(),
        )
        chosen = SettingsDialog.ask(window, current, window.services.change_passphrase)
        if chosen is None:
            return
        settings.set_coach_name(chosen.coach_name)
        settings.set_coach_contact(chosen.coach_contact)  # the dialog made it one line
        settings.set_school(chosen.school_name, chosen.logo)
        settings.set_cadence(chosen.cadence)
        settings.set_lock_minutes(chosen.lock_minutes)
        settings.set_retention_years(chosen.retention_years)
        window.locking.lock_minutes = settings.lock_minutes()
        window.caseload_screen.retention_years = settings.retention_years()
        window.refresh_caseload()
        if chosen.language != language():
            save_language(window.store.data_dir, chosen.language)
            QMessageBox.information(
                window,
                "CoachDesk",
                _("The new language is used from the next start of CoachDesk."),
            )
