"""Opening, migrating and guarding the coach's store file.

Errors that are the environment's fault (an unwritable folder, a file that is not a
store, a store from a newer CoachDesk, a full disk) become ``StoreError`` with a
Dutch message; in each case nothing on disk is overwritten or deleted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from coachdesk.errors import DamagedStoreError, NewerStoreError, StoreError
from coachdesk.i18n import _
from coachdesk.savefile import commit, partial_path, save_copy
from coachdesk.storage.backup_names import backup_path
from coachdesk.storage.cipher import (
    DB_ERRORS,
    DB_OR_OS_ERRORS,
)
from coachdesk.storage.connection import (
    ConnectionFactory,
    PlainConnectionFactory,
    ReadOnlyConnectionFactory,
    apply_pragmas,
)
from coachdesk.storage.keyfile import keyfile_path
from coachdesk.storage.migrations import LATEST_VERSION, MIGRATIONS
from coachdesk.storage.soundness import (
    ensure_sqlite_file,
    open_read_only,
    refuse_damage,
    verify_copy,
)
from coachdesk.storage.store_errors import (
    disk_full_message,
    not_a_store_message,
    read_only_message,
    translate_sqlite_error,
)
from coachdesk.storage.store_identity import refuse_foreign_wal, stamp_write

if TYPE_CHECKING:
    import sqlite_utils

DEMO_META_KEY = "demo"
"""Set in the store's metadata when it holds the fictional demo caseload."""


