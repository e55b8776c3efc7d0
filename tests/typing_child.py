"""Child process for the kill test: the real reflection editor, typed into at a steady pace.

Prints "typed <characters> <monotonic time>" after every word, so the parent knows how
much text existed at any moment before it kills this process with SIGKILL.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from coachdesk.services.draft_writer import DraftWriter
from coachdesk.services.reflections import ReflectionService
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.ui.screens.reflection.reflection_window import ReflectionWindow

WORD = "woord "
INTERVAL_MS = 40


def main() -> None:
    data_dir, reflection_id = Path(sys.argv[1]), sys.argv[2]
    app = QApplication([])
    workspace = Workspace.open(StoreLocation(data_dir))
    writer = DraftWriter(workspace.location.path)
    window = ReflectionWindow(ReflectionService(workspace.repos), writer, reflection_id, "test")
    window.show()
    window.editor.setFocus()

    def type_word() -> None:
        window.editor.textCursor().insertText(WORD)
        typed = len(window.editor.toPlainText())
        print(f"typed {typed} {time.monotonic():.3f}", flush=True)

    timer = QTimer(interval=INTERVAL_MS)
    timer.timeout.connect(type_word)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main()
