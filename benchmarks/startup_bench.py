"""Cold start through the real ``coachdesk`` entry point, beside a bare window in the same run.

Each start is a fresh process (``startup_child.py``) that runs ``coachdesk.launch.main`` on the demo
store; app and bare starts alternate, and the medians are compared. ``--cold`` first drops the
store file from the page cache (``posix_fadvise``), as after a reboot.

Targets (issue 18): first paint <= 1.3x a bare window at every size; caseload shown <= 2x at
1,000 and <= 4x at 20,000 students.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/startup_bench.py \
    [--students 30 1000 5000 20000] [--starts 7] [--cold] [--stores DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from stores import demo_store
from verdict import against

HERE = Path(__file__).resolve().parent
FIRST_PAINT_TARGET = 1.3
CASELOAD_TARGETS = {1000: 2.0, 20000: 4.0}
BYTECODE_OFF = "PYTHONDONTWRITEBYTECODE"
"""Unset for the children: an installed app starts from compiled bytecode, not from source."""


def drop_from_page_cache(data_dir: Path) -> None:
    """Evict the store's pages, so the next start reads them from disk."""
    for path in (data_dir / "demo").glob("coachdesk.sqlite*"):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def start(mode: str, data_dir: Path, *, cold: bool) -> tuple[float, float, float]:
    """Start one child; return seconds to first paint and to caseload shown, and peak MB."""
    if cold:
        drop_from_page_cache(data_dir)
    env = {name: value for name, value in os.environ.items() if name != BYTECODE_OFF}
    env["QT_QPA_PLATFORM"] = "offscreen"
    begin = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(HERE / "startup_child.py"), mode, str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("times "))
    _word, painted, shown, peak = line.split()
    return float(painted) - begin, float(shown) - begin, float(peak)


def rows(data_dir: Path, students: int, starts: int, *, cold: bool) -> list[str]:
    """Measure app and bare starts alternately and return the report lines."""
    app, bare = [], []
    start("app", data_dir, cold=False)  # writes the bytecode, as installing the app does
    for _ in range(starts):
        app.append(start("app", data_dir, cold=cold))
        bare.append(start("bare", data_dir, cold=cold))
    paint = statistics.median(t[0] for t in app)
    shown = statistics.median(t[1] for t in app)
    base = statistics.median(t[0] for t in bare)
    label = f"{students} students{' (store not cached)' if cold else ''}"
    caseload_target = CASELOAD_TARGETS.get(students)
    target = f", {against(shown / base, caseload_target, 'x')}" if caseload_target else ""
    return [
        f"cold start to first paint, {label:<30} {paint * 1000:6.0f} ms  "
        f"(bare QMainWindow {base * 1000:.0f} ms, ratio {paint / base:.2f}x, "
        f"{against(paint / base, FIRST_PAINT_TARGET, 'x')})",
        f"cold start to caseload shown, {label:<27} {shown * 1000:6.0f} ms  "
        f"(ratio {shown / base:.2f}x{target})",
        f"peak memory at start, {label:<35} {max(t[2] for t in app):6.1f} MB  "
        f"(bare {max(t[2] for t in bare):.1f} MB)",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, nargs="+", default=[30, 1000, 5000, 20000])
    parser.add_argument("--starts", type=int, default=7)
    parser.add_argument("--cold", action="store_true", help="also measure with the store uncached")
    parser.add_argument("--stores", type=Path, help="keep the built stores here between runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        stores = args.stores or Path(temp)
        for students in args.students:
            data_dir = demo_store(stores, students)
            for line in rows(data_dir, students, args.starts, cold=False):
                print(line, flush=True)
            if args.cold:
                for line in rows(data_dir, students, args.starts, cold=True):
                    print(line, flush=True)


if __name__ == "__main__":
    main()
