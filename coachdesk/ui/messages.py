"""Problems shown to the coach as calm Dutch dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from coachdesk.errors import UserFacingError
from coachdesk.i18n import _


def show_problem(parent: QWidget | None, error: UserFacingError) -> None:
    """Tell the coach what went wrong and that nothing was lost."""
    QMessageBox.warning(parent, _("CoachDesk"), error.message)
