"""Strict test rig: offscreen Qt, Dutch, a fresh store per test, no network, no stray windows."""

from __future__ import annotations

import os
import socket
import sys
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
def _file_dialogs_start_at_home(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's first file dialog opens where a new session's would, not in another
    test's folder (the app remembers the folder used last for its whole session)."""
    file_choice = sys.modules.get("coachdesk.ui.file_choice")
    if file_choice is not None:
        for name in ("_WRITTEN", "_READ"):
            monkeypatch.setattr(file_choice, name, type(getattr(file_choice, name))())


NETWORK_FAMILIES = (socket.AF_INET, socket.AF_INET6)
_network_attempts: list[str] = []


def _refuse_network(event: str, args: tuple[object, ...]) -> None:
    """See every socket call Python makes (``_socket`` included) and refuse those that leave.

    An audit hook, not a patched method: no library can go around it. Name lookups count too.
    Local AF_UNIX sockets stay on the laptop and are allowed. The real app and commands are
    also watched at the operating-system level (tests/test_offline.py).
    """
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
        attempt = f"{event}{args!r}"
    elif event in ("socket.connect", "socket.sendto", "socket.sendmsg", "socket.bind"):
        sock = args[0]
        if getattr(sock, "family", None) not in NETWORK_FAMILIES:
            return
        attempt = f"{event}{args[1:]!r}"
    else:
        return
    _network_attempts.append(attempt)
    # An OSError, as a blocked network gives: code that cleans up after one (closing the
    # socket) does so. Swallowed or not, the attempt still fails the test (``_no_network``).
    raise PermissionError(f"network access attempted: {attempt}")


sys.addaudithook(_refuse_network)


@pytest.fixture
def network_attempts() -> list[str]:
    """The network attempts refused so far in this test (for testing the guard itself)."""
    return _network_attempts


@pytest.fixture(autouse=True)
def _no_network() -> Iterator[None]:
    """Fail any test that tried to reach another machine, even if the code swallowed the error."""
    _network_attempts.clear()
    yield
    assert _network_attempts == [], f"network access attempted: {_network_attempts}"


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
