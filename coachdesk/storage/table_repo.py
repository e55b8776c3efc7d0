"""A repository per table: the domain records in, the domain records out."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from coachdesk.domain.records import Record, utc_now
from coachdesk.storage.database import Store
from coachdesk.storage.rows import from_row, to_row

R = TypeVar("R", bound=Record)


class Repository(Generic[R]):
    """Reads and writes one table of ``record_type`` rows.

    Writes run in ``Store.atomic``; inside a service's own transaction they become a
    savepoint, so a user action is still stored whole or not at all.
    """

    def __init__(self, store: Store, table: str, record_type: type[R]) -> None:
        self.store = store
        self.table = table
        self.record_type = record_type

    def add(self, record: R) -> R:
        """Store a new record."""
        with self.store.atomic() as db:
            db.table(self.table).insert(to_row(record))
        return record

    def add_many(self, records: Iterable[R], batch_size: int = 500) -> int:
        """Store many records in one transaction (sqlite-utils would commit per chunk)."""
        count = 0

        def rows() -> Iterable[dict[str, Any]]:
            nonlocal count
            for record in records:
                count += 1
                yield to_row(record)

        with self.store.atomic() as db:
            db.table(self.table).insert_all(rows(), batch_size=batch_size)
        return count

    def save_many(self, records: Iterable[R], batch_size: int = 500, *, touch: bool = True) -> None:
        """Insert new and replace existing records (by id) in one transaction.

        ``touch`` stamps ``updated_at``; an import keeps the timestamps it brings along.
        """
        now = utc_now()
        rows = (
            to_row(dataclasses.replace(record, updated_at=now) if touch else record)
            for record in records
        )
        with self.store.atomic() as db:
            db.table(self.table).upsert_all(rows, pk="id", batch_size=batch_size)

    def get(self, record_id: str) -> R | None:
        """Return the record with ``record_id``, or ``None``."""
        found = self.select("id = ?", [record_id])
        return found[0] if found else None

    def update(self, record: R) -> R:
        """Store a changed record and stamp its ``updated_at``."""
        changed = dataclasses.replace(record, updated_at=utc_now())
        with self.store.atomic() as db:
            db.table(self.table).update(changed.id, to_row(changed))
        return changed

    def delete(self, record_id: str) -> None:
        """Remove a record; dependent rows follow the schema's cascade rules."""
        with self.store.atomic() as db:
            db.execute(f"DELETE FROM [{self.table}] WHERE id = ?", [record_id])

    def for_student(self, student_id: str) -> list[R]:
        """Return one student's rows in the order they were written."""
        return self.select("student_id = ?", [student_id], order_by="rowid")

    def select(
        self, where: str | None = None, params: Sequence[Any] = (), order_by: str | None = None
    ) -> list[R]:
        """Return the records matching a SQL ``where`` clause.

        For the named queries of the repositories (and for tests): services never write SQL,
        they call a named method such as ``goals.for_student(id)``.
        """
        sql = f"SELECT * FROM [{self.table}]"
        if where:
            sql += f" WHERE {where}"
        if order_by:
            sql += f" ORDER BY {order_by}"
        return [from_row(self.record_type, row) for row in self.store.query(sql, list(params))]

    def is_empty(self) -> bool:
        """Return whether the table has no rows (reading one row, not counting them all)."""
        return self.store.execute(f"SELECT 1 FROM [{self.table}] LIMIT 1").fetchone() is None

    def count(self, where: str | None = None, params: Sequence[Any] = ()) -> int:
        """Return how many rows match (services ask for all rows: ``count()``)."""
        sql = f"SELECT count(*) FROM [{self.table}] WHERE {where or '1 = 1'}"
        return int(self.store.execute(sql, list(params)).fetchone()[0])
