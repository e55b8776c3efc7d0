"""Where the main window opens: where the coach left it, else within the screen's free area.

The free area is the screen without the taskbar or dock. A laptop at 1366×768 (or smaller, or
with 125-150 % scaling) has no room for the comfortable size and a frame around it: there the
window opens maximised, so the status bar is never below the screen's edge.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from coachdesk.preferences import save_column_widths, save_window_state

COMFORTABLE_SIZE = QSize(1280, 800)
"""The size of a first start on a large screen: every screen shows whole and calm."""
MINIMUM_SIZE = QSize(760, 480)
"""The smallest the coach can make the window (less on a screen that has less room)."""
FRAME = QMargins(8, 40, 8, 8)
"""Room for the title bar and borders, which the window manager adds after showing."""


def room_in(free_area: QRect) -> QSize:
    """Return the largest window that fits ``free_area`` with its frame around it."""
    return free_area.marginsRemoved(FRAME).size()


def _centred(free_area: QRect, size: QSize) -> QRect:
    geometry = QRect(QPoint(0, 0), size)
    geometry.moveCenter(free_area.marginsRemoved(FRAME).center())
    return geometry


def first_geometry(free_area: QRect) -> QRect | None:
    """Return the comfortable size centred in ``free_area`` with room for the frame, or
    ``None`` when it does not fit: then the window opens maximised.
    """
    room = room_in(free_area)
    if room.width() < COMFORTABLE_SIZE.width() or room.height() < COMFORTABLE_SIZE.height():
        return None
    return _centred(free_area, COMFORTABLE_SIZE)


def minimum_size(free_area: QRect) -> QSize:
    """Return the smallest window size, never more than ``free_area`` holds with a frame."""
    return MINIMUM_SIZE.boundedTo(room_in(free_area))


def show_in_place(window: QWidget, saved: bytes | None) -> None:
    """Show a window for the first time: as saved (Qt moves it onto a screen that is there),
    else new. Maximised by ``showMaximized``, not by a window-state enum: that would make
    PySide6 build its ``Qt`` namespace before the first frame (some 20 ms).
    """
    screen = window.screen() or QGuiApplication.primaryScreen()
    free_area = screen.availableGeometry()
    window.setMinimumSize(minimum_size(free_area))
    if saved and window.restoreGeometry(saved):
        window.show()
        return
    geometry = first_geometry(free_area)
    if geometry is None:  # un-maximised later, it still fits the free area
        window.setGeometry(_centred(free_area, COMFORTABLE_SIZE.boundedTo(room_in(free_area))))
        window.showMaximized()
    else:
        window.setGeometry(geometry)
        window.show()


def remember_window(window: QWidget, data_dir: Path, column_widths: list[int] | None) -> None:
    """Keep the window's place, size and maximised state (and the columns the coach set).

    A preferences file that cannot be written costs only this convenience, never the close.
    """
    try:
        save_window_state(data_dir, bytes(window.saveGeometry().data()))
        if column_widths is not None:
            save_column_widths(data_dir, column_widths)
    except OSError:
        return
