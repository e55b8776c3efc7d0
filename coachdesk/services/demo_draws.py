"""What every part of the demo caseload shares: one seeded random source, the fictional
material (names, companies, stories) and the records made so far.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from collections import defaultdict
from typing import Any, TypeVar

from coachdesk.domain.records import Record
from coachdesk.paths import resource_path

R = TypeVar("R", bound=Record)


def school_year_start(today: dt.date) -> dt.date:
    """Return 1 September of the school year before the current one: two school years of history."""
    year = today.year - 1 if today.month >= 8 else today.year - 2
    return dt.date(year, 9, 1)


class DemoDraws:
    """The demo's one random source and its records, collected per table to be stored at once.

    Every part of the demo draws from the same generator in a fixed order, so a seed always
    gives the same caseload.
    """

    def __init__(self, seed: int, today: dt.date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.start = school_year_start(today)
        self.material: dict[str, Any] = json.loads(
            resource_path("demo", "caseload.json").read_text(encoding="utf-8")
        )
        self.records: dict[str, list[Record]] = defaultdict(list)
        self._queues: dict[str, list[Any]] = defaultdict(list)

    def stamp(self, record: R, day: dt.date) -> R:
        """Give a record a reproducible id and timestamps on the day it happened."""
        record.id = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        moment = dt.datetime.combine(day, dt.time(9, 0), tzinfo=dt.UTC)
        moment += dt.timedelta(minutes=self.rng.randrange(8 * 60))
        record.created_at = record.updated_at = moment
        self.records[type(record).__name__].append(record)
        return record

    def next_from(self, kind: str) -> Any:
        """Draw without repeats until the list is used up, so a caseload looks varied."""
        queue = self._queues[kind]
        if not queue:
            queue.extend(self.rng.sample(self.material[kind], len(self.material[kind])))
        return queue.pop()

    def day_between(self, first: dt.date, last: dt.date) -> dt.date:
        """Return a day from ``first`` to ``last`` (``first`` if they are the wrong way round)."""
        span = max((last - first).days, 0)
        return first + dt.timedelta(days=self.rng.randint(0, span))
