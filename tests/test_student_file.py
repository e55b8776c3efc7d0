"""A student's file: the thread on the timeline, and the changes a coach makes to it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from coachdesk.domain.agreements import Agreement, AgreementStatus, Goal
from coachdesk.domain.competences import Competence
from coachdesk.domain.conversations import Conversation, ConversationKind, ConversationState
from coachdesk.domain.experiences import Experience, ExperienceKind
from coachdesk.domain.people import Person
from coachdesk.domain.referrals import Referral, SupportLine
from coachdesk.domain.reflections import Reflection, ReflectionAuthor
from coachdesk.domain.students import Contact, StudentStatus
from coachdesk.domain.timeline import TimelineKind
from coachdesk.errors import ValidationError
from coachdesk.services.student_file import StudentFileService
from coachdesk.storage.repositories import Repositories
from tests.helpers import make_student


@pytest.fixture
def student_id(repos: Repositories) -> str:
    student = repos.students.add(make_student())
    talk = repos.conversations.add(
        Conversation(
            student_id=student.id,
            kind=ConversationKind.TRIALOGUE,
            date=dt.date(2026, 10, 5),
            state=ConversationState.CLOSED,
            topic="Stage",
            summary="Ik wil meer met klanten doen.",
            focus_competences=[Competence.NETWORKING],
        )
    )
    repos.agreements.add(
        Agreement(
            student_id=student.id,
            conversation_id=talk.id,
            description="Feedback vragen",
            owner=Person.STUDENT,
            due_date=dt.date(2026, 11, 1),
        )
    )
    repos.agreements.add(
        Agreement(
            student_id=student.id,
            description="Open dag bezoeken",
            owner=Person.PARENTS,
            status=AgreementStatus.DONE,
        )
    )
    repos.goals.add(Goal(student_id=student.id, description="Zelf plannen"))
    repos.experiences.add(
        Experience(
            student_id=student.id,
            kind=ExperienceKind.COMPANY_VISIT,
            title="Bezoek bakkerij",
            start_date=dt.date(2025, 10, 1),
            competences=[Competence.WORK_EXPLORATION],
        )
    )
    repos.referrals.add(
        Referral(
            student_id=student.id,
            line=SupportLine.SECOND,
            to_whom="Zorgcoördinator",
            reason="Thuissituatie",
            date=dt.date(2026, 3, 1),
        )
    )
    return student.id


def test_the_timeline_holds_every_kind_newest_first(repos: Repositories, student_id: str) -> None:
    file = StudentFileService(repos).open(student_id)
    kinds = {event.kind for event in file.events}
    assert {
        TimelineKind.CONVERSATION,
        TimelineKind.AGREEMENT_MADE,
        TimelineKind.AGREEMENT_CLOSED,
        TimelineKind.GOAL,
        TimelineKind.EXPERIENCE,
        TimelineKind.REFERRAL,
    } <= kinds
    dates = [event.date for event in file.events]
    assert dates == sorted(dates, reverse=True)
    assert file.events[-1].title == "Bezoek bakkerij"
    assert file.events[-1].school_year == "2025-2026"
    assert [a.description for a in file.open_agreements] == ["Feedback vragen"]
    assert [g.description for g in file.current_goals] == ["Zelf plannen"]


def test_a_closed_conversation_on_the_timeline_says_what_came_of_it(
    repos: Repositories, student_id: str
) -> None:
    file = StudentFileService(repos).open(student_id)
    talk = next(e for e in file.events if e.kind is TimelineKind.CONVERSATION)
    assert talk.detail == "Afgerond · Stage · Ik wil meer met klanten doen."


def test_the_timeline_never_shows_why_a_student_was_referred(
    repos: Repositories, student_id: str
) -> None:
    file = StudentFileService(repos).open(student_id)
    referral = next(e for e in file.events if e.kind is TimelineKind.REFERRAL)
    assert "Zorgcoördinator" in referral.detail
    assert all("Thuissituatie" not in f"{e.title} {e.detail}" for e in file.events)


def test_adding_an_experience_links_the_chosen_reflection(
    repos: Repositories, student_id: str
) -> None:
    reflection = repos.reflections.add(
        Reflection(author=ReflectionAuthor.STUDENT, title="STARR", student_id=student_id)
    )
    experience = Experience(
        student_id=student_id,
        kind=ExperienceKind.TASTER_PLACEMENT,
        title="Snuffelstage garage",
        start_date=dt.date(2026, 11, 2),
    )
    service = StudentFileService(repos)
    service.add_experience(experience, reflection.id)
    assert repos.experiences.get(experience.id) == experience
    assert repos.reflections.get(reflection.id).experience_id == experience.id  # type: ignore[union-attr]


def test_a_reflection_of_another_student_cannot_be_linked(
    repos: Repositories, student_id: str
) -> None:
    other = repos.students.add(make_student("999"))
    foreign = repos.reflections.add(
        Reflection(author=ReflectionAuthor.STUDENT, title="X", student_id=other.id)
    )
    experience = Experience(
        student_id=student_id, kind=ExperienceKind.OTHER, title="Y", start_date=dt.date(2026, 1, 1)
    )
    with pytest.raises(ValidationError, match="hoort niet bij deze student"):
        StudentFileService(repos).add_experience(experience, foreign.id)
    assert repos.experiences.get(experience.id) is None  # nothing half-written


def test_a_new_programme_is_recorded_as_a_switch_on_the_timeline(
    repos: Repositories, student_id: str
) -> None:
    service = StudentFileService(repos)
    student = repos.students.get(student_id)
    assert student is not None
    moved = dataclasses.replace(student, programme="Helpende Zorg en Welzijn", level=2)
    parent = Contact(student_id=student_id, role=Person.PARENTS, name="Marieke van der Meer")
    service.save_student(moved, [parent], "Past beter bij haar", today=dt.date(2026, 11, 20))
    file = service.open(student_id)
    switch = next(e for e in file.events if e.kind is TimelineKind.SWITCH)
    assert switch.title == "Overstap: Verzorgende-IG (3) → Helpende Zorg en Welzijn (2)"
    assert switch.detail == "Past beter bij haar"
    assert [c.name for c in file.contacts] == ["Marieke van der Meer"]
    service.save_student(moved, [], today=dt.date(2026, 11, 21))
    assert service.open(student_id).contacts == []
    assert repos.switches.count() == 1


def test_a_student_number_cannot_be_taken_twice(repos: Repositories, student_id: str) -> None:
    repos.students.add(make_student("555"))
    student = repos.students.get(student_id)
    with pytest.raises(ValidationError, match="555 hoort al bij"):
        StudentFileService(repos).save_student(
            dataclasses.replace(student, student_number="555"), []
        )  # type: ignore[type-var]


def test_archiving_keeps_the_file_and_can_be_undone(repos: Repositories, student_id: str) -> None:
    service = StudentFileService(repos)
    archived = service.archive(student_id, dt.date(2026, 11, 20))
    assert archived.status is StudentStatus.ARCHIVED
    assert archived.leave_date == dt.date(2026, 11, 20)
    assert repos.students.caseload() == []
    assert service.open(student_id).events
    assert service.reactivate(student_id).status is StudentStatus.ACTIVE
