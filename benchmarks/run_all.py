"""All CoachDesk benchmarks in one command, each figure next to a baseline from the same run.

Start-up through the real ``coachdesk`` entry point at 30, 1,000, 5,000 and 20,000 students
(store cached and not), search and opening a student at 20,000 (search also at 100,000 students
only), then the report, editor and demo benchmarks. The stores are built once (several minutes
for 20,000); ``--stores DIR`` keeps them between runs. ``--write-docs`` records the output in
docs/performance.md.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py [--write-docs] [--stores DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


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
    parser.add_argument("--stores", type=Path, help="keep the built stores here between runs")
    args = parser.parse_args()
    sections: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as temp:
        stores = str(args.stores or Path(temp))
        startup = _run("startup_bench.py", "--cold", "--stores", stores)
        sections.append(("Start-up through the coachdesk entry point", startup))
        caseload = _run("caseload_bench.py", "--stores", stores)
        sections.append(("Caseload search, opening a student, import", caseload))
        sections.append(("Reports (PDF)", _run("report_bench.py", "--stores", stores)))
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
