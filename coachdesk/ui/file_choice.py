"""Where files are saved and read from: every file dialog starts in the folder used last.

A coach who saved the student's report on a USB stick expects the parents' version, the
progress overview, a dossier or a filled-in form to be offered there too, not the home
folder each time. One remembered folder for the whole session, whatever the workflow.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from coachdesk.i18n import _


class _LastFolder:
    """The folder of the file chosen last; the home folder until one is chosen."""

    def __init__(self) -> None:
        self.path = Path.home()

    def remember(self, chosen: str, *, is_folder: bool = False) -> Path | None:
        """Return the chosen path (``None`` when cancelled) and start there next time."""
        if not chosen:
            return None
        path = Path(chosen)
        self.path = path if is_folder else path.parent
        return path


_LAST = _LastFolder()


def save_path(parent: QWidget, title: str, suggested_name: str, file_filter: str) -> Path | None:
    """Ask where to save ``suggested_name``; ``None`` when the coach cancels."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, str(_LAST.path / suggested_name), file_filter
    )
    return _LAST.remember(chosen)


def open_path(parent: QWidget, title: str, file_filter: str) -> Path | None:
    """Ask which file to read; ``None`` when the coach cancels."""
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, str(_LAST.path), file_filter)
    return _LAST.remember(chosen)


def folder_path(parent: QWidget, title: str) -> Path | None:
    """Ask for a folder to write into; ``None`` when the coach cancels."""
    return _LAST.remember(
        QFileDialog.getExistingDirectory(parent, title, str(_LAST.path)), is_folder=True
    )


def saved_message(path: Path) -> str:
    """Say where a file went: the status bar shows it after every save."""
    return _("Saved: {path}").format(path=path)
