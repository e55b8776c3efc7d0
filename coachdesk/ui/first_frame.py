"""The window's first frame, painted while the rest of CoachDesk is still loading.

It has the main window's shape (navigation, the caseload's title and search field, the status
bar) and its colours, so the real window takes its place without a jump. It loads nothing but
Qt, the theme and the translations: the coach sees CoachDesk at once, not after the app's
code and the store (about half a second) are loaded.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from coachdesk.i18n import _
from coachdesk.ui.pyside_feature_scan import skip_feature_scan
from coachdesk.ui.theme import apply_theme
from coachdesk.ui.window_place import place_window

NAVIGATION_WIDTH = 200


class FirstFrame(QMainWindow):
    """The main window's outline with "Opening…" in the status bar; replaced by the window."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("CoachDesk")
        self.resize(1180, 760)
        navigation = QListWidget(self)
        navigation.setObjectName("navigation")
        navigation.setFixedWidth(NAVIGATION_WIDTH)
        navigation.addItems([_("My students"), _("Student"), _("Conversation"), _("My practice")])
        navigation.setCurrentRow(0)
        navigation.setEnabled(False)
        title = QLabel(_("My students"), self)
        title.setProperty("role", "screenTitle")
        search = QLineEdit(self)
        search.setPlaceholderText(_("Search by name, number, class or internship company"))
        search.setEnabled(False)
        screen = QVBoxLayout()
        screen.setContentsMargins(24, 12, 24, 12)
        screen.addWidget(title)
        screen.addWidget(search)
        screen.addStretch(1)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(navigation)
        body.addLayout(screen, 1)
        central = QWidget(self)
        central.setLayout(body)
        self.setCentralWidget(central)
        opening = QLabel(_("Opening…"), self)
        opening.setContentsMargins(12, 2, 12, 2)
        self.statusBar().addWidget(opening)


def show_first_frame(saved: bytes | None = None) -> FirstFrame:
    """Start Qt with CoachDesk's look and paint the first frame now, where the window will be
    (``saved``: as the coach left it)."""
    skip_feature_scan()  # the app's code loads after this frame: ~60 ms less
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_theme(app)
    frame = FirstFrame()
    place_window(frame, saved)
    frame.show()
    # Twice: the first pass lays out and paints, which posts the requests the second finishes
    # (the window system's expose and flush), as the event loop would before loading goes on.
    for _pass in range(2):
        app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    return frame
