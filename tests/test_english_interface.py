"""The English interface: English dates through Babel, English scan statements, no Dutch doubled in."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from coachdesk.app import build_window
from coachdesk.domain.people import PARTICIPANTS, Person
from coachdesk.i18n import set_language
from coachdesk.i18n.dates import compact_date, long_date, short_date, weekday_date
from coachdesk.services.competence_scan import statements
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.ui.screens.scan.scan_entry import ScanEntryView

TODAY = dt.date(2026, 11, 23)


def test_dates_follow_the_language_never_american_month_first() -> None:
    set_language("en")
    assert short_date(TODAY) == "23/11/2026"
    assert long_date(TODAY) == "23 November 2026"
    assert weekday_date(TODAY) == "Monday 23 November 2026"
    assert compact_date(TODAY, TODAY) == "23 Nov"
    set_language("nl")
    assert short_date(TODAY) == "23-11-2026"
    assert long_date(TODAY) == "23 november 2026"
    assert weekday_date(TODAY) == "maandag 23 november 2026"


def test_the_english_timeline_and_preparation_read_as_english(qtbot, data_dir: Path) -> None:
    """Reflections titled "Reflectie: …" (made in Dutch) say "Reflection:" once in English."""
    workspace = Workspace.open(StoreLocation(data_dir, demo=True))
    fill_with_demo(workspace.repos, students=3, today=TODAY)
    set_language("en")
    window = build_window(workspace, TODAY)
    qtbot.addWidget(window)
    window.show()
    window.open_student(window.caseload_screen.model.entry_at(0))
    events = window.student_screen.timeline_model.visible_events()
    assert any(e.title.startswith("Reflectie: ") for e in events)
    model = window.student_screen.timeline_model
    year = model.item(0)
    dates = [year.child(0).child(row).text() for row in range(year.child(0).rowCount())]
    assert dates and all(re.fullmatch(r"\d\d/\d\d/\d{4}", d) for d in dates), dates
    window.show_screen(2)
    since = window.conversation_screen.prepare_step.since_label.text()
    reflections = [line for line in since.splitlines() if "eflect" in line]
    assert reflections, since
    assert all(re.match(r"• Reflection: (?!Reflect)", line) for line in reflections), reflections
    window.close()
    workspace.close()


def test_the_scan_asks_its_statements_in_the_interface_language(qtbot) -> None:
    set_language("en")
    view = ScanEntryView("Competence scan", Person.STUDENT, statements(), lambda _answers: True)
    qtbot.addWidget(view)
    assert view.statement_label.text() == "I can say what I am good at."
    for statement in statements():
        for rater in PARTICIPANTS:
            assert statement.text(rater).isascii(), statement.id  # no Dutch ë, no Dutch left
            assert " ik " not in f" {statement.text(rater).casefold()} ", statement.id
    set_language("nl")
    assert statements()[0].text(Person.STUDENT) == "Ik kan vertellen waar ik goed in ben."
