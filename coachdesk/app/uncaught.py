"""What the coach is told about an error no slot caught, and the hook that catches them."""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from coachdesk.app.controller import AppController
from coachdesk.crash_log import write_crash_log
from coachdesk.errors import UserFacingError
from coachdesk.i18n import _
from coachdesk.services.quarantine import explain_damage_found
from coachdesk.storage.cipher import is_store_damage
from coachdesk.ui.messages import show_problem


def report_uncaught(controller: AppController, error: BaseException) -> None:
    """Say calmly what went wrong; a store found damaged while in use closes the app.

    A ``UserFacingError`` raised in any slot is shown here, so no slot needs its own handler.

    The next start then finds the damage before anything is written and offers the backup
    or a read-only view. In the read-only view itself, damaged parts are expected.
    """
    workspace = controller.workspace
    if isinstance(error, UserFacingError):  # a known problem no slot caught: said, not logged
        show_problem(None, error)
    elif is_store_damage(error) and workspace.read_only:  # damaged parts are expected here
        QMessageBox.information(
            None, "CoachDesk", _("This part of the data is damaged and cannot be read.")
        )
    elif is_store_damage(error):
        controller.damaged = True
        found = explain_damage_found(workspace.location.path, workspace.factory)
        closing = _(
            "CoachDesk closes now; start it again to restore the backup or to read what is left."
        )
        QMessageBox.critical(None, "CoachDesk", " ".join((found.message, closing)))
        QApplication.quit()
    else:
        log = write_crash_log(workspace.location.data_dir, error)
        QMessageBox.critical(
            None,
            "CoachDesk",
            _("CoachDesk hit an internal error. What you saved is safe. Details: {log}").format(
                log=log or "-"
            ),
        )


def install_excepthook(controller: AppController) -> None:
    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        report_uncaught(controller, error.with_traceback(trace))

    sys.excepthook = hook
