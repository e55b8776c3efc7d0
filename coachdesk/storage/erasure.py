"""Erasing a student so that nothing remains: rows, freed pages, the WAL, and older backups.

``secure_delete`` overwrites freed content, a TRUNCATE checkpoint empties the WAL and VACUUM
rebuilds the file. The erasure ledger (beside the store, ids only) makes sure a restore of an
older backup does not bring the student back.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from coachdesk.savefile import save_text
from coachdesk.storage.database import Store

LEDGER_FILE = "verwijderd.json"


def ledger_path(store_path: Path) -> Path:
    """Return the erasure ledger of a store."""
    return store_path.parent / LEDGER_FILE


def read_ledger(store_path: Path) -> dict[str, str]:
    """Return erased student ids and the day they were erased."""
    try:
        data = json.loads(ledger_path(store_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_ledger(store_path: Path, ledger: dict[str, str]) -> None:
    save_text(ledger_path(store_path), json.dumps(ledger, indent=1))


def erase_students(store: Store, student_ids: list[str], day: dt.date) -> int:
    """Delete these students with everything about them, leave no trace, and record their ids."""
    store.refuse_if_read_only()  # the ledger would land beside a quarantine copy
    ledger = read_ledger(store.path)
    ledger.update({student_id: day.isoformat() for student_id in student_ids})
    _write_ledger(store.path, ledger)  # first: if we are stopped halfway, the next open finishes
    return apply_ledger(store)


def apply_ledger(store: Store) -> int:
    """Remove every student the ledger says was erased (e.g. after restoring an older backup)."""
    ledger = read_ledger(store.path)
    if not ledger:
        return 0
    marks = ", ".join("?" * len(ledger))
    present = store.execute(
        f"SELECT count(*) FROM students WHERE id IN ({marks})", list(ledger)
    ).fetchone()[0]
    if not present:
        return 0
    with store.atomic() as db:
        db.execute(f"DELETE FROM students WHERE id IN ({marks})", list(ledger))
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.db.execute("VACUUM")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return int(present)
