"""Composition root of the GUI: the only package that knows every layer.

``run_gui`` creates the QApplication, installs translations and the look, opens the store
(``passphrase.py`` asks for the coach's own), builds the services and the window
(``window_assembly.py``) and keeps both in an ``AppController`` (``controller.py``), which
also swaps them when the coach switches stores and offers the ways back from a damaged store.
``uncaught.py`` says what went wrong when no slot caught an error.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from coachdesk.app.controller import AppController, QuickCheck, recover
from coachdesk.app.passphrase import ask_own_opener, offer_encryption
from coachdesk.app.uncaught import install_excepthook, report_uncaught
from coachdesk.app.window_assembly import build_window, open_workspace
from coachdesk.errors import QuarantinedStoreError, UserFacingError
from coachdesk.preferences import load_window_state
from coachdesk.services.workspace import StoreLocation, opens_cleanly
from coachdesk.ui.first_frame import FirstFrame
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.messages import show_problem
from coachdesk.ui.qt_translations import install_qt_translations
from coachdesk.ui.theme import application, apply_theme, follow_colour_scheme
from coachdesk.ui.window_place import show_in_place

__all__ = [
    "AppController",
    "QuickCheck",
    "build_window",
    "open_workspace",
    "recover",
    "report_uncaught",
    "run_gui",
]

SCREENSHOT_DELAY_MS = 300


def _save_screenshot(window: MainWindow, target: Path) -> None:
    window.grab().save(str(target))
    QApplication.quit()


def run_gui(
    location: StoreLocation, screenshot: Path | None = None, first_frame: FirstFrame | None = None
) -> int:
    """Start the app on ``location``; with ``screenshot``, save the window as PNG and quit.

    ``first_frame`` (painted before the app loaded) gives its place to the window once built.
    """
    app = application()
    app.setApplicationName("CoachDesk")
    app.setDesktopFileName("coachdesk")
    install_qt_translations(app)
    if first_frame is None:  # else the first frame gave the application its look already
        apply_theme(app)
    follow_colour_scheme(app, app.styleHints().colorScheme())
    quick_check = QuickCheck.AFTER_PAINT
    try:
        opener = None if location.demo else ask_own_opener(location)
        if opener is None and not location.demo and screenshot is None and opens_cleanly(location):
            quick_check = QuickCheck.ALREADY_DONE
            opener = offer_encryption(location)  # not unattended, and not over a damaged store
    except UserFacingError as error:
        show_problem(None, error)
        return 1
    try:
        controller: AppController | None = AppController(location, opener, quick_check=quick_check)
    except QuarantinedStoreError as error:
        controller = recover(location, opener, error)
    except UserFacingError as error:
        show_problem(None, error)
        return 1
    if controller is None:
        return 1
    install_excepthook(controller)
    # Where the first frame was painted (as the coach left the window), else as saved.
    saved = bytes(first_frame.saveGeometry().data()) if first_frame is not None else None
    show_in_place(controller.window, saved or load_window_state(location.data_dir))
    if first_frame is not None:
        first_frame.close()
    if screenshot is not None:
        QTimer.singleShot(
            SCREENSHOT_DELAY_MS, lambda: _save_screenshot(controller.window, screenshot)
        )
    try:
        return app.exec()
    finally:
        controller.close()
