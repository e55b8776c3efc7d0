"""The store a coach works in, real or demo, opened once and shared by the GUI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coachdesk.errors import DamagedStoreError, StoreError
from coachdesk.i18n import _
from coachdesk.paths import store_path
from coachdesk.services.quarantine import explain_unopenable
from coachdesk.storage.backups import list_backups
from coachdesk.storage.connection import ConnectionFactory, PlainConnectionFactory
from coachdesk.storage.database import LaterCheck, open_store, open_store_read_only
from coachdesk.storage.erasure import apply_ledger
from coachdesk.storage.repositories import Repositories
from coachdesk.storage.soundness import refuse_unsound


@dataclass(frozen=True)
class StoreLocation:
    """Where a store lives: the coach's data folder, and whether it is the separate demo store."""

    data_dir: Path
    demo: bool = False

    @property
    def path(self) -> Path:
        """Return the store file."""
        return store_path(self.data_dir, demo=self.demo)


class Workspace:
    """An open store with its repositories; close it when done."""

    def __init__(
        self, location: StoreLocation, repos: Repositories, *, read_only: bool = False
    ) -> None:
        self.location = location
        self.repos = repos
        self.read_only = read_only
        """Showing a damaged store's quarantine copy: nothing can be changed."""

    @classmethod
    def open(
        cls,
        location: StoreLocation,
        factory: ConnectionFactory | None = None,
        *,
        check_later: LaterCheck | None = None,
    ) -> Workspace:
        """Open (creating and migrating if needed) the store at ``location``.

        A store that cannot be opened is copied into quarantine and the error says which
        checked backup can be restored; the store itself is left exactly as it was. With
        ``check_later`` the quick check runs after opening and writes wait for it.
        """
        try:
            _refuse_emptied_store(location.path)
            store = open_store(location.path, factory, check_later=check_later)
        except StoreError as error:
            raise explain_unopenable(location.path, error, factory) from error
        apply_ledger(store)  # a restored older backup never brings an erased student back
        return cls(location, Repositories.for_store(store))

    @classmethod
    def open_read_only(
        cls, location: StoreLocation, copy: Path, factory: ConnectionFactory | None = None
    ) -> Workspace:
        """Show what is still readable in the quarantine copy of a damaged store, read-only."""
        return cls(
            location,
            Repositories.for_store(open_store_read_only(copy, location.path.parent, factory)),
            read_only=True,
        )

    @property
    def is_demo(self) -> bool:
        """Return whether the store holds demo data, or is the separate demo store."""
        return self.location.demo or self.repos.store.is_demo

    @property
    def factory(self) -> ConnectionFactory:
        """Return how this store's connections are made (keyed when it is encrypted)."""
        return self.repos.store.factory

    def is_empty(self) -> bool:
        """Return whether the store has no students yet."""
        return self.repos.students.is_empty()

    def close(self) -> None:
        """Close the store."""
        self.repos.store.close()


def opens_cleanly(location: StoreLocation, factory: ConnectionFactory | None = None) -> bool:
    """Return whether the existing store passes the checks made before it is opened (reads only)."""
    try:
        refuse_unsound(location.path, factory or PlainConnectionFactory())
    except StoreError:
        return False
    return True


def _refuse_emptied_store(path: Path) -> None:
    """A store cut to 0 bytes while backups exist lost its data: never start it afresh.

    SQLite would quietly treat the empty file as a new database; a coach would see an empty
    caseload instead of being pointed at the backup. Without backups there was nothing yet.
    """
    if path.is_file() and path.stat().st_size == 0 and list_backups(path):
        raise DamagedStoreError(
            _(
                "The store {path} is empty (0 bytes) although backups exist: it was probably "
                "cut off by a crash or a full disk."
            ).format(path=path)
        )
