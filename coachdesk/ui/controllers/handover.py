"""Handover and class lists: a dossier for the next coach, importing one, importing a class list.

Every import makes a checked backup of the coach's own store first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QLineEdit

from coachdesk.errors import UserFacingError
from coachdesk.i18n import _
from coachdesk.ui.dialogs.handover_dialog import HandoverDialog
from coachdesk.ui.dialogs.import_wizard import ImportWizard
from coachdesk.ui.file_choice import open_path, save_path
from coachdesk.ui.messages import show_problem
from coachdesk.ui.window_services import Screen

if TYPE_CHECKING:
    from coachdesk.ui.main_window import MainWindow


class HandoverController:
    """Dossiers out and in, and class lists in."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def import_class_list(self) -> None:
        """Run the import wizard (after a backup); on success the caseload shows the students."""
        window = self._window
        try:
            window.services.backup_before_import()
            result = ImportWizard.run(window, window.services.importer())
        except UserFacingError as error:
            show_problem(window, error)
            return
        if result is None:
            return
        window.refresh_caseload()
        window.show_screen(Screen.CASELOAD)
        window.notify(
            _("Class list imported: {created} new, {updated} updated, {skipped} skipped.").format(
                created=result.created, updated=result.updated, skipped=result.skipped
            )
        )

    def export_dossier(self, student_numbers: list[str]) -> None:
        """Make an encrypted handover dossier of these students."""
        window = self._window
        choice = HandoverDialog.ask(window, len(student_numbers))
        if choice is None:
            return
        target = save_path(
            window,
            _("Handover dossier"),
            _("dossier-{date}.cddossier").format(date=window.today.isoformat()),
            _("CoachDesk dossiers (*.cddossier)"),
        )
        if target is None:
            return
        try:
            window.services.dossiers.export(
                student_numbers,
                choice.passphrase,
                target,
                include_private=choice.include_private,
                consent_given=choice.consent_given,
                today=window.today,
            )
        except UserFacingError as error:
            show_problem(window, error)
            return
        window.notify(_("Dossier written: {path}").format(path=target))

    def import_dossier(self) -> None:
        """Import a handover dossier; nothing is written unless all of it is sound."""
        window = self._window
        source = open_path(
            window, _("Import a dossier…"), _("CoachDesk dossiers (*.cddossier);;All files (*)")
        )
        if source is None:
            return
        passphrase, accepted = QInputDialog.getText(
            window, _("Import a dossier…"), _("Passphrase"), QLineEdit.EchoMode.Password
        )
        if not accepted:
            return
        dossiers = window.services.dossiers
        try:
            content = dossiers.read(source, passphrase)
            window.services.backup_before_import()
            summary = dossiers.import_dossier(content)
        except UserFacingError as error:
            show_problem(window, error)
            return
        window.refresh_caseload()
        window.notify(
            _("Dossier imported: {students} students, {records} records.").format(
                students=summary.students, records=summary.records
            )
        )
