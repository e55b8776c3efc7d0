"""Rules of the domain that a coach would recognise."""

from __future__ import annotations

import datetime as dt

import pytest

from coachdesk.domain.agreements import Agreement, AgreementStatus, carried_forward
from coachdesk.domain.competences import Competence, CompetenceScan, scale_label
from coachdesk.domain.consents import consent_giver
from coachdesk.domain.conversations import ConversationKind
from coachdesk.domain.experiences import Experience, ExperienceKind
from coachdesk.domain.people import Person
from coachdesk.domain.reflections import Reflection, ReflectionAuthor
from tests.helpers import make_student


def test_dutch_names_read_naturally_and_sort_by_family_name() -> None:
    student = make_student()
    assert student.full_name == "Zoë van der Meer"
    assert student.sort_name == "Meer, Zoë van der"


def test_age_counts_whole_years_on_a_given_day() -> None:
    student = make_student(date_of_birth=dt.date(2008, 11, 24))
    assert student.age_on(dt.date(2026, 11, 23)) == 17
    assert student.age_on(dt.date(2026, 11, 24)) == 18


@pytest.mark.parametrize(
    ("age", "giver"),
    [
        (14, Person.PARENTS),
        (15, Person.PARENTS),
        (16, Person.STUDENT),
        (18, Person.STUDENT),
        (None, Person.PARENTS),
    ],
)
def test_who_consents_to_sharing_with_parents_follows_the_age_rules(
    age: int | None, giver: Person
) -> None:
    assert consent_giver(age) is giver


def test_open_and_partly_done_agreements_carry_forward_most_urgent_first() -> None:
    def agreement(text: str, status: AgreementStatus, due: dt.date | None) -> Agreement:
        return Agreement(
            student_id="s", description=text, owner=Person.STUDENT, status=status, due_date=due
        )

    carried = carried_forward(
        [
            agreement("later", AgreementStatus.OPEN, dt.date(2026, 5, 1)),
            agreement("klaar", AgreementStatus.DONE, dt.date(2026, 1, 1)),
            agreement("zonder datum", AgreementStatus.OPEN, None),
            agreement("half", AgreementStatus.PARTLY, dt.date(2026, 2, 1)),
            agreement("vervallen", AgreementStatus.DROPPED, None),
        ]
    )
    assert [a.description for a in carried] == ["half", "later", "zonder datum"]


def test_an_open_agreement_past_its_date_is_overdue() -> None:
    agreement = Agreement(
        student_id="s", description="x", owner=Person.COACH, due_date=dt.date(2026, 11, 1)
    )
    assert agreement.is_overdue(dt.date(2026, 11, 23))
    assert not agreement.is_overdue(dt.date(2026, 10, 1))


def test_a_partly_done_agreement_past_its_date_is_late_as_the_caseload_counts_it() -> None:
    agreement = Agreement(
        student_id="s",
        description="x",
        owner=Person.STUDENT,
        due_date=dt.date(2026, 9, 24),
        status=AgreementStatus.PARTLY,
    )
    assert agreement.is_overdue(dt.date(2026, 12, 6))
    agreement.status = AgreementStatus.DONE
    assert not agreement.is_overdue(dt.date(2026, 12, 6))


def test_invalid_records_are_refused() -> None:
    with pytest.raises(ValueError, match="student number"):
        make_student("  ")
    with pytest.raises(ValueError, match="level"):
        make_student(level=5)
    with pytest.raises(ValueError, match="1-4"):
        CompetenceScan(
            student_id="s",
            date=dt.date(2026, 1, 1),
            rater=Person.STUDENT,
            ratings={Competence.QUALITIES: 7},
        )
    with pytest.raises(ValueError, match="end before"):
        Experience(
            student_id="s",
            kind=ExperienceKind.INTERNSHIP,
            title="x",
            start_date=dt.date(2026, 2, 1),
            end_date=dt.date(2026, 1, 1),
        )
    with pytest.raises(ValueError, match="coach"):
        Reflection(author=ReflectionAuthor.STUDENT, title="x")


def test_labels_are_dutch_while_stored_values_stay_stable() -> None:
    assert ConversationKind.TRIALOGUE.value == "trialoog"
    assert ConversationKind.DIALOGUE.label == "Loopbaangesprek (dialoog)"
    assert Competence.WORK_EXPLORATION.label == "Werkexploratie"
    assert scale_label(4) == "bijna altijd"
