"""Strict test rig: offscreen Qt, Dutch, a fresh store per test, no network, no stray windows."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from coachdesk.i18n import set_language
from coachdesk.storage.database import Store, open_store
from coachdesk.storage.repositories import Repositories

TODAY_FOR_DEMO = "2026-11-23"


@pytest.fixture(autouse=True)
def _dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("nl")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that tries to reach another machine: data never leaves the laptop."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise AssertionError(f"network access attempted: {address!r}")
        real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(autouse=True)
def _no_windows_left_open(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()] if app else []
    for widget in visible:
        widget.close()
    assert not visible, f"test left windows open: {visible}"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh, empty data folder."""
    return tmp_path / "gegevens"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """A fresh real SQLite store, migrated to the latest schema."""
    opened = open_store(data_dir / "coachdesk.sqlite")
    yield opened
    opened.close()


@pytest.fixture
def repos(store: Store) -> Repositories:
    """All repositories over the fresh store."""
    return Repositories.for_store(store)
