"""Prepare, hold and close: the agreements come back next time; the calm screen shows little."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from coachdesk.domain.agreements import Agreement, AgreementStatus, Goal, GoalStatus
from coachdesk.domain.competences import Competence
from coachdesk.domain.conversations import ConversationKind, ConversationState
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.people import COACH_ONLY, Person
from coachdesk.domain.questions import Phase
from coachdesk.domain.students import Contact
from coachdesk.errors import ValidationError
from coachdesk.services.closing import Closing, SharedText, consent_giver_label
from coachdesk.services.conversation_flow import ConversationFlow
from coachdesk.services.participants import default_participants
from coachdesk.services.question_bank import QuestionBank, builtin_questions
from coachdesk.storage.repositories import Repositories
from tests.helpers import make_student

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def student(repos: Repositories):
    return repos.students.add(make_student(date_of_birth=dt.date(2010, 1, 5)))  # 16 today


def _dialogue(flow: ConversationFlow, student, day: dt.date):
    return flow.start(
        student.id,
        ConversationKind.DIALOGUE,
        day,
        [(Person.STUDENT, student.full_name, None), (Person.COACH, "Mirjam de Haan", None)],
    )


def test_open_agreements_come_back_in_the_next_preparation(repos: Repositories, student) -> None:
    flow = ConversationFlow(repos)
    first = _dialogue(flow, student, dt.date(2026, 9, 1))
    flow.close(
        first.id,
        Closing(
            summary=SharedText("Ik wil meer weten over de zorg."),
            agreements=[
                Agreement(
                    student_id=student.id,
                    description="Meeloopdag regelen",
                    owner=Person.STUDENT,
                    due_date=dt.date(2026, 10, 1),
                ),
                Agreement(student_id=student.id, description="Decaan mailen", owner=Person.COACH),
            ],
        ),
        today=dt.date(2026, 9, 1),
    )
    second = _dialogue(flow, student, TODAY)
    preparation = flow.prepare(second.id)
    assert preparation.previous is not None and preparation.previous.id == first.id
    assert [a.description for a in preparation.earlier_agreements] == [
        "Meeloopdag regelen",
        "Decaan mailen",
    ]

    done, other = preparation.earlier_agreements
    flow.mark_agreement(done.id, AgreementStatus.DONE, "Gelukt, bij Zorgcentrum De Linde")
    flow.mark_agreement(other.id, AgreementStatus.PARTLY, "Mail gestuurd, nog geen antwoord")
    flow.close(second.id, Closing(summary=SharedText("Het ging goed.")), today=TODAY)
    third = _dialogue(flow, student, TODAY + dt.timedelta(days=30))
    carried = flow.prepare(third.id).earlier_agreements
    assert [a.description for a in carried] == ["Decaan mailen"]
    assert carried[0].outcome == "Mail gestuurd, nog geen antwoord"


def test_a_trialogue_needs_the_workplace_trainer(repos: Repositories, student) -> None:
    flow = ConversationFlow(repos)
    with pytest.raises(ValidationError, match="praktijkopleider"):
        flow.start(student.id, ConversationKind.TRIALOGUE, TODAY, [(Person.STUDENT, "Zoë", None)])
    trainer = repos.contacts.add(
        Contact(
            student_id=student.id,
            role=Person.WORKPLACE_TRAINER,
            name="Karin Bosman",
            company="Zorgcentrum De Linde",
        )
    )
    parent = repos.contacts.add(
        Contact(student_id=student.id, role=Person.PARENTS, name="Marieke van der Meer")
    )
    people = default_participants(student, ConversationKind.TRIALOGUE, "Mirjam", [parent, trainer])
    assert [(role, name) for role, name, _id in people] == [
        (Person.STUDENT, "Zoë van der Meer"),
        (Person.COACH, "Mirjam"),
        (Person.WORKPLACE_TRAINER, "Karin Bosman"),
    ]
    conversation = flow.start(student.id, ConversationKind.TRIALOGUE, TODAY, people)
    assert len(repos.participants.for_conversation(conversation.id)) == 3


def test_a_conversation_planned_for_later_but_held_today_is_dated_today(
    repos: Repositories, student
) -> None:
    flow = ConversationFlow(repos)
    conversation = _dialogue(flow, student, TODAY + dt.timedelta(days=13))
    flow.calm_view(conversation.id, TODAY)
    held = repos.conversations.get(conversation.id)
    assert held is not None
    assert (held.state, held.date) == (ConversationState.HELD, TODAY)
    flow.calm_view(conversation.id, TODAY + dt.timedelta(days=1))  # back in after a break
    assert repos.conversations.get(conversation.id).date == TODAY  # type: ignore[union-attr]


def test_one_planned_for_later_and_closed_straight_away_is_dated_the_day_it_was_closed(
    repos: Repositories, student
) -> None:
    """Found walking: closed on 6 December without the calm view, the conversation kept its
    planned 12 December, so the caseload said "Gesproken 14 aug" and counted it late."""
    flow = ConversationFlow(repos)
    conversation = _dialogue(flow, student, TODAY + dt.timedelta(days=6))
    closed = flow.close(conversation.id, Closing(), TODAY)
    assert closed.date == TODAY
    edited = flow.close(conversation.id, Closing(), TODAY + dt.timedelta(days=10))
    assert edited.date == TODAY  # changing it later does not move when it was held


def test_the_calm_view_holds_only_first_name_questions_and_keywords(
    repos: Repositories, student
) -> None:
    flow = ConversationFlow(repos)
    conversation = _dialogue(flow, student, TODAY)
    flow.choose(
        conversation.id, [Competence.MOTIVES], ["Wat gaf je energie?", "Wanneer was je trots?"]
    )
    view = flow.calm_view(conversation.id, TODAY)
    assert view.first_name == "Zoë"
    assert view.questions == ["Wat gaf je energie?", "Wanneer was je trots?"]
    assert repos.conversations.get(conversation.id).state is ConversationState.HELD  # type: ignore[union-attr]
    flow.save_keywords(conversation.id, "Wanneer was je trots?", "taart voor oma")
    flow.save_keywords(conversation.id, "Wat gaf je energie?", "klanten")
    flow.save_keywords(conversation.id, "Wanneer was je trots?", "taart voor oma, zelf bedacht")
    assert flow.calm_view(conversation.id, TODAY).keywords == {
        "Wat gaf je energie?": "klanten",
        "Wanneer was je trots?": "taart voor oma, zelf bedacht",
    }
    assert flow.keywords(conversation.id) == [  # in the order the questions were asked
        ("Wat gaf je energie?", "klanten"),
        ("Wanneer was je trots?", "taart voor oma, zelf bedacht"),
    ]
    live = repos.notes.live_notes(conversation.id)
    assert len(live) == 2 and {n.audience for n in live} == {COACH_ONLY}


def test_closing_records_notes_with_audiences_goals_and_consent(
    repos: Repositories, student
) -> None:
    flow = ConversationFlow(repos)
    conversation = _dialogue(flow, student, TODAY)
    closing = Closing(
        summary=SharedText("Ik ben trots op mijn stage."),
        insights={
            Competence.QUALITIES: SharedText("Ik blijf rustig als het druk is.", (Person.PARENTS,))
        },
        goals=[
            Goal(
                student_id=student.id,
                description="Zelf plannen",
                competence=Competence.CAREER_STEERING,
            )
        ],
        next_appointment=dt.date(2027, 1, 20),
        private_note="Thuis speelt iets; voorzichtig navragen.",
        share_with_parents=True,
    )
    closed = flow.close(conversation.id, closing, today=TODAY)
    assert closed.state is ConversationState.CLOSED and closed.closed_at is not None
    assert closed.edited_after_close_at is None
    again = flow.closing(conversation.id)
    assert again.summary == SharedText("Ik ben trots op mijn stage.")
    assert again.insights == {
        Competence.QUALITIES: SharedText("Ik blijf rustig als het druk is.", (Person.PARENTS,))
    }
    assert again.private_note == "Thuis speelt iets; voorzichtig navragen."
    assert (again.share_with_parents, again.share_with_trainer) == (True, False)
    consents = repos.consents.select("conversation_id = ?", [conversation.id])
    assert {c.given_by for c in consents} == {Person.STUDENT}  # 16: the student decides
    assert [g.description for g in again.goals] == ["Zelf plannen"]

    edited = flow.close(
        conversation.id, dataclasses.replace(again, summary=SharedText("Aangepast.")), today=TODAY
    )
    assert edited.edited_after_close_at is not None
    assert (
        repos.notes.count(
            "conversation_id = ? AND kind = ?", [conversation.id, NoteKind.GENERAL.value]
        )
        == 2
    )


@pytest.mark.parametrize(
    ("born", "label"),
    [
        (dt.date(2011, 6, 1), "een ouder (de student is 15)"),
        (dt.date(2010, 1, 5), "de student (16 jaar)"),
        (dt.date(2008, 1, 5), "de student (18 jaar)"),
        (None, "een ouder (leeftijd onbekend)"),
    ],
)
def test_who_consents_follows_the_age_rules(born: dt.date | None, label: str) -> None:
    assert consent_giver_label(make_student(date_of_birth=born), TODAY) == label


def test_the_question_bank_offers_built_ins_and_the_coachs_own(repos: Repositories) -> None:
    bank = QuestionBank(repos)
    assert len(builtin_questions()) >= 25
    own = bank.add("Wat zou je oma zeggen over je stage?", Phase.EXPLORING, Competence.NETWORKING)
    focused = bank.questions([Competence.NETWORKING])
    assert focused[0].competence is Competence.NETWORKING
    assert own in focused
    edited = bank.edit(own, "Wat zou je opa zeggen over je stage?")
    assert repos.questions.get(own.id).text == edited.text  # type: ignore[union-attr]
    with pytest.raises(ValidationError):
        bank.edit(builtin_questions()[0], "anders")
    bank.delete(edited)
    assert repos.questions.count() == 0


def test_closing_can_mark_an_earlier_goal_as_achieved(repos: Repositories, student) -> None:
    flow = ConversationFlow(repos)
    goal = repos.goals.add(Goal(student_id=student.id, description="Zelf een stage zoeken"))
    conversation = _dialogue(flow, student, TODAY)
    assert [g.id for g in flow.prepare(conversation.id).open_goals] == [goal.id]
    flow.close(
        conversation.id,
        Closing(goals=[dataclasses.replace(goal, status=GoalStatus.ACHIEVED)]),
        TODAY,
    )
    stored = repos.goals.get(goal.id)
    assert stored is not None and stored.status is GoalStatus.ACHIEVED
    assert stored.conversation_id is None  # it still belongs to where it was set
    assert flow.prepare(_dialogue(flow, student, TODAY).id).open_goals == []
