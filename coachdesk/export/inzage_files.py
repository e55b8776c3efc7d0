"""The files of an inzage (an AVG request to see): a PDF to read and a JSON file with all data.

The app and ``coachdesk inzage`` both write them here, under the same names.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from coachdesk.export.progress_pdf import write_progress
from coachdesk.services.privacy import Privacy


def write_inzage(
    privacy: Privacy, student_number: str, folder: Path, today: dt.date | None = None
) -> None:
    """Write everything about one student into ``folder`` (made if missing)."""
    inzage = privacy.inzage(student_number, today)
    folder.mkdir(parents=True, exist_ok=True)
    privacy.write_inzage_json(inzage, folder / f"inzage-{student_number}.json")
    write_progress(inzage.overview, folder / f"inzage-{student_number}.pdf")
