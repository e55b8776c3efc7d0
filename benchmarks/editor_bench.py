"""Typing into a 30-page reflection: keystroke-to-paint, with and without a draft save running.

Target (issue: reflection editor): under one frame (16 ms) per keystroke, also while an
autosave runs. The baseline is the same keystroke in an empty editor in the same run.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/editor_bench.py
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from verdict import against

from coachdesk.domain.reflections import ReflectionAuthor
from coachdesk.services.draft_writer import DraftWriter
from coachdesk.services.reflections import ReflectionService
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.ui.screens.reflection.reflection_window import ReflectionWindow

PARAGRAPH = ("Ik leerde veel over klanten en over mezelf, en dat ging niet vanzelf. " * 12) + "\n\n"
THIRTY_PAGES = "## Situatie\n\n" + PARAGRAPH * 150
KEYSTROKES = 200


def _keystrokes(app: QApplication, window: ReflectionWindow) -> list[float]:
    editor = window.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    timings = []
    for index in range(KEYSTROKES):
        start = time.perf_counter()
        QTest.keyClick(editor, Qt.Key.Key_A if index % 6 else Qt.Key.Key_Space)
        editor.viewport().repaint()
        app.processEvents()
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def _window(service: ReflectionService, writer: DraftWriter, body: str) -> ReflectionWindow:
    reflection = service.create(ReflectionAuthor.COACH, "Bench", body=body)
    window = ReflectionWindow(service, writer, reflection.id, "")
    window.resize(1000, 800)
    window.show()
    window.editor.setFocus()
    return window


def main() -> None:
    app = QApplication([])
    with tempfile.TemporaryDirectory() as temp:
        workspace = Workspace.open(StoreLocation(Path(temp)))
        service = ReflectionService(workspace.repos)
        writer = DraftWriter(workspace.location.path)
        empty = _window(service, writer, "")
        baseline = _keystrokes(app, empty)
        long = _window(service, writer, THIRTY_PAGES)
        words = len(long.editor.toPlainText().split())
        long_typing = _keystrokes(app, long)
        saves = []
        for _round in range(20):
            start = time.perf_counter()
            long.autosave.changed()
            long.autosave.save_now()  # the interface-thread part of a draft save
            saves.append((time.perf_counter() - start) * 1000)
        for window in (empty, long):
            window.close()
        writer.close()
        workspace.close()

    def describe(values: list[float]) -> str:
        ordered = sorted(values)
        median, p95, most = statistics.median(values), ordered[int(len(values) * 0.95)], ordered[-1]
        return f"median {median:5.2f} ms, p95 {p95:5.2f} ms, max {most:5.2f} ms"

    ratio = statistics.median(long_typing) / statistics.median(baseline)
    print(f"30-page reflection: {words} words")
    verdict = against(statistics.median(long_typing), 16, "ms")
    print(f"keystroke-to-paint, 30 pages   {describe(long_typing)}  ({verdict}, median)")
    print(f"keystroke-to-paint, empty      {describe(baseline)}")
    print(f"ratio (median)                 {ratio:.1f}x")
    print(f"draft save on the UI thread    {describe(saves)}  (writing runs on its own thread)")


if __name__ == "__main__":
    main()
