"""A crash log says where CoachDesk failed, never whose data it was handling."""

from __future__ import annotations

from pathlib import Path

from coachdesk.crash_log import write_crash_log


def test_the_crash_log_holds_no_names_or_typed_text(tmp_path: Path) -> None:
    try:
        raise ValueError("Zoë van der Meer schreef: ik voel me niet veilig thuis")
    except ValueError as error:
        log = write_crash_log(tmp_path, error)
    assert log is not None
    text = log.read_text(encoding="utf-8")
    assert "ValueError" in text
    assert "test_crash_log.py" in text
    assert "Zoë" not in text
    assert "thuis" not in text
