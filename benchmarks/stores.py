"""Demo stores of any size for the benchmarks, made once and kept between runs.

``coachdesk demo`` stops at 5,000 students (more is no demo); the issue's targets go to 20,000
and 100,000, so the benchmarks lift that limit here, in their own process only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from coachdesk.services import demo_data
from coachdesk.services.workspace import StoreLocation, Workspace

TODAY = dt.date(2026, 11, 23)


def demo_store(stores: Path, students: int, today: dt.date | None = None) -> Path:
    """Return a data folder whose demo store holds ``students`` students (built if missing)."""
    data_dir = stores / f"s{students}"
    location = StoreLocation(data_dir, demo=True)
    if location.path.exists():
        return data_dir
    demo_data.MAX_STUDENTS = max(demo_data.MAX_STUDENTS, students)
    workspace = Workspace.open(location)
    try:
        demo_data.fill_with_demo(workspace.repos, students=students, today=today)
    finally:
        workspace.close()
    return data_dir


if __name__ == "__main__":
    import sys

    for count in sys.argv[2:]:
        print(demo_store(Path(sys.argv[1]), int(count)), flush=True)
