"""A content-free audit log: what was done and when, never whose data or what it said.

One line per action in ``logs/audit.log`` beside the store, e.g.
``2026-11-23T08:52:10+00:00 export-dossier students=2``. Record ids may appear; names never.
"""

from __future__ import annotations

from pathlib import Path

from coachdesk.domain.records import utc_now
from coachdesk.storage.database import Store

AUDIT_FILE = Path("logs") / "audit.log"


def audit(data_dir: Path, action: str, **details: object) -> None:
    """Append one line; a log that cannot be written never stops the action itself."""
    words = " ".join(f"{key}={value}" for key, value in sorted(details.items()))
    line = f"{utc_now().isoformat()} {action} {words}".rstrip() + "\n"
    target = data_dir / AUDIT_FILE
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("a", encoding="utf-8") as handle:
            handle.write(line)
    except OSError:
        return


def audit_store(store: Store, action: str, **details: object) -> None:
    """Log an action on ``store`` in its home folder's audit log (never in quarantine)."""
    audit(store.home, action, **details)
