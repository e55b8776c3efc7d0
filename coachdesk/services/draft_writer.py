"""Writes reflection drafts on a background thread, so saving never holds up typing.

The newest snapshot per reflection wins: while one write runs, later submissions replace
each other and only the last is written next. ``flush`` waits until everything submitted
is on disk (used on focus-out, lock and quit).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from coachdesk.errors import StoreError
from coachdesk.storage.connection import ConnectionFactory
from coachdesk.storage.drafts import DraftStore


class DraftWriter:
    """A single background thread with its own connection to the store."""

    def __init__(
        self,
        store_path: Path,
        factory: ConnectionFactory | None = None,
        before_write: Callable[[], None] | None = None,
    ) -> None:
        """``before_write`` blocks until the store may be written (its quick check passed)."""
        self._path = store_path
        self._factory = factory
        self._before_write = before_write
        self._pending: dict[str, str] = {}
        self._condition = threading.Condition()
        self._busy = False
        self._closing = False
        self.last_error: StoreError | None = None
        self._thread = threading.Thread(target=self._run, name="coachdesk-drafts", daemon=True)
        self._thread.start()

    def submit(self, reflection_id: str, body_html: str) -> None:
        """Queue the newest snapshot of a reflection; returns at once."""
        with self._condition:
            self._pending[reflection_id] = body_html
            self._condition.notify()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every submitted snapshot is written; return False on timeout."""
        with self._condition:
            return self._condition.wait_for(lambda: not self._pending and not self._busy, timeout)

    def close(self) -> None:
        """Write what is pending, then stop the thread."""
        self.flush()
        with self._condition:
            self._closing = True
            self._condition.notify()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        drafts = DraftStore.open(self._path, self._factory)
        try:
            while True:
                with self._condition:
                    self._condition.wait_for(lambda: self._pending or self._closing)
                    if self._closing and not self._pending:
                        return
                    reflection_id, body = next(iter(self._pending.items()))
                    del self._pending[reflection_id]
                    self._busy = True
                try:
                    if self._before_write is not None:
                        self._before_write()
                    drafts.save(reflection_id, body)
                    self.last_error = None
                except StoreError as error:
                    self.last_error = error
                finally:
                    with self._condition:
                        self._busy = False
                        self._condition.notify_all()
        finally:
            drafts.close()