class Store:
    """One open store: its SQLite connection plus the rules for changing it.

    Reads go straight to the connection (``execute``, ``query``); writes go through sqlite-utils
    (``db``) inside ``atomic()``, so each user action is stored whole or not at all.
    """

    def __init__(
        self, path: Path, conn: sqlite3.Connection, factory: ConnectionFactory | None = None
    ) -> None:
        self.path = path
        self.conn = conn
        self._db: sqlite_utils.Database | None = None
        self.factory: ConnectionFactory = factory or PlainConnectionFactory()
        self.stamps_writes = False
        """Whether each transaction carries the store identity (from schema version 7 on)."""
        self.read_only = False
        """A copy opened for viewing only (see ``open_store_read_only``)."""
        self.home = path.parent
        """The folder whose logs record what is done with this store (for a read-only
        quarantine copy: the folder of the store it was copied from, never the quarantine)."""
        self._write_gate: WriteGate | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        """The connection as a sqlite-utils ``Database``, for writing (and for tests).

        Loaded on first use, without plugins: sqlite-utils with click, pluggy and dateutil costs
        about 30 ms, which the coach would wait for before seeing the caseload; finding plugins
        would scan every installed package's metadata (about 40 ms).
        """
        if self._db is None:
            import sqlite_utils  # noqa: PLC0415 - see above

            self._db = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._db

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        """Run one reading statement on the connection."""
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """Run one reading statement and return its rows as dictionaries by column name.

        All rows at once, so no statement stays open (a ``VACUUM`` after it would fail).
        """
        cursor = self.conn.execute(sql, params)
        names = [column[0] for column in cursor.description]
        if len(set(names)) != len(names):
            raise ValueError(f"two columns share a name in: {sql}")
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def hold_writes_until(self, gate: WriteGate) -> None:
        """Let no write through before ``gate`` passed (the quick check running after paint)."""
        self._write_gate = gate

    def wait_until_checked(self) -> None:
        """Block until the store's quick check passed; raise its error if it found damage."""
        gate = self._write_gate
        if gate is not None:
            gate.wait()
            self._write_gate = None

    @property
    def schema_version(self) -> int:
        """Return the schema version recorded in the file."""
        return int(self.execute("PRAGMA user_version").fetchone()[0])

    @contextlib.contextmanager
    def atomic(self) -> Iterator[sqlite_utils.Database]:
        """Run a block as one transaction; on a full disk it is rolled back as ``StoreError``."""
        outermost = not self.conn.in_transaction
        if outermost:
            self.wait_until_checked()
        try:
            with self.db.atomic():
                if outermost and self.stamps_writes:
                    stamp_write(self.conn)
                yield self.db
        except DB_ERRORS as error:
            if self.read_only:
                raise StoreError(read_only_message()) from error
            raise translate_sqlite_error(error, self.path) from error

    def refuse_if_read_only(self) -> None:
        """Refuse a change to a read-only view before it starts, so nothing is written anywhere."""
        if self.read_only:
            raise StoreError(read_only_message())

    def meta(self, key: str) -> str | None:
        """Return a value from the store's own metadata table."""
        row = self.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Record a value in the store's metadata table, inside the caller's transaction."""
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    @property
    def is_demo(self) -> bool:
        """Return whether this store holds the fictional demo caseload."""
        return self.meta(DEMO_META_KEY) == "1"

    def mark_demo(self) -> None:
        """Mark the store as demo (inside the caller's transaction, if any)."""
        self.set_meta(DEMO_META_KEY, "1")

    def backup_to(self, target: Path) -> Path:
        """Copy the whole store with SQLite's backup API into ``target``, atomically.

        The copy is written to a temporary file first, checked, and renamed into place only
        when complete and sound, so a full disk never leaves a half-written backup. The key
        file (wrapped keys only) goes beside it: without it an encrypted copy never opens again.
        """
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = partial_path(target)
        try:
            ensure_free_space(target.parent, self.path.stat().st_size * 2)
            destination = self.factory.connect(partial)  # encrypted like the store itself
            try:
                self.conn.backup(destination)
                # A backup is a single file: checking it read-only later leaves no -wal/-shm.
                destination.execute("PRAGMA journal_mode = DELETE")
                verify_copy(destination, partial)
            finally:
                destination.close()
            commit(partial, target)
            if keyfile_path(self.path).is_file():
                save_copy(keyfile_path(self.path), keyfile_path(target))
        except DB_OR_OS_ERRORS as error:
            partial.unlink(missing_ok=True)
            raise translate_sqlite_error(error, target) from error
        return target

    def close(self) -> None:
        """Close the connection; WAL content is checkpointed into the main file."""
        self.conn.close()


def ensure_free_space(folder: Path, needed_bytes: int) -> None:
    """Refuse to start a write that the disk cannot hold."""
    if shutil.disk_usage(folder).free < needed_bytes:
        raise StoreError(disk_full_message())


class WriteGate(Protocol):
    """Something writes must wait for: the quick check running after the first paint."""

    def wait(self) -> None:
        """Return once it passed; raise ``StoreError`` when it found the store unsound."""


LaterCheck = Callable[[Path, ConnectionFactory], WriteGate | None]
"""Starts the quick check of an opened store that writes must wait for (``None``: done)."""


def prepare_folder(folder: Path) -> None:
    """Make the data folder, or say calmly why it cannot be made or written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise StoreError(disk_full_message()) from error
        raise StoreError(
            _("The data folder {folder} cannot be created or is not writable.").format(
                folder=folder
            )
        ) from error
    if not folder.is_dir():
        raise StoreError(_("The data folder {folder} is not a folder.").format(folder=folder))


def open_store(
    path: Path, factory: ConnectionFactory | None = None, *, check_later: LaterCheck | None = None
) -> Store:
    """Open (or create) the store at ``path`` and migrate it to the latest schema.

    A store written by a newer CoachDesk is refused before anything is written; an
    existing store is backed up before it is migrated. The quick check reads the whole store;
    with ``check_later`` it runs while the window is built instead, and the store holds every
    write until it passed. A store that needs migrating is still checked first: migrating writes.
    """
    prepare_folder(path.parent)
    factory = factory or PlainConnectionFactory()
    if factory.expects_plain_header:
        ensure_sqlite_file(path)
    existed = path.exists() and path.stat().st_size > 0
    try:
        if existed:
            refuse_foreign_wal(path, factory)
            if check_later is None:
                refuse_damage(path, factory)
        conn = factory.connect(path)
    except DB_OR_OS_ERRORS as error:
        raise translate_sqlite_error(error, path) from error
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        _refuse_newer(version)
        if existed and check_later is not None and version < LATEST_VERSION:
            refuse_damage(path, factory, header_checked=True)  # checked above, before connecting
        apply_pragmas(conn)
        store = Store(path, conn, factory)
        if version < LATEST_VERSION:
            if existed and version > 0:  # rotated and aged out like every other backup
                store.backup_to(backup_path(path, f"voor-migratie-v{version}", dt.datetime.now()))
            _migrate(store, version)
        elif existed and check_later is not None:
            gate = check_later(path, factory)
            if gate is not None:
                store.hold_writes_until(gate)
        store.stamps_writes = True
    except DB_ERRORS as error:
        conn.close()
        raise translate_sqlite_error(error, path) from error
    except ValueError as error:  # garbage where SQLite expects text: a damaged file
        conn.close()
        raise DamagedStoreError(not_a_store_message(path)) from error
    except BaseException:
        conn.close()
        raise
    return store


def _refuse_newer(version: int) -> None:
    if version > LATEST_VERSION:
        raise NewerStoreError(
            _(
                "This store was made by a newer version of CoachDesk (schema {found}, "
                "this version knows up to {known}). "
                "Update CoachDesk; the store was not changed."
            ).format(found=version, known=LATEST_VERSION)
        )


def open_store_read_only(path: Path, home: Path, factory: ConnectionFactory | None = None) -> Store:
    """Open a (damaged) store's copy at ``path`` for viewing only; nothing is written beside it.

    ``home`` is the folder of the store it was copied from, where the audit log is kept.

    Only a store of the current schema can be shown: an older one would need migrating.
    """
    factory = ReadOnlyConnectionFactory(factory or PlainConnectionFactory())
    conn = open_read_only(path, factory)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except DB_ERRORS as error:
        conn.close()
        raise translate_sqlite_error(error, path) from error
    if version != LATEST_VERSION:
        conn.close()
        raise StoreError(
            _("This store cannot be shown read-only (schema {found}); restore a backup.").format(
                found=version
            )
        )
    store = Store(path, conn, factory)
    store.read_only = True
    store.home = home
    return store


def _migrate(store: Store, from_version: int) -> None:
    for index in range(from_version, LATEST_VERSION):
        with store.atomic() as db:
            MIGRATIONS[index](db.conn)
            db.execute(f"PRAGMA user_version = {index + 1}")
