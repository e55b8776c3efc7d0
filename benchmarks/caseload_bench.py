"""Caseload search and opening a student, as the coach does them, against baselines in the same run.

Targets (issue 18): a search keystroke (key → one paint) within 16 ms at 20,000 students and
33 ms at 100,000 (students only); opening a student with 500 timeline events by the real
double click to its first frame within 50 ms at 20,000 (also timed: until every screen it
fills is filled; the conversation screen fills right after the first frame); importing 5,000
rows < 2 s.

Baselines: repainting the same table once (keystroke), switching to the already filled student
screen plus fetching the same rows with bare SQL (student), bare ``executemany`` (import).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/caseload_bench.py \
    [--students 20000] [--search-students 100000] [--stores DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from stores import TODAY, demo_store, students_only_store
from verdict import against

from coachdesk.app import build_window
from coachdesk.domain.experiences import Experience, ExperienceKind
from coachdesk.services import csv_files
from coachdesk.services.student_import import StudentImport
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.theme import apply_theme

KEYSTROKES = "van der m"
EVENTS = 500


def _median_ms(action: Callable[[], None], repeat: int, between: Callable[[], None]) -> float:
    timings = []
    for _ in range(repeat):
        between()
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def _window(app: QApplication, workspace: Workspace) -> MainWindow:
    window = build_window(workspace, TODAY)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    return window


def keystrokes(app: QApplication, window: MainWindow, repeat: int) -> tuple[float, float]:
    """Return the median ms per typed key (key → one paint) and per bare table repaint."""
    search = window.caseload_screen.search_edit
    viewport = window.caseload_screen.table.viewport()
    search.setFocus()
    typed: list[float] = []
    repainted: list[float] = []
    for _ in range(repeat):  # paired and interleaved: one query typed, then as many repaints
        search.clear()
        app.processEvents()
        for char in KEYSTROKES:
            start = time.perf_counter()
            QTest.keyClick(search, char)
            app.processEvents()  # the one paint this key causes
            typed.append((time.perf_counter() - start) * 1000)
        for _char in KEYSTROKES:
            start = time.perf_counter()
            viewport.update()
            app.processEvents()
            repainted.append((time.perf_counter() - start) * 1000)
    search.clear()
    app.processEvents()
    return statistics.median(typed), statistics.median(repainted)


class PaintClock(QObject):
    """Notes when the last paint event of a frame arrived (nothing paints after the frame)."""

    def __init__(self) -> None:
        super().__init__()
        self.last = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.last = time.perf_counter()
        return False


def open_student(
    app: QApplication, window: MainWindow, workspace: Workspace, repeat: int
) -> dict[str, float]:
    """Return median ms from a double click to the student's first frame and to every screen
    filled, beside a bare screen switch and bare SQL; also the number of events shown.
    """
    student = workspace.repos.students.caseload()[0]
    extra = EVENTS - len(window.services.student_file.open(student.id).events)
    workspace.repos.experiences.add_many(
        Experience(
            student_id=student.id,
            kind=ExperienceKind.GUEST_LESSON,
            title=f"Gastles {n}",
            start_date=TODAY - dt.timedelta(days=n % 700),
        )
        for n in range(max(extra, 0))
    )
    screen = window.caseload_screen
    screen.search_edit.setText(student.student_number)
    app.processEvents()
    table = screen.table
    conversations = window.conversation_screen
    clock = PaintClock()
    app.installEventFilter(clock)
    framed: list[float] = []
    filled: list[float] = []
    switched: list[float] = []

    def back_to_caseload() -> None:
        window.show_screen(0)
        app.processEvents()
        conversations.student = None  # set again once the conversation screen is filled

    def double_click() -> None:
        start = time.perf_counter()
        cell = table.visualRect(screen.model.index(0, 0)).center()
        for press in (QTest.mouseClick, QTest.mouseDClick):  # a double click: click, click again
            press(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, cell)
        app.processEvents()  # the first frame
        while conversations.student is None:
            app.processEvents()
        filled.append((time.perf_counter() - start) * 1000)
        framed.append((clock.last - start) * 1000)
        assert window.stack.currentIndex() == 1

    def switch_only() -> None:
        start = time.perf_counter()
        window.show_screen(1)
        app.processEvents()
        switched.append((time.perf_counter() - start) * 1000)

    back_to_caseload()
    double_click()  # the first open builds what the screens cache; paid once per session
    framed.clear()
    filled.clear()
    for _ in range(repeat):  # paired and interleaved
        back_to_caseload()
        double_click()
        back_to_caseload()
        switch_only()
    app.removeEventFilter(clock)
    conn = workspace.repos.store.db.conn

    def bare_sql() -> None:
        for name in ("experiences", "conversations", "agreements", "goals", "reflections"):
            conn.execute(f"SELECT * FROM {name} WHERE student_id = ?", [student.id]).fetchall()

    return {
        "frame": statistics.median(framed),
        "filled": statistics.median(filled),
        "switch": statistics.median(switched),
        "sql": _median_ms(bare_sql, repeat, lambda: None),
        "events": len(window.student_screen.timeline_model.visible_events()),
    }


def import_rows(folder: Path, rows: int) -> tuple[float, float]:
    """Return seconds to import ``rows`` class-list rows, and for bare executemany."""
    lines = ["Stamnummer;Roepnaam;Tussenvoegsel;Achternaam;Klas;Opleiding;Niveau;Geboortedatum"]
    lines += [
        f"{n:06d};Zoë;van der;Meer {n};VIG3A;Verzorgende-IG;3;14-03-2009" for n in range(rows)
    ]
    path = folder / "klas.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    workspace = Workspace.open(StoreLocation(folder / "import"))
    start = time.perf_counter()
    importer = StudentImport(workspace.repos, demo_store=False)
    importer.apply(importer.prepare(csv_files.read_table(path)))
    seconds = time.perf_counter() - start
    workspace.close()
    conn = sqlite3.connect(folder / "baseline.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (a, b, c, d, e, f, g, h)")
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [line.split(";") for line in lines[1:]]
    )
    conn.execute("COMMIT")
    baseline = time.perf_counter() - start
    conn.close()
    return seconds, baseline


def _search_rows(app: QApplication, data_dir: Path, label: str, target: int) -> None:
    workspace = Workspace.open(StoreLocation(data_dir, demo=True))
    window = _window(app, workspace)
    per_key, repaint = keystrokes(app, window, repeat=9)
    line = f"search keystroke (key -> one paint), {label:<24} {per_key:6.1f} ms"
    print(f"{line}  ({against(per_key, target, 'ms')})")
    print(f"  baseline: table repaint {repaint:6.1f} ms, ratio {per_key / repaint:.1f}x")
    window.close()
    workspace.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=20000)
    parser.add_argument("--search-students", type=int, default=100000)
    parser.add_argument("--stores", type=Path, help="keep the built stores here between runs")
    args = parser.parse_args()
    app = QApplication([])
    apply_theme(app)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        stores = args.stores or folder
        built = demo_store(stores, args.students, TODAY)
        data_dir = folder / "copy"
        shutil.copytree(built, data_dir)  # opening a student below adds 500 events to it
        _search_rows(app, data_dir, f"{args.students} students", 16)
        if args.search_students:
            many = students_only_store(stores, args.search_students)
            _search_rows(app, many, f"{args.search_students} students only", 33)
        workspace = Workspace.open(StoreLocation(data_dir, demo=True))
        window = _window(app, workspace)
        opened = open_student(app, window, workspace, repeat=9)
        label = f"{opened['events']:.0f} events, {args.students} students"
        print(
            f"open student by double click to first frame, {label}  "
            f"{opened['frame']:6.1f} ms  ({against(opened['frame'], 50, 'ms')})"
        )
        print(
            f"  ... and every screen filled (conversations after the frame)  "
            f"{opened['filled']:6.1f} ms"
        )
        print(
            f"  baseline: screen switch {opened['switch']:6.1f} ms "
            f"(ratio {opened['frame'] / opened['switch']:.1f}x), "
            f"bare SQL fetch {opened['sql']:.1f} ms"
        )
        window.close()
        workspace.close()
        seconds, baseline = import_rows(folder, 5000)
        verdict = against(seconds * 1000, 2000, "ms")
        print(f"import 5000 rows                 {seconds * 1000:6.0f} ms  ({verdict})")
        ratio = seconds / baseline
        print(f"  baseline: bare executemany     {baseline * 1000:6.0f} ms  ratio {ratio:.1f}x")


if __name__ == "__main__":
    main()
