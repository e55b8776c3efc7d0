"""The demo caseload: realistic, deterministic, consistent, and never mixed with real data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coachdesk.domain.agreements import AgreementStatus
from coachdesk.domain.conversations import ConversationKind, ConversationState
from coachdesk.domain.people import Person
from coachdesk.domain.students import Pathway
from coachdesk.errors import ValidationError
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.settings import SettingsService
from coachdesk.storage.database import open_store
from coachdesk.storage.repositories import Repositories
from tests.helpers import make_student

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def demo(repos: Repositories) -> Repositories:
    fill_with_demo(repos, today=TODAY)
    return repos


def test_the_default_demo_is_thirty_varied_students(demo: Repositories) -> None:
    students = demo.students.caseload(include_archived=True)
    assert len(students) == 30
    assert len({s.student_number for s in students}) == 30
    assert {s.pathway for s in students} == {Pathway.BOL, Pathway.BBL}
    assert {s.level for s in students} == {1, 2, 3, 4}
    assert any(s.name_prefix for s in students)
    assert any(not s.full_name.isascii() for s in students)
    assert demo.store.is_demo


def test_the_same_seed_gives_the_same_caseload(tmp_path: Path, demo: Repositories) -> None:
    other = Repositories.for_store(open_store(tmp_path / "ander.sqlite"))
    try:
        fill_with_demo(other, today=TODAY)
        assert other.students.caseload(include_archived=True) == demo.students.caseload(
            include_archived=True
        )
        assert other.agreements.select(order_by="id") == demo.agreements.select(order_by="id")
    finally:
        other.store.close()


def test_every_student_has_a_thread_of_conversations(demo: Repositories) -> None:
    for student in demo.students.caseload(include_archived=True):
        conversations = demo.conversations.for_student(student.id)
        assert conversations, student.student_number
        assert min(conversations, key=lambda c: c.date).kind is ConversationKind.INTAKE
        assert demo.experiences.count("student_id = ?", [student.id]) >= 10


def test_a_trialogue_has_the_workplace_trainer_at_the_table(demo: Repositories) -> None:
    trialogues = demo.conversations.select("kind = ?", [ConversationKind.TRIALOGUE.value])
    assert trialogues
    for conversation in trialogues:
        roles = {p.role for p in demo.participants.for_conversation(conversation.id)}
        assert roles == {Person.STUDENT, Person.COACH, Person.WORKPLACE_TRAINER}


def test_agreements_are_carried_forward_and_resolved_at_the_next_conversation(
    demo: Repositories,
) -> None:
    for student in demo.students.caseload(include_archived=True):
        closed = [
            c
            for c in demo.conversations.for_student(student.id)
            if c.state is ConversationState.CLOSED
        ]
        latest = max(closed, key=lambda c: c.date)
        for agreement in demo.agreements.select("student_id = ?", [student.id]):
            if agreement.conversation_id == latest.id:
                assert agreement.status is AgreementStatus.OPEN
            else:
                assert agreement.status is not AgreementStatus.OPEN
                assert agreement.outcome


def test_the_demo_store_is_consistent(demo: Repositories) -> None:
    assert demo.store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert demo.store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_demo_data_is_never_added_to_a_store_with_students(repos: Repositories) -> None:
    repos.students.add(make_student())
    with pytest.raises(ValidationError, match="bevat al studenten"):
        fill_with_demo(repos, today=TODAY)
    assert repos.students.count() == 1
    assert not repos.store.is_demo


def test_a_large_demo_has_about_a_hundred_timeline_items_per_student(
    repos: Repositories,
) -> None:
    report = fill_with_demo(repos, students=200, today=TODAY)
    assert 80 <= report.records / report.students <= 130


def test_the_demo_is_believable_internships_fit_and_nothing_is_said_twice(
    demo: Repositories,
) -> None:
    fits = {
        "Verzorgende-IG": {"Zorgcentrum De Linde"},
        "Software developer": {"Softwarehuis Bitwerk"},
        "Doktersassistent": {"Huisartsenpraktijk Oosterpark"},
        "Eerste monteur elektrotechnische installaties": {
            "Elektro Jansen B.V.",
            "Installatietechniek Noord",
        },
    }
    trainers_of: dict[str, set[str]] = {}
    for student in demo.students.caseload(include_archived=True):
        trainer = next(
            c for c in demo.contacts.select() if c.student_id == student.id and c.role.value == "praktijkopleider"
        )  # fmt: skip
        trainers_of.setdefault(trainer.company, set()).add(trainer.name)
        if student.programme in fits:
            assert trainer.company in fits[student.programme], (student.programme, trainer.company)
        goals = [g.description for g in demo.goals.for_student(student.id)]
        assert len(goals) == len(set(goals)), student.student_number
        open_texts = [
            a.description
            for a in demo.agreements.for_student(student.id)
            if a.status in (AgreementStatus.OPEN, AgreementStatus.PARTLY)
        ]
        assert len(open_texts) == len(set(open_texts)), student.student_number
    assert all(len(names) == 1 for names in trainers_of.values()), trainers_of  # one per company
    trialogues = [
        c
        for c in demo.conversations.select()
        if c.kind is ConversationKind.TRIALOGUE and c.state is ConversationState.CLOSED
    ]
    assert trialogues
    for conversation in trialogues:
        kinds = {n.kind.value for n in demo.notes.for_conversation(conversation.id)}
        assert {"visie_student", "visie_school", "visie_bedrijf"} <= kinds


def test_a_conversation_planned_in_the_demo_names_the_demo_coach(repos: Repositories) -> None:
    fill_with_demo(repos, students=3, today=dt.date(2026, 11, 23))
    assert SettingsService(repos.store).coach_name() == "Mirjam de Haan"
    assert SettingsService(repos.store).coach_contact() == "m.dehaan@demo-roc.nl"
