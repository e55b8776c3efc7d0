"""What a screen reads costs what it shows: opening a student scans no table that grows with the
caseload (SQLite's own query plan for every statement the real click runs says so).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

from coachdesk.app import build_window
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.storage.repositories import Repositories

TODAY = dt.date(2026, 11, 23)
SMALL_TABLES = {"sqlite_master", "meta", "settings", "store_identity", "questions", "json_each"}
"""Tables whose size does not grow with the number of students (the schema, the question bank,
the list of ids a statement was given)."""
EXISTS_PROBE = re.compile(r"SELECT 1 FROM \[\w+\] LIMIT 1")
"""Whether a table has any row (``is_empty``): one row read, though the plan says SCAN."""


def _full_scans(
    conn: sqlite3.Connection, statements: list[str], *, indexes_too: bool = False
) -> set[str]:
    """Return the tables that any of ``statements`` reads whole, without an index (or, with
    ``indexes_too``, also by reading one of its indexes whole)."""
    pattern = r"SCAN (\w+)" if indexes_too else r"SCAN (\w+)(?! USING (?:COVERING )?INDEX)"
    scanned = set()
    for statement in statements:
        if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
            continue
        if EXISTS_PROBE.fullmatch(statement.strip()):  # reads one row, whichever
            continue
        for row in conn.execute(f"EXPLAIN QUERY PLAN {statement}"):
            found = re.match(pattern, row[3])
            if found and found.group(1) not in SMALL_TABLES:
                scanned.add(found.group(1))
    return scanned


def test_opening_a_student_scans_no_table_that_grows_with_the_caseload(
    qtbot, repos: Repositories
) -> None:
    fill_with_demo(repos, students=40, today=TODAY)
    workspace = Workspace(StoreLocation(repos.store.path.parent), repos)
    window = build_window(workspace, TODAY)
    qtbot.addWidget(window)
    entry = window.caseload_screen.model.entry_at(0)
    window.open_student(entry)  # builds the screens: their set-up may read what it likes
    window.show_screen(0)
    conn = repos.store.db.conn
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        window.open_student(entry)
        window.show_screen(2)  # every screen the click fills
    finally:
        conn.set_trace_callback(None)
    assert statements
    assert _full_scans(conn, statements) == set()


def test_the_caseload_s_first_screenful_reads_no_table_whole(repos: Repositories) -> None:
    """After a restart the first students come straight from an index, not from every student
    read from disk and sorted."""
    fill_with_demo(repos, students=40, today=TODAY)
    conn = repos.store.db.conn
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        first = repos.caseload.overview(TODAY, dt.date(2026, 8, 1), first=10)
    finally:
        conn.set_trace_callback(None)
    assert len(first) == 10
    assert _full_scans(conn, statements) == set()
    choosing = [s for s in statements if s.lstrip().upper().startswith("SELECT ID FROM STUDENTS")]
    assert choosing  # the statement that picks the screenful, in class-list order
    for statement in choosing:
        plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {statement}")]
        assert not any("TEMP B-TREE" in step for step in plan), plan  # no sort of them all


def test_opening_the_window_reads_no_table_or_index_whole(qtbot, repos: Repositories) -> None:
    """What the coach waits for after a start costs what the first screen shows: not a count
    of every student (a whole index, read from disk after a restart)."""
    fill_with_demo(repos, students=40, today=TODAY)
    workspace = Workspace(StoreLocation(repos.store.path.parent), repos)
    conn = repos.store.conn
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        window = build_window(workspace, TODAY, caseload_after_paint=True)
    finally:
        conn.set_trace_callback(None)
    qtbot.addWidget(window)
    assert window.caseload_screen.model.total_count() > 0
    assert _full_scans(conn, statements, indexes_too=True) == set()
