"""Where files are saved and read from: every file dialog starts in the folder used last.

A coach who saved the student's report on a USB stick expects the parents' version, the
progress overview or a dossier to be offered there too, not the home folder each time. One
remembered folder for saving and one for reading, for the whole session, in every workflow.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from coachdesk.i18n import _


class _LastFolder:
    """The folder of the file chosen last, while it still exists; else the home folder."""

    def __init__(self) -> None:
        self._path: Path | None = None

    def start(self) -> Path:
        """Return where the next dialog opens: a removed USB stick is no place to start."""
        if self._path is not None and self._path.is_dir():
            return self._path
        return Path.home()

    def remember(self, chosen: str, *, is_folder: bool = False) -> Path | None:
        """Return the chosen path (``None`` when cancelled) and start there next time."""
        if not chosen:
            return None
        path = Path(chosen)
        self._path = path if is_folder else path.parent
        return path


_WRITTEN = _LastFolder()
"""Where the coach last saved. Kept apart from reading: a logo or a form opened from a mail
program's temporary folder must not decide where the next confidential report goes."""
_READ = _LastFolder()


def save_path(parent: QWidget, title: str, suggested_name: str, file_filter: str) -> Path | None:
    """Ask where to save ``suggested_name``; ``None`` when the coach cancels."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, str(_WRITTEN.start() / suggested_name), file_filter
    )
    return _WRITTEN.remember(chosen)


def open_path(parent: QWidget, title: str, file_filter: str) -> Path | None:
    """Ask which file to read; ``None`` when the coach cancels."""
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, str(_READ.start()), file_filter)
    return _READ.remember(chosen)


def folder_path(parent: QWidget, title: str) -> Path | None:
    """Ask for a folder to write into; ``None`` when the coach cancels."""
    return _WRITTEN.remember(
        QFileDialog.getExistingDirectory(parent, title, str(_WRITTEN.start())), is_folder=True
    )


def saved_message(path: Path) -> str:
    """Say where a file went: the status bar shows it after every save."""
    return _("Saved: {path}").format(path=path)
