"""How fast the demo caseload fills a store, against plain SQLite inserts in the same run.

Target (foundation issue): ``coachdesk demo --students 1000`` (about 100 timeline items
per student) finishes in seconds, not minutes. The baseline inserts the same number of
rows with bare ``sqlite3.executemany`` in one transaction, so the ratio shows what the
domain objects and mapping cost on this (noisy) machine.

Run: .venv/bin/python benchmarks/demo_data_bench.py [--students N] [--repeat K]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from coachdesk.services.caseload import CaseloadService
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.storage.database import open_store
from coachdesk.storage.repositories import Repositories

TODAY = dt.date(2026, 11, 23)


def _demo_run(folder: Path, students: int) -> tuple[float, int, float]:
    store = open_store(folder / "coachdesk.sqlite")
    repos = Repositories.for_store(store)
    start = time.perf_counter()
    report = fill_with_demo(repos, students=students, today=TODAY)
    fill_seconds = time.perf_counter() - start
    start = time.perf_counter()
    CaseloadService(repos).students()
    caseload_seconds = time.perf_counter() - start
    store.close()
    return fill_seconds, report.records, caseload_seconds


def _baseline_run(folder: Path, rows: int) -> float:
    conn = sqlite3.connect(folder / "baseline.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, a TEXT, b TEXT, c TEXT, d TEXT, e TEXT)")
    payload = [(f"{n:036d}", "x" * 20, "2026-01-01", "open", "y" * 60, "[]") for n in range(rows)]
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)", payload)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    fills, baselines, caseloads, records = [], [], [], 0
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as temp:
            fill, records, caseload = _demo_run(Path(temp), args.students)
            fills.append(fill)
            caseloads.append(caseload)
            baselines.append(_baseline_run(Path(temp), records))
    fill, baseline, caseload = (statistics.median(v) for v in (fills, baselines, caseloads))
    print(f"students                     {args.students}")
    print(f"records written              {records} ({records / args.students:.0f} per student)")
    print(
        f"demo fill, median of {args.repeat}       {fill:.2f} s ({records / fill:,.0f} records/s)"
    )
    print(f"baseline executemany         {baseline:.2f} s for the same number of rows")
    print(f"ratio demo / baseline        {fill / baseline:.1f}x")
    print(f"caseload query (active)      {caseload * 1000:.1f} ms")


if __name__ == "__main__":
    main()
