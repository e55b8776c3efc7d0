"""Work that waits for the first frame: the window paints at once, the slow part fills it after."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterPaint(QObject):
    """Runs ``action`` once, right after ``widget`` is next painted: the frame comes first.

    Nothing runs once the window was closed (or hidden) meanwhile: its store may be closed.
    """

    def __init__(self, widget: QWidget, action: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._action = action
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after the rest of this frame
        return False

    def _run(self) -> None:
        if self._widget.window().isVisible():
            self._action()
        self.deleteLater()
