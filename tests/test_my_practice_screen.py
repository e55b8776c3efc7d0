"""Mijn praktijk: the coach's own reflections, and what to do when there are none yet."""

from __future__ import annotations

from coachdesk.domain.reflections import Reflection, ReflectionAuthor
from coachdesk.ui.screens.my_practice_screen import MyPracticeScreen


def test_an_empty_practice_says_what_it_is_for_and_how_to_begin(qtbot) -> None:
    screen = MyPracticeScreen()
    qtbot.addWidget(screen)
    screen.show()
    screen.show_reflections([])
    assert screen.empty_label.isVisible()
    assert screen.empty_label.text().startswith("Nog geen reflecties. Met Nieuwe reflectie…")
    screen.show_reflections([Reflection(author=ReflectionAuthor.COACH, title="Mijn week")])
    assert not screen.empty_label.isVisible()
    assert screen.list.count() == 1
