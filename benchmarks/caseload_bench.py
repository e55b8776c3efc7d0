"""Caseload and timeline speed against baselines measured in the same run.

Targets (issue: caseload and timeline): with 5,000 students a search keystroke updates the
list within one frame (16 ms); opening a student with 500 timeline events takes under
50 ms; importing 5,000 rows takes under 2 s.

Baselines: a plain repaint of the same table (keystroke), fetching the same 500 rows with
bare SQL (student), and bare ``executemany`` of 5,000 rows (import).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/caseload_bench.py
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from coachdesk.app import build_window
from coachdesk.domain.experiences import Experience, ExperienceKind
from coachdesk.services import csv_files
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.student_import import StudentImport
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.theme import apply_theme

TODAY = dt.date(2026, 11, 23)
KEYSTROKES = "van der m"


def _median_ms(action: Callable[[], None], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def _keystrokes(app: QApplication, window: MainWindow, repeat: int) -> tuple[float, float]:
    search = window.caseload_screen.search_edit
    view = window.caseload_screen.table

    def type_query() -> None:
        search.clear()
        for index in range(1, len(KEYSTROKES) + 1):
            search.setText(KEYSTROKES[:index])
            view.viewport().repaint()
        app.processEvents()

    def repaint_only() -> None:
        for _ in KEYSTROKES:
            view.viewport().repaint()
        app.processEvents()

    per_key = _median_ms(type_query, repeat) / len(KEYSTROKES)
    baseline = _median_ms(repaint_only, repeat) / len(KEYSTROKES)
    return per_key, baseline


def _open_student(
    app: QApplication, window: MainWindow, workspace: Workspace, repeat: int
) -> tuple[float, float, int]:
    student = workspace.repos.students.caseload()[0]
    extra = 500 - len(window.services.student_file.open(student.id).events)
    workspace.repos.experiences.add_many(
        Experience(
            student_id=student.id,
            kind=ExperienceKind.GUEST_LESSON,
            title=f"Gastles {n}",
            start_date=TODAY - dt.timedelta(days=n % 700),
        )
        for n in range(max(extra, 0))
    )
    events = len(window.services.student_file.open(student.id).events)

    def open_it() -> None:
        window.student_screen.show_student(student.id)
        app.processEvents()

    conn = workspace.repos.store.db.conn

    def raw() -> None:
        for table in ("experiences", "conversations", "agreements", "goals", "reflections"):
            conn.execute(f"SELECT * FROM {table} WHERE student_id = ?", [student.id]).fetchall()

    return _median_ms(open_it, repeat), _median_ms(raw, repeat), events


def _import(folder: Path, rows: int) -> tuple[float, float]:
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


def main() -> None:
    app = QApplication([])
    apply_theme(app)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        workspace = Workspace.open(StoreLocation(folder, demo=True))
        fill_with_demo(workspace.repos, students=5000, today=TODAY)
        window = build_window(workspace, TODAY)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        per_key, repaint = _keystrokes(app, window, repeat=15)
        print(f"search keystroke, 5000 students  {per_key:6.1f} ms  (target < 16 ms)")
        print(f"  baseline: table repaint        {repaint:6.1f} ms  ratio {per_key / repaint:.1f}x")
        opened, raw, events = _open_student(app, window, workspace, repeat=15)
        print(f"open student, {events} events      {opened:6.1f} ms  (target < 50 ms)")
        print(f"  baseline: bare SQL fetch       {raw:6.1f} ms  ratio {opened / raw:.1f}x")
        window.close()
        workspace.close()
        seconds, baseline = _import(folder, 5000)
        print(f"import 5000 rows                 {seconds * 1000:6.0f} ms  (target < 2000 ms)")
        ratio = seconds / baseline
        print(f"  baseline: bare executemany     {baseline * 1000:6.0f} ms  ratio {ratio:.1f}x")


if __name__ == "__main__":
    main()
