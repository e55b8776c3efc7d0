"""Child process for the start-up benchmark: the real entry point, timed to what the coach sees.

``app`` runs ``coachdesk.launch.main(["--data-dir", DIR, "--demo"])`` as the ``coachdesk``
command does: the launcher loads before Qt, and coachdesk creates the ``QApplication`` with its
own arguments (watched from its creation); ``bare`` shows an empty ``QMainWindow`` of the same
size. An event filter notes when a main window's first frame is painted (``paint``: for the app,
the frame painted before it loads) and when the caseload table is painted with students in it
(``caseload``), then the process ends at once (no session backup).

Prints: ``times PAINT CASELOAD PEAK_MB`` (monotonic seconds; the parent subtracts its own start).

Usage: startup_child.py bare|app DATA_DIR
"""

from __future__ import annotations

import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if sys.argv[1:2] == ["app"]:
    # The coachdesk command loads its launcher before Qt (PySide6 then never reads its source).
    import coachdesk.launch  # noqa: F401

import PySide6.QtWidgets
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QWidget


class FrameWatch(QObject):
    """Notes the end of the first painted frame, and of the first frame showing students.

    A frame is complete once the event loop runs again after its first paint event: Qt paints
    a window's widgets in one pass.
    """

    def __init__(self, wait_for_caseload: bool) -> None:
        super().__init__()
        self.wait_for_caseload = wait_for_caseload
        self.painted: float | None = None
        self.caseload: float | None = None
        self._pending = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.Paint or self._pending or not isinstance(watched, QWidget):
            return False
        if not isinstance(watched.window(), QMainWindow):
            return False
        if self.painted is None:
            self._pending = True
            QTimer.singleShot(0, self._frame_done)
        elif self.wait_for_caseload and self.caseload is None and _shows_students():
            self._pending = True
            QTimer.singleShot(0, self._caseload_done)
        return False

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


def _shows_students() -> bool:
    """Return whether the caseload table is on screen with students in it."""
    for table in QApplication.allWidgets():
        if isinstance(table, QTableView) and table.objectName() == "caseloadTable":
            model = table.model()
            return table.isVisible() and model is not None and model.rowCount() > 0
    return False


def watched_application(watch: FrameWatch) -> type[QApplication]:
    """Return a ``QApplication`` that is watched from its creation: coachdesk creates its own,
    with its own arguments, as the command does."""

    class WatchedApplication(QApplication):
        def __init__(self, arguments: list[str]) -> None:
            super().__init__(arguments)
            self.installEventFilter(watch)

    return WatchedApplication


def main() -> None:
    mode, data_dir = sys.argv[1], sys.argv[2]
    watch = FrameWatch(wait_for_caseload=mode == "app")
    if mode == "bare":
        app = QApplication([])
        app.installEventFilter(watch)
        window = QMainWindow()
        window.resize(1180, 760)
        window.show()
        app.exec()
        return
    PySide6.QtWidgets.QApplication = watched_application(watch)  # type: ignore[misc]
    from coachdesk.launch import main as coachdesk_main

    coachdesk_main(["--data-dir", data_dir, "--demo"])


if __name__ == "__main__":
    main()
