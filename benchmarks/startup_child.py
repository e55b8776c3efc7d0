"""Child process for the start-up benchmark: the real entry point, timed to what the coach sees.

``app`` runs ``coachdesk.launch.main(["--data-dir", DIR, "--demo"])`` as the ``coachdesk``
command does: the launcher loads before Qt, and coachdesk creates the ``QApplication`` with its
own arguments; ``bare`` shows an empty ``QMainWindow`` of the same size. An event filter on the
main windows notes when the first frame is painted (``paint``: for the app, the frame painted
before it loads) and when the caseload table is painted with students in it (``caseload``), then
the process ends at once (no session backup).

Prints: ``times PAINT CASELOAD PEAK_MB`` (monotonic seconds; the parent subtracts its own start).

Usage: startup_child.py bare|app DATA_DIR
"""

from __future__ import annotations

import os
import resource
import sys
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if sys.argv[1:2] == ["app"]:
    # The coachdesk command loads its launcher before Qt (PySide6 then never reads its source).
    import coachdesk.launch  # noqa: F401

import PySide6.QtWidgets
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


class FrameWatch(QObject):
    """Notes the end of the first painted frame, and of the first frame showing students.

    It watches the main windows and the caseload table only. An application-wide filter would
    see every event of every widget as it is built, and PySide6 makes a Python class for each
    new kind of event it hands over: measured, that made the app's first frame 45 ms later
    than without any filter, and the bare window (few widgets, few kinds) hardly later.
    A frame is complete once the event loop runs again after its first paint event: Qt paints
    a window's widgets in one pass.
    """

    def __init__(self, wait_for_caseload: bool) -> None:
        super().__init__()
        self.wait_for_caseload = wait_for_caseload
        self.painted: float | None = None
        self.caseload: float | None = None
        self._pending = False
        self._tables: set[int] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.Paint or self._pending:
            return False
        if self.painted is None:
            self._pending = True
            QTimer.singleShot(0, self._frame_done)
        elif self.wait_for_caseload and self.caseload is None:
            self._watch_caseload_table()
            if _shows_students():
                self._pending = True
                QTimer.singleShot(0, self._caseload_done)
        return False

    def _watch_caseload_table(self) -> None:
        """Watch the caseload table too: it may fill after its window was painted."""
        table = _caseload_table()
        if table is not None and id(table) not in self._tables:
            self._tables.add(id(table))
            table.viewport().installEventFilter(self)

    def _frame_done(self) -> None:
        self.painted = time.monotonic()
        self._pending = False
        if not self.wait_for_caseload:
            self._finish()
        elif _shows_students():
            self._caseload_done()

    def _caseload_done(self) -> None:
        self.caseload = time.monotonic()
        self._finish()

    def _finish(self) -> None:
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        caseload = self.caseload or self.painted
        print(f"times {self.painted:.4f} {caseload:.4f} {peak_mb:.1f}", flush=True)
        os._exit(0)


def _caseload_table() -> QTableView | None:
    for widget in QApplication.allWidgets():
        if isinstance(widget, QTableView) and widget.objectName() == "caseloadTable":
            return widget
    return None


def _shows_students() -> bool:
    """Return whether the caseload table is on screen with students in it."""
    table = _caseload_table()
    if table is None:
        return False
    model = table.model()
    return table.isVisible() and model is not None and model.rowCount() > 0


def watched_main_window(watch: FrameWatch) -> type[QMainWindow]:
    """Return a ``QMainWindow`` that is watched from its creation, for the bare window and for
    every main window coachdesk makes (its first frame and its window)."""

    class WatchedMainWindow(QMainWindow):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.installEventFilter(watch)

    return WatchedMainWindow


def main() -> None:
    mode, data_dir = sys.argv[1], sys.argv[2]
    watch = FrameWatch(wait_for_caseload=mode == "app")
    window_class = watched_main_window(watch)
    if mode == "bare":
        app = QApplication([])
        window = window_class()
        window.resize(1180, 760)
        window.show()
        app.exec()
        return
    # Before coachdesk loads its windows' modules; it creates its own QApplication, with its own
    # arguments, as the command does.
    PySide6.QtWidgets.QMainWindow = window_class  # type: ignore[misc]
    from coachdesk.launch import main as coachdesk_main

    coachdesk_main(["--data-dir", data_dir, "--demo"])


if __name__ == "__main__":
    main()
