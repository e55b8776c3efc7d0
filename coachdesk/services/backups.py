"""Automatic and manual backups, their rotation, and restoring one.

Backups are made at the end of a session, before migrations and before imports, and by
``coachdesk backup``. Rotation keeps the recent ones, one per day for two weeks and one per
week after that, and nothing older than the maximum age, so an erased student also
disappears from the backups in time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from coachdesk.errors import DamagedStoreError, StoreError
from coachdesk.services.audit import audit
from coachdesk.storage.backup_names import backup_path
from coachdesk.storage.backups import (
    BackupFile,
    check_backup,
    copy_into_place,
    list_backups,
    quarantine,
    remove_backup,
    remove_partials_before,
)
from coachdesk.storage.connection import ConnectionFactory
from coachdesk.storage.database import Store, open_store


@dataclass(frozen=True)
class RotationPolicy:
    """How many backups are kept, and for how long."""

    recent: int = 10
    daily_days: int = 14
    max_age_days: int = 90


def to_keep(backups: list[BackupFile], now: dt.datetime, policy: RotationPolicy) -> set[Path]:
    """Return the backups the policy keeps (newest first in ``backups``)."""
    keep: set[Path] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    for index, backup in enumerate(backups):
        age = now - backup.made_at
        if age > dt.timedelta(days=policy.max_age_days):
            continue
        day = backup.made_at.date()
        year, week_number, _weekday = backup.made_at.isocalendar()
        week = (year, week_number)
        first_of_day = age <= dt.timedelta(days=policy.daily_days) and day not in days
        if index < policy.recent or first_of_day or week not in weeks:
            keep.add(backup.path)
        days.add(day)
        weeks.add(week)
    return keep


STALE_PARTIAL_AGE = dt.timedelta(minutes=30)
"""Older than any backup takes; a younger partial may belong to a backup still running."""


class Backups:
    """Backups of one store file."""

    def __init__(
        self,
        store_path: Path,
        policy: RotationPolicy | None = None,
        factory: ConnectionFactory | None = None,
    ) -> None:
        self.store_path = store_path
        self.policy = policy or RotationPolicy()
        self.factory = factory

    def make(self, store: Store, reason: str, target: Path | None = None) -> Path:
        """Back up the open store (checked before it is kept), then rotate the folder."""
        now = dt.datetime.now()
        path = store.backup_to(target or backup_path(self.store_path, reason, now))
        if target is None:
            self.rotate(now)
        return path

    def rotate(self, now: dt.datetime | None = None) -> list[Path]:
        """Delete the backups the policy no longer keeps; return them."""
        backups = list_backups(self.store_path)
        keep = to_keep(backups, now or dt.datetime.now(), self.policy)
        removed = [b.path for b in backups if b.path not in keep]
        for path in removed:
            remove_backup(path)
        # Half-written copies a killed backup left may hold erased students. Only old ones
        # go: a copy still being written by a running backup is never touched.
        remove_partials_before(self.store_path, (now or dt.datetime.now()) - STALE_PARTIAL_AGE)
        return removed

    def newest(self) -> Path | None:
        """Return the newest backup that passes the integrity check, if any."""
        for backup in list_backups(self.store_path):
            try:
                check_backup(backup.path, self.factory)
            except StoreError:  # damaged, not ours, or needing a key file it lacks
                continue
            return backup.path
        return None

    def restore(self, source: Path) -> Path:
        """Put a checked backup in place of the store; the current store is kept as a backup."""
        check_backup(source, self.factory)
        kept: Path | None = None
        if self.store_path.exists():
            try:
                current = open_store(self.store_path, self.factory)
            except DamagedStoreError:
                kept = quarantine(self.store_path)  # cannot be opened: keep its bytes instead
            else:
                try:
                    kept = self.make(current, "voor-herstel")
                finally:
                    current.close()
        copy_into_place(source, self.store_path, self.factory)
        open_store(
            self.store_path, self.factory
        ).close()  # migrates an older backup to the current schema
        audit(self.store_path.parent, "restore")
        return kept or source
