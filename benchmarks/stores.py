"""Demo stores of any size for the benchmarks, made once and kept between runs.

``coachdesk demo`` stops at 5,000 students (more is no demo); the issue's targets go to 20,000
and 100,000, so the benchmarks lift that limit here, in their own process only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from coachdesk.domain.students import Student
from coachdesk.services import demo_data
from coachdesk.services.workspace import StoreLocation, Workspace

TODAY = dt.date(2026, 11, 23)
GIVEN_NAMES = ("Zoë", "Sem", "Noah", "Fatima", "Daan", "Sanne", "Mohammed", "Lieke", "Jesse")
FAMILY_NAMES = ("Meer", "Bakker", "Yilmaz", "de Vries", "Jansen", "El Amrani", "Visser", "Smit")


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


def students_only_store(stores: Path, students: int) -> Path:
    """Return a data folder whose store holds ``students`` students and nothing else."""
    data_dir = stores / f"students{students}"
    location = StoreLocation(data_dir, demo=True)
    if location.path.exists():
        return data_dir
    workspace = Workspace.open(location)
    try:
        workspace.repos.students.add_many(
            Student(
                student_number=f"{number:07d}",
                given_name=GIVEN_NAMES[number % len(GIVEN_NAMES)],
                name_prefix="van der" if number % 7 == 0 else "",
                family_name=f"{FAMILY_NAMES[number % len(FAMILY_NAMES)]} {number // 97}",
                group=f"KL{number % 40:02d}",
                programme="Verzorgende-IG",
                level=3,
            )
            for number in range(students)
        )
    finally:
        workspace.close()
    return data_dir


if __name__ == "__main__":
    import sys

    for count in sys.argv[2:]:
        print(demo_store(Path(sys.argv[1]), int(count)), flush=True)
