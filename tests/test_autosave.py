"""The one autosave rule, on an injected clock: saved soon after a pause, often while typing."""

from __future__ import annotations

from coachdesk.ui.autosave import AFTER_PAUSE_S, CHECK_EVERY_MS, WHILE_TYPING_S, AutosavePolicy
from tests.helpers import FakeClock


def _policy(qtbot) -> tuple[AutosavePolicy, FakeClock, list[float]]:
    clock = FakeClock()
    saved: list[float] = []
    policy = AutosavePolicy(lambda: saved.append(clock.now), clock=clock)
    return policy, clock, saved


def test_a_pause_saves_within_a_second_and_not_before(qtbot) -> None:
    assert AFTER_PAUSE_S + CHECK_EVERY_MS / 1000 <= 1.0  # the promise, timer tick included
    policy, clock, saved = _policy(qtbot)
    policy.changed()
    typed_at = clock.now
    clock.now = typed_at + AFTER_PAUSE_S - 0.05
    policy.check()
    assert saved == []  # still within the pause: a word may follow
    clock.now = typed_at + AFTER_PAUSE_S
    policy.check()
    assert saved == [typed_at + AFTER_PAUSE_S]
    policy.check()
    assert len(saved) == 1  # nothing new typed: nothing saved twice


def test_typing_on_without_a_pause_is_saved_every_two_seconds(qtbot) -> None:
    assert WHILE_TYPING_S + CHECK_EVERY_MS / 1000 <= 2.0
    policy, clock, saved = _policy(qtbot)
    started = clock.now
    for _keystroke in range(40):  # a keystroke every 1/10 s for four seconds: never a pause
        policy.changed()
        clock.now += 0.1
        policy.check()
    gaps = [round(moment - started, 1) for moment in saved]
    assert gaps == [1.8, 3.6]  # the first check at or after 1.8 s of unsaved typing, and again


def test_saving_another_way_leaves_nothing_for_the_timer(qtbot) -> None:
    policy, clock, saved = _policy(qtbot)
    policy.changed()
    policy.save_now()  # e.g. the window closes or locks
    assert len(saved) == 1 and not policy.dirty
    clock.now += 10
    policy.check()
    policy.save_now()
    assert len(saved) == 1
