"""Who is due a conversation, and finding any student in a keystroke."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from coachdesk.app import build_window
from coachdesk.domain.agreements import Agreement, AgreementStatus
from coachdesk.domain.conversations import Conversation, ConversationKind, ConversationState
from coachdesk.domain.experiences import Experience, ExperienceKind
from coachdesk.domain.people import Person
from coachdesk.domain.school_year import Cadence, next_due, period_of, school_year_label
from coachdesk.domain.students import Pathway, StudentStatus
from coachdesk.services.caseload import CaseloadService
from coachdesk.services.settings import SettingsService
from coachdesk.services.student_file import StudentFileService
from coachdesk.storage.repositories import Repositories
from coachdesk.ui.qt_models.caseload_model import CaseloadFilter, CaseloadTableModel
from tests.helpers import make_student

TODAY = dt.date(2026, 11, 23)


def test_school_years_and_periods_follow_the_dutch_calendar() -> None:
    assert school_year_label(dt.date(2026, 7, 31)) == "2025-2026"
    assert school_year_label(dt.date(2026, 8, 1)) == "2026-2027"
    assert [period_of(dt.date(2026, m, 15)) for m in (8, 10, 11, 1, 2, 4, 5, 7)] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]


def test_the_earlier_of_both_cadence_rules_decides_when_a_student_is_due() -> None:
    cadence = Cadence(max_weeks_between=10, per_school_year=2)
    assert next_due(None, 0, TODAY, cadence) == TODAY
    assert next_due(dt.date(2026, 11, 1), 1, TODAY, cadence) == dt.date(2027, 1, 10)
    # Nothing yet this school year: the first of two is due by the end of January.
    assert next_due(dt.date(2026, 11, 20), 0, TODAY, cadence) == dt.date(2027, 1, 29)
    assert next_due(dt.date(2026, 11, 20), 2, TODAY, Cadence(4, 2)) == dt.date(2026, 12, 18)


@pytest.fixture
def caseload(repos: Repositories) -> Repositories:
    seen = repos.students.add(
        make_student("1", given_name="Zoë", family_name="Bakker", group="VIG3A")
    )
    repos.students.add(
        make_student(
            "2", given_name="Sem", family_name="Smit", group="KOK2B", pathway=Pathway.BBL, level=2
        )
    )
    repos.students.add(
        make_student(
            "3",
            given_name="Ilse",
            family_name="Vos",
            status=StudentStatus.ARCHIVED,
            leave_date=dt.date(2026, 6, 1),
        )
    )
    talk = repos.conversations.add(
        Conversation(
            student_id=seen.id,
            kind=ConversationKind.DIALOGUE,
            date=dt.date(2026, 9, 1),
            state=ConversationState.CLOSED,
        )
    )
    repos.conversations.add(
        Conversation(student_id=seen.id, kind=ConversationKind.TRIALOGUE, date=dt.date(2026, 12, 1))
    )
    repos.agreements.add(
        Agreement(
            student_id=seen.id,
            conversation_id=talk.id,
            description="Bellen",
            owner=Person.STUDENT,
            due_date=dt.date(2026, 10, 1),
        )
    )
    repos.experiences.add(
        Experience(
            student_id=seen.id,
            kind=ExperienceKind.INTERNSHIP,
            title="Stage",
            start_date=dt.date(2026, 9, 1),
            organisation="Zorgcentrum De Linde",
        )
    )
    return repos


def test_the_overview_shows_last_talk_plans_agreements_and_company(caseload: Repositories) -> None:
    entries = {
        e.student.student_number: e for e in CaseloadService(caseload).overview(TODAY, Cadence())
    }
    zoe, sem, ilse = entries["1"], entries["2"], entries["3"]
    assert zoe.last_conversation == dt.date(2026, 9, 1)
    assert zoe.planned_conversation == dt.date(2026, 12, 1)
    assert (zoe.open_agreements, zoe.overdue_agreements) == (1, 1)
    assert zoe.internship_company == "Zorgcentrum De Linde"
    assert not zoe.is_overdue(TODAY)  # due, but a conversation is planned
    assert sem.never_seen and sem.is_overdue(TODAY)
    assert ilse.next_due is None and not ilse.is_overdue(TODAY)


def test_partly_done_agreements_count_as_open_as_on_the_student_screen(
    caseload: Repositories,
) -> None:
    zoe = caseload.students.by_number("1")
    assert zoe is not None
    caseload.agreements.add(
        Agreement(
            student_id=zoe.id,
            description="Mirjam stuurt de contactgegevens",
            owner=Person.COACH,
            status=AgreementStatus.PARTLY,
            due_date=dt.date(2026, 11, 16),
        )
    )
    entries = {
        e.student.student_number: e for e in CaseloadService(caseload).overview(TODAY, Cadence())
    }
    shown = StudentFileService(caseload).open(zoe.id).open_agreements
    assert (entries["1"].open_agreements, entries["1"].overdue_agreements) == (len(shown), 2)


def _next_conversation(repos: Repositories) -> dt.date | None:
    (entry,) = CaseloadService(repos).overview(TODAY, Cadence())
    return entry.planned_conversation


def _close(repos: Repositories, student_id: str, held: dt.date, agreed: dt.date) -> None:
    repos.conversations.add(
        Conversation(
            student_id=student_id,
            kind=ConversationKind.DIALOGUE,
            date=held,
            state=ConversationState.CLOSED,
            next_appointment=agreed,
            next_appointment_time=dt.time(10, 30),
            closed_at=dt.datetime.combine(held, dt.time(15, 0)),
        )
    )


def test_the_next_conversation_is_the_appointment_agreed_at_the_last_close(
    repos: Repositories,
) -> None:
    student = repos.students.add(make_student("1"))
    _close(repos, student.id, dt.date(2026, 10, 1), agreed=dt.date(2027, 2, 1))
    _close(repos, student.id, dt.date(2026, 11, 2), agreed=dt.date(2026, 12, 10))
    assert _next_conversation(repos) == dt.date(2026, 12, 10)  # the latest close decides
    assert (
        not CaseloadService(repos)
        .overview(TODAY, Cadence())[0]
        .is_overdue(TODAY + dt.timedelta(weeks=20))
    )

    repos.conversations.add(
        Conversation(
            student_id=student.id, kind=ConversationKind.DIALOGUE, date=dt.date(2026, 12, 3)
        )
    )
    assert _next_conversation(repos) == dt.date(2026, 12, 3)  # a planned one earlier wins


def test_an_appointment_agreed_for_a_day_gone_by_is_no_next_conversation(
    repos: Repositories,
) -> None:
    student = repos.students.add(make_student("1"))
    _close(repos, student.id, dt.date(2026, 10, 1), agreed=dt.date(2026, 11, 20))
    assert _next_conversation(repos) is None
    _close(repos, student.id, dt.date(2026, 11, 20), agreed=TODAY)
    assert _next_conversation(repos) == TODAY
    model = _model(repos)
    assert model.data(model.index(0, CaseloadTableModel.DUE_COLUMN)) == "gepland 23 nov"


def test_a_first_screenful_has_the_same_facts_as_the_whole_caseload(
    caseload: Repositories,
) -> None:
    service = CaseloadService(caseload)
    whole = {e.student.id: e for e in service.overview(TODAY, Cadence())}
    first = service.overview(TODAY, Cadence(), first=1)
    assert [e.student.given_name for e in first] == ["Zoë"]  # active, in class-list order
    assert first == [whole[first[0].student.id]]
    assert len(service.overview(TODAY, Cadence(), first=60)) == 2  # archived ones come later


def test_the_cadence_is_a_setting_kept_in_the_store(repos: Repositories) -> None:
    settings = SettingsService(repos.store)
    assert settings.cadence() == Cadence(10, 2)
    settings.set_cadence(Cadence(6, 3))
    assert SettingsService(repos.store).cadence() == Cadence(6, 3)


def _model(repos: Repositories) -> CaseloadTableModel:
    model = CaseloadTableModel(TODAY)
    model.set_entries(CaseloadService(repos).overview(TODAY, Cadence()))
    return model


def _names(model: CaseloadTableModel) -> list[str]:
    return [model.entry_at(row).student.given_name for row in range(model.rowCount())]


def test_search_ignores_accents_and_case_and_covers_number_class_company(
    caseload: Repositories,
) -> None:
    model = _model(caseload)
    assert _names(model) == ["Zoë", "Sem"]  # archived students hidden by default
    for query in ("zoe", "ZOË", "bakker zo", "vig3", "linde"):
        model.set_filter(CaseloadFilter(query=query))
        assert _names(model) == ["Zoë"], query
    model.set_filter(CaseloadFilter(query="2"))
    assert _names(model) == ["Sem"]


def test_typing_and_erasing_letter_by_letter_finds_the_same_as_a_fresh_search(
    caseload: Repositories,
) -> None:
    model = _model(caseload)
    typed = ["s", "sm", "smi", "sm", "s", "", "z", "zo", "zoë b", "zoe", "v"]
    for query in typed:
        model.set_filter(CaseloadFilter(query=query))
        fresh = _model(caseload)
        fresh.set_filter(CaseloadFilter(query=query))
        assert _names(model) == _names(fresh), query
    model.set_filter(CaseloadFilter(query="z", status=None))  # another filter, same text
    assert _names(model) == ["Zoë"]
    assert model.late_count() == 0
    model.set_filter(CaseloadFilter(query=""))
    assert model.late_count() == 1  # Sem was never seen; Zoë has a conversation planned


def test_filters_combine(caseload: Repositories) -> None:
    model = _model(caseload)
    model.set_filter(CaseloadFilter(pathway=Pathway.BBL))
    assert _names(model) == ["Sem"]
    model.set_filter(CaseloadFilter(level=3, status=None))
    assert _names(model) == ["Zoë", "Ilse"]
    model.set_filter(CaseloadFilter(status=StudentStatus.ARCHIVED))
    assert _names(model) == ["Ilse"]
    model.set_filter(CaseloadFilter(group="KOK2B"))
    assert _names(model) == ["Sem"]


def test_not_seen_lately_lists_the_longest_unseen_first(caseload: Repositories) -> None:
    model = _model(caseload)
    model.sort(CaseloadTableModel.LAST_COLUMN, Qt.SortOrder.AscendingOrder)
    model.set_filter(CaseloadFilter(not_seen_since=TODAY - dt.timedelta(weeks=10)))
    assert _names(model) == ["Sem", "Zoë"]
    model.set_filter(CaseloadFilter(not_seen_since=dt.date(2026, 8, 1)))
    assert _names(model) == ["Sem"]


def test_the_table_says_who_is_due_in_words(caseload: Repositories) -> None:
    model = _model(caseload)
    due = model.index(1, CaseloadTableModel.DUE_COLUMN)
    assert model.data(due) == "nog niet gesproken"
    assert model.data(due, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(0, CaseloadTableModel.DUE_COLUMN)) == "gepland 1 dec"
    assert model.data(model.index(0, CaseloadTableModel.AGREEMENTS_COLUMN)) == "1 (1 te laat)"
    assert model.data(model.index(0, CaseloadTableModel.LAST_COLUMN)) == "1 sep"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["Sem", "Zoë"]


def test_started_by_the_coach_the_window_opens_with_a_screenful_and_loads_the_rest_after(
    qtbot, repos: Repositories, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coachdesk.services.demo_data import fill_with_demo
    from coachdesk.services.workspace import StoreLocation, Workspace
    from coachdesk.ui import main_window
    from coachdesk.ui.screens.conversation.conversation_screen import ConversationScreen

    monkeypatch.setattr(main_window, "FIRST_SCREENFUL", 3)
    fill_with_demo(repos, students=5, today=TODAY)
    workspace = Workspace(StoreLocation(repos.store.path.parent), repos)
    window = build_window(workspace, TODAY, caseload_after_paint=True)
    qtbot.addWidget(window)
    model = window.caseload_screen.model
    assert model.total_count() == 3  # a screenful, not what grows with the store
    assert window.caseload_screen.count_label.text() == "Alle studenten laden…"
    window.show()
    qtbot.waitUntil(lambda: model.total_count() == 5)
    assert not isinstance(window.stack.widget(2), ConversationScreen)  # built when first used
    window.show_screen(2)
    assert window.stack.currentWidget() is window.conversation_screen


def test_the_student_list_sorts_names_as_a_class_list_does(repos: Repositories) -> None:
    """Found walking: `coachdesk students` put Öztürk and Śliwa after Zwart."""
    for number, family in (("1", "Zwart"), ("2", "Öztürk"), ("3", "Oud"), ("4", "Śliwa")):
        repos.students.add(make_student(number, family_name=family, name_prefix=""))
    names = [s.family_name for s in CaseloadService(repos).students()]
    assert names == ["Oud", "Öztürk", "Śliwa", "Zwart"]


def test_letters_without_an_accent_to_strip_are_found_as_typed_on_any_keyboard(
    repos: Repositories,
) -> None:
    """Found walking: "yilmaz" found no Yılmaz and "lukasz" no Łukasz."""
    for number, given, family in (("1", "Łukasz", "Yılmaz"), ("2", "Søren", "Đorđević")):
        repos.students.add(make_student(number, given_name=given, family_name=family))
    model = _model(repos)
    for typed, found in (("yilmaz", "Łukasz"), ("lukasz", "Łukasz"), ("soren dorde", "Søren")):
        model.set_filter(CaseloadFilter(query=typed))
        assert _names(model) == [found], typed


def test_namesakes_keep_one_order_from_the_first_screenful_to_the_whole_caseload(
    repos: Repositories,
) -> None:
    """Found walking: three "Bakker, Iris" swapped places when the whole caseload loaded."""
    for number in ("3", "1", "2"):  # stored out of order
        repos.students.add(make_student(number, given_name="Iris", family_name="Bakker"))
    model = _model(repos)
    model.sort(0, Qt.SortOrder.AscendingOrder)  # by name
    numbers = [model.entry_at(row).student.student_number for row in range(model.rowCount())]
    assert numbers == ["1", "2", "3"]  # as the first screenful is chosen: by student number


def test_the_columns_fit_the_first_screenful_so_nothing_jumps_when_the_rest_loads(
    qtbot, repos: Repositories
) -> None:
    """Found walking: the first screenful showed cut-off names until the whole caseload loaded."""
    from coachdesk.services.demo_data import fill_with_demo
    from coachdesk.services.workspace import StoreLocation, Workspace

    fill_with_demo(repos, students=8, today=TODAY)  # all in the first screenful
    workspace = Workspace(StoreLocation(repos.store.path.parent), repos)
    window = build_window(workspace, TODAY, caseload_after_paint=True)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    table = window.caseload_screen.table
    qtbot.waitExposed(window)
    first = [table.columnWidth(column) for column in range(table.model().columnCount())]
    qtbot.waitUntil(lambda: window.caseload_screen.count_label.text() != "Alle studenten laden…")
    assert [table.columnWidth(column) for column in range(table.model().columnCount())] == first
