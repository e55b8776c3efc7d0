"""What every stored record shares: a stable UUID (for handover) and its timestamps."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field


def new_id() -> str:
    """Return a new random record id; stable across exports and handovers."""
    return str(uuid.uuid4())


def utc_now() -> dt.datetime:
    """Return the current time in UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass(kw_only=True)
class Record:
    """Identity and timestamps; set by the domain when created, kept by storage."""

    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=utc_now)
    updated_at: dt.datetime = field(default_factory=utc_now)
