"""All CoachDesk benchmarks in one command, each figure next to a baseline from the same run.

Builds a 1,000-student store with ``coachdesk demo --students 1000``, measures cold start and
peak memory against a bare PySide6 window, then runs the caseload, report, editor and demo
benchmarks. ``--write-docs`` records the output in docs/performance.md.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py [--write-docs]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
STARTS = 5


def _start(mode: str, data_dir: Path) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    begin = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(HERE / "startup_child.py"), mode, str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    _word, shown, peak = result.stdout.split()
    return float(shown) - begin, float(peak)


def _startup_rows(data_dir: Path) -> list[str]:
    app = [_start("app", data_dir) for _ in range(STARTS)]
    bare = [_start("bare", data_dir) for _ in range(STARTS)]
    app_s = statistics.median(t for t, _m in app)
    bare_s = statistics.median(t for t, _m in bare)
    app_mb = max(m for _t, m in app)
    bare_mb = max(m for _t, m in bare)
    return [
        f"cold start to shown main window, 1000 students  {app_s * 1000:7.0f} ms  "
        f"(bare QMainWindow {bare_s * 1000:.0f} ms, ratio {app_s / bare_s:.2f}x, target <= 1.3x)",
        f"peak memory at start                             {app_mb:7.1f} MB  "
        f"(bare QMainWindow {bare_mb:.1f} MB, ratio {app_mb / bare_mb:.2f}x)",
    ]


def _run(script: str, *args: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, str(HERE / script), *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return result.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    sections: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as temp:
        data_dir = Path(temp) / "data"
        begin = time.monotonic()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "coachdesk",
                "--data-dir",
                str(data_dir),
                "demo",
                "--students",
                "1000",
            ],
            check=True,
            capture_output=True,
        )
        build_s = time.monotonic() - begin
        rows = [
            f"coachdesk demo --students 1000 (CLI, whole process)  {build_s:.1f} s",
            *_startup_rows(data_dir),
        ]
        sections.append(("Start-up and memory", "\n".join(rows)))
    sections.append(("Caseload, timeline and import", _run("caseload_bench.py")))
    sections.append(("Reports (PDF)", _run("report_bench.py")))
    sections.append(("Reflection editor", _run("editor_bench.py")))
    sections.append(("Demo data", _run("demo_data_bench.py", "--repeat", "1")))
    report = "\n\n".join(f"## {title}\n\n```text\n{body}\n```" for title, body in sections)
    print(report)
    if args.write_docs:
        header = (
            "# Performance\n\n"
            f"Measured {dt.date.today().isoformat()} on {platform.machine()}, "
            f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} "
            "(offscreen Qt), with `QT_QPA_PLATFORM=offscreen .venv/bin/python "
            "benchmarks/run_all.py --write-docs`. Each figure sits next to a baseline measured "
            "in the same run; these machines are noisy (±20–40 %).\n\n"
        )
        (ROOT / "docs").mkdir(exist_ok=True)
        (ROOT / "docs" / "performance.md").write_text(header + report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
