"""The set-up script waits for a busy package manager instead of failing at once."""

from __future__ import annotations

import re
from pathlib import Path

SETUP = Path(__file__).resolve().parents[1] / "scripts" / "setup.sh"


def test_every_apt_call_waits_for_the_dpkg_lock() -> None:
    text = SETUP.read_text(encoding="utf-8").replace("\\\n", " ")
    calls = [line for line in text.splitlines() if re.search(r"\bapt-get\b", line)]
    assert calls, "setup.sh installs the system libraries with apt-get"
    for call in calls:
        assert '-o "DPkg::Lock::Timeout=$APT_LOCK_WAIT_SECONDS"' in call, call
    assert re.search(r'APT_LOCK_WAIT_SECONDS="\$\{APT_LOCK_WAIT_SECONDS:-(\d+)\}"', text)
