"""Every kind of record survives the trip to the store and back unchanged."""

from __future__ import annotations

import datetime as dt

from coachdesk.domain.agreements import Agreement, Goal
from coachdesk.domain.audience import Note
from coachdesk.domain.competences import Competence, CompetenceScan
from coachdesk.domain.consents import Consent, ConsentSubject
from coachdesk.domain.conversations import Conversation, ConversationKind, Participant
from coachdesk.domain.experiences import Experience, ExperienceKind
from coachdesk.domain.people import COACH_ONLY, Person
from coachdesk.domain.referrals import Referral, SupportLine
from coachdesk.domain.reflections import Reflection, ReflectionAuthor
from coachdesk.domain.students import Contact
from coachdesk.storage.repositories import Repositories
from tests.helpers import make_student


def test_all_record_kinds_round_trip(repos: Repositories) -> None:
    student = repos.students.add(
        make_student(given_name="Ayşe 🌟", family_name="Yılmaz-Wiśniewski", name_prefix="")
    )
    contact = repos.contacts.add(
        Contact(
            student_id=student.id,
            role=Person.WORKPLACE_TRAINER,
            name="Karin",
            company="Bakkerij <Van Dam> & Zn.",
        )
    )
    experience = repos.experiences.add(
        Experience(
            student_id=student.id,
            kind=ExperienceKind.INTERNSHIP,
            title="Stage",
            start_date=dt.date(2026, 2, 1),
            end_date=dt.date(2026, 6, 30),
            contact_id=contact.id,
            competences=[Competence.QUALITIES, Competence.NETWORKING],
        )
    )
    conversation = repos.conversations.add(
        Conversation(
            student_id=student.id,
            kind=ConversationKind.TRIALOGUE,
            date=dt.date(2026, 3, 10),
            summary="Ik durf nu **meer**.\nTweede regel.",
            focus_competences=[Competence.MOTIVES],
            next_appointment=dt.date(2026, 5, 1),
        )
    )
    records = [
        repos.participants.add(
            Participant(
                conversation_id=conversation.id,
                role=Person.WORKPLACE_TRAINER,
                name="Karin",
                contact_id=contact.id,
            )
        ),
        repos.notes.add(
            Note(
                student_id=student.id,
                conversation_id=conversation.id,
                body="Alleen voor mij",
                audience=COACH_ONLY,
                competence=Competence.MOTIVES,
            )
        ),
        repos.agreements.add(
            Agreement(
                student_id=student.id,
                conversation_id=conversation.id,
                description="Feedback vragen",
                owner=Person.STUDENT,
                due_date=dt.date(2026, 4, 1),
            )
        ),
        repos.goals.add(
            Goal(
                student_id=student.id,
                description="Zelf plannen",
                competence=Competence.CAREER_STEERING,
            )
        ),
        repos.reflections.add(
            Reflection(
                author=ReflectionAuthor.STUDENT,
                title="STARR",
                body="## Situatie\n- een\n- twee",
                student_id=student.id,
                experience_id=experience.id,
            )
        ),
        repos.scans.add(
            CompetenceScan(
                student_id=student.id,
                date=dt.date(2026, 1, 5),
                rater=Person.COACH,
                ratings={Competence.QUALITIES: 3, Competence.MOTIVES: 1},
            )
        ),
        repos.referrals.add(
            Referral(
                student_id=student.id,
                line=SupportLine.SECOND,
                to_whom="Zorgcoördinator",
                reason="Planning",
                date=dt.date(2026, 2, 2),
            )
        ),
        repos.consents.add(
            Consent(
                student_id=student.id,
                subject=ConsentSubject.SUMMARY,
                recipient=Person.PARENTS,
                granted=True,
                given_by=Person.STUDENT,
                date=dt.date(2026, 3, 10),
            )
        ),
    ]
    assert repos.students.get(student.id) == student
    assert repos.contacts.get(contact.id) == contact
    assert repos.experiences.get(experience.id) == experience
    assert repos.conversations.get(conversation.id) == conversation
    for record in records:
        repository = {
            "Participant": repos.participants,
            "Note": repos.notes,
            "Agreement": repos.agreements,
            "Goal": repos.goals,
            "Reflection": repos.reflections,
            "CompetenceScan": repos.scans,
            "Referral": repos.referrals,
            "Consent": repos.consents,
        }[type(record).__name__]
        assert repository.get(record.id) == record


def test_removing_a_student_removes_everything_about_them(repos: Repositories) -> None:
    student = repos.students.add(make_student())
    conversation = repos.conversations.add(
        Conversation(
            student_id=student.id, kind=ConversationKind.DIALOGUE, date=dt.date(2026, 1, 1)
        )
    )
    repos.notes.add(Note(student_id=student.id, conversation_id=conversation.id, body="x"))
    repos.students.delete(student.id)
    assert repos.conversations.count() == 0
    assert repos.notes.count() == 0
