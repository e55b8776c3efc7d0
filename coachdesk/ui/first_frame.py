"""The window's first frame, painted while the rest of CoachDesk is still loading.

It is the main window's outline in the look's colours: the navigation with its first place
chosen, and the caseload's title, search field and table as calm placeholders, where the real
window will put them. It has no text: the first text costs Qt's font database (7-10 ms), and
the widgets that would show it cost as much again, a third of the whole first frame. The real
window, with every word, takes its place a fraction of a second later. Nothing but Qt, the
theme and the translations is loaded: the app's code and the store come after this paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QFrame, QMainWindow, QWidget

from coachdesk.i18n import _
from coachdesk.ui.pyside_feature_scan import skip_feature_scan
from coachdesk.ui.theme import application, apply_theme
from coachdesk.ui.window_place import show_in_place

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent, QResizeEvent

NAVIGATION_WIDTH = 200
PLACES = 4
"""My students, Student, Conversation, My practice."""
PLACE_PITCH = 43
SCREEN_LEFT = NAVIGATION_WIDTH + 24
SCREEN_RIGHT_MARGIN = 24
TABLE_TOP = 147
DEMO_BANNER_HEIGHT = 42
"""The demo store's strip above everything ("Demo: all students here are fictional…")."""
PAINT_WAIT_MS = 250
"""At most this long the first frame waits for the window system to let it paint. Windows and
macOS ask at once; X11 and Wayland map a new window with a round trip, and without the wait
the coach would look at an empty, black window until the app has loaded (seen under X11)."""


class Outline(QFrame):
    """The window's shape as styled frames (``theme.style_sheet``), placed by hand: painting them
    with a ``QPainter``, or laying them out, would make PySide6 build its ``Qt`` namespace or
    Qt load its fonts before the first frame (about 20 ms each)."""

    def __init__(self, parent: QWidget, *, demo: bool) -> None:
        super().__init__(parent)
        self.setObjectName("outline")
        self._banner = self._part("outlineBanner") if demo else None
        self._navigation = self._part("outlineNavigation")
        self._places = [
            self._part("outlineChosen" if place == 0 else "outlineLine") for place in range(PLACES)
        ]
        self._chosen_line = self._part("outlineChosenLine")
        self._title = self._part("outlineLine")
        self._search = self._part("outlineField")
        self._table = self._part("outlineField")
        self._header = self._part("outlineHeader")

    def _part(self, name: str) -> QFrame:
        part = QFrame(self)
        part.setObjectName(name)
        return part

    def resizeEvent(self, _event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        body = 0
        if self._banner is not None:
            self._banner.setGeometry(0, 0, self.width(), DEMO_BANNER_HEIGHT)
            body = DEMO_BANNER_HEIGHT
        height = self.height() - body
        width = self.width() - SCREEN_LEFT - SCREEN_RIGHT_MARGIN
        self._navigation.setGeometry(0, body, NAVIGATION_WIDTH, height)
        for place, part in enumerate(self._places):
            top = body + 10 + place * PLACE_PITCH
            if place == 0:
                part.setGeometry(8, top, NAVIGATION_WIDTH - 16, 38)
                self._chosen_line.setGeometry(29, top + 14, 110, 10)
            else:
                part.setGeometry(29, top + 14, 110 - 12 * place, 10)
        self._title.setGeometry(SCREEN_LEFT, body + 22, 200, 18)
        self._search.setGeometry(SCREEN_LEFT, body + 54, width * 2 // 3, 26)
        self._table.setGeometry(SCREEN_LEFT, body + TABLE_TOP, width, height - TABLE_TOP - 16)
        self._header.setGeometry(SCREEN_LEFT + 1, body + TABLE_TOP + 1, width - 2, 22)


class FirstFrame(QMainWindow):
    """The main window's outline (with the demo strip for the demo store); replaced by the
    window once it is built."""

    def __init__(self, *, demo: bool = False) -> None:
        super().__init__()
        self.setWindowTitle("CoachDesk")
        self.resize(1180, 760)
        outline = Outline(self, demo=demo)
        outline.setAccessibleName(_("Opening…"))
        self.setCentralWidget(outline)
        self.painted = False
        self.waited_enough = False

    def stop_waiting(self) -> None:
        """Give up waiting for the window system's paint (see ``PAINT_WAIT_MS``)."""
        self.waited_enough = True

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        self.painted = True  # its outline is painted in this same pass


def show_first_frame(saved: bytes | None = None, *, demo: bool = False) -> FirstFrame:
    """Start Qt with CoachDesk's look and paint the first frame now, where the window will be
    (``saved``: as the coach left it; ``demo``: the demo store opens)."""
    skip_feature_scan()  # the app's code loads after this frame: ~60 ms less
    app = application()
    apply_theme(app)
    frame = FirstFrame(demo=demo)
    show_in_place(frame, saved)
    no_input = QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
    # Ended by Qt's own timer, whose event also wakes the wait (the coach's keys wait too).
    QTimer.singleShot(PAINT_WAIT_MS, frame, frame.stop_waiting)
    while not (frame.painted or frame.waited_enough):
        app.processEvents(no_input | QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    app.processEvents(no_input)  # hands the painted frame to the window system
    return frame
