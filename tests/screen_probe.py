"""Open the app's window as a first start does, on whatever screen Qt was given, and report.

Run in a subprocess (the screen size and QT_SCALE_FACTOR are fixed when Qt starts):
``python tests/screen_probe.py DEMO_DIR EMPTY_DIR LANGUAGE PNG_PREFIX``. Prints one JSON line:
the free area, the window's frame, and per screen whether the page scrolls sideways and what
is cut short. Saves a PNG of every screen, so a person can look too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QScrollArea

from coachdesk.app import build_window
from coachdesk.i18n import set_language
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.theme import apply_theme
from coachdesk.ui.window_place import show_in_place
from tests.accessibility import clipped_texts, cut_short_in_table


def _rect(rect: QRect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def _open(app: QApplication, data_dir: Path, *, demo: bool) -> MainWindow:
    window = build_window(Workspace.open(StoreLocation(data_dir, demo=demo)))
    show_in_place(window, None)
    app.processEvents()
    return window


def main(demo_dir: Path, empty_dir: Path, language: str, prefix: str) -> None:
    set_language(language)
    app = QApplication([])
    apply_theme(app)
    window = _open(app, demo_dir, demo=True)
    scroller = window.findChild(QScrollArea, "pageScroller")
    report: dict[str, object] = {
        "free": _rect(window.screen().availableGeometry()),
        "frame": _rect(window.frameGeometry()),
        "maximised": window.isMaximized(),
        "screens": {},
    }
    window.open_student(window.caseload_screen.model.entry_at(0))
    for row in range(4):
        window.show_screen(row)
        app.processEvents()
        report["screens"][row] = {  # type: ignore[index]
            "sideways": scroller.horizontalScrollBar().isVisible(),
            "clipped": clipped_texts(window),
        }
        window.grab().save(f"{prefix}-{row}.png")
    window.show_screen(0)
    app.processEvents()
    report["caseload"] = cut_short_in_table(window.caseload_screen.table)
    empty = _open(app, empty_dir, demo=False)
    empty.welcome_screen.empty_button.click()
    app.processEvents()
    report["empty"] = {
        "offers": empty.caseload_screen.empty_state.isVisible(),
        "clipped": clipped_texts(empty),
    }
    empty.grab().save(f"{prefix}-empty.png")
    print(json.dumps(report))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4])
