"""The demo's conversations: a plan per student, what was said, agreed and set as goals.

Agreements carry over: partly done ones come back at the next conversation, so the demo
shows the follow-up a coach would see.
"""

from __future__ import annotations

import datetime as dt

from coachdesk.domain.agreements import Agreement, AgreementStatus, Goal, GoalStatus
from coachdesk.domain.audience import Note
from coachdesk.domain.competences import Competence
from coachdesk.domain.conversations import (
    Conversation,
    ConversationKind,
    ConversationState,
    Participant,
)
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.people import COACH_ONLY, Person
from coachdesk.domain.students import Contact, Student, StudentStatus
from coachdesk.services.closing import PARTY_VIEWS, needs_party_views
from coachdesk.services.demo_draws import DemoDraws


class DemoConversations:
    """Writes one student's conversations with the draws of the caseload they belong to."""

    def __init__(self, draws: DemoDraws) -> None:
        self.draws = draws
        self.rng, self.material = draws.rng, draws.material
        self.today, self.start, self.stamp = draws.today, draws.start, draws.stamp

    def _conversation_plan(self) -> list[tuple[dt.date, ConversationKind]]:
        """Return dates and kinds: an intake, then every 5–9 weeks; some students are overdue."""
        rng = self.rng
        last_day = self.today - dt.timedelta(days=rng.choice((3, 10, 30, 60, 90)))
        day = self.start + dt.timedelta(days=rng.randint(7, 20))
        plan = [(day, ConversationKind.INTAKE)]
        kinds = [
            ConversationKind.DIALOGUE,
            ConversationKind.DIALOGUE,
            ConversationKind.DIALOGUE,
            ConversationKind.TRIALOGUE,
            ConversationKind.TRIALOGUE,
            ConversationKind.PROGRESS,
            ConversationKind.PLACEMENT_VISIT,
            ConversationKind.PARENTS,
            ConversationKind.SCAN_REVIEW,
        ]
        while True:
            day += dt.timedelta(weeks=rng.randint(5, 9))
            if day > last_day:
                return plan
            plan.append((day, rng.choice(kinds)))

    def write(self, student: Student, parent: Contact, trainer: Contact, company: str) -> None:
        """Write every conversation of ``student``: held ones closed, some planned soon."""
        rng, material = self.rng, self.material
        coach_name = material["coach"]
        open_agreements: list[Agreement] = []
        goals_set: set[str] = set()
        plan = self._conversation_plan()
        if rng.random() < 0.3 and student.status is StudentStatus.ACTIVE:
            soon = rng.randint(1, 14)  # about half of the planned ones are trialogues
            kind = ConversationKind.TRIALOGUE if soon % 2 else ConversationKind.DIALOGUE
            plan.append((self.today + dt.timedelta(days=soon), kind))
        for day, kind in plan:
            upcoming = day > self.today
            conversation = Conversation(
                student_id=student.id,
                kind=kind,
                date=day,
                time=dt.time(rng.choice([9, 10, 11, 13, 14, 15]), rng.choice([0, 30])),
                state=ConversationState.PREPARED if upcoming else ConversationState.CLOSED,
                place=company
                if kind in (ConversationKind.TRIALOGUE, ConversationKind.PLACEMENT_VISIT)
                else "School",
                focus_competences=rng.sample(list(Competence), rng.randint(1, 2)),
            )
            self.stamp(conversation, min(day, self.today))
            people: list[tuple[Person, str, str | None]] = [
                (Person.STUDENT, student.full_name, None),
                (Person.COACH, coach_name, None),
            ]
            if kind in (ConversationKind.TRIALOGUE, ConversationKind.PLACEMENT_VISIT):
                people.append((Person.WORKPLACE_TRAINER, trainer.name, trainer.id))
            if kind is ConversationKind.PARENTS:
                people.append((Person.PARENTS, parent.name, parent.id))
            for role, name, contact_id in people:
                self.stamp(
                    Participant(
                        conversation_id=conversation.id, role=role, name=name, contact_id=contact_id
                    ),
                    day,
                )
            if upcoming:
                continue
            for agreement in open_agreements:
                # Partly done once, then finished or dropped the next time: nothing lingers.
                choices = [AgreementStatus.DONE, AgreementStatus.DONE, AgreementStatus.DROPPED]
                if agreement.status is AgreementStatus.OPEN:
                    choices += [AgreementStatus.PARTLY, AgreementStatus.NOT_DONE]
                agreement.status = rng.choice(choices)
                agreement.outcome = rng.choice(material["outcomes"][agreement.status.value])
                agreement.updated_at = conversation.created_at
            pending = [a for a in open_agreements if a.status is AgreementStatus.PARTLY]
            conversation.topic = rng.choice(material["summaries"]).split(".")[0]
            conversation.summary = rng.choice(material["summaries"])
            conversation.closed_at = conversation.created_at + dt.timedelta(minutes=30)
            conversation.next_appointment = day + dt.timedelta(weeks=10)
            conversation.next_appointment_time = conversation.time
            conversation.next_appointment_place = conversation.place
            self._conversation_notes(student, conversation)
            names = {role: name for role, name, _contact in people}
            names[Person.STUDENT] = student.given_name
            taken = {a.description for a in pending}
            open_agreements = pending + self._agreements(conversation, kind, names, taken)
            if rng.random() < 0.35:
                self._goal(student, conversation, goals_set)

    def _conversation_notes(self, student: Student, conversation: Conversation) -> None:
        rng = self.rng
        if needs_party_views(conversation.kind):  # a trialogue records every party's view
            for kind in PARTY_VIEWS:
                view = Note(
                    student_id=student.id,
                    conversation_id=conversation.id,
                    body=rng.choice(self.material["views"][kind.value]),
                    audience=Person.STUDENT,
                    readers=[Person.WORKPLACE_TRAINER],
                    kind=kind,
                )
                self.stamp(view, conversation.date)
        summary = Note(
            student_id=student.id,
            conversation_id=conversation.id,
            body=conversation.summary,
            audience=Person.STUDENT,
            readers=rng.choice([[], [Person.PARENTS]]),
        )
        self.stamp(summary, conversation.date)
        for competence in conversation.focus_competences:
            note = Note(
                student_id=student.id,
                conversation_id=conversation.id,
                competence=competence,
                kind=NoteKind.INSIGHT,
                body=rng.choice(self.material["insights"][competence.value]),
                audience=Person.STUDENT,
                readers=rng.choice([[], [Person.PARENTS], [Person.WORKPLACE_TRAINER]]),
            )
            self.stamp(note, conversation.date)
        if rng.random() < 0.15:
            private = Note(
                student_id=student.id,
                conversation_id=conversation.id,
                body=rng.choice(self.material["private_notes"]),
                audience=COACH_ONLY,
            )
            self.stamp(private, conversation.date)

    def _agreements(
        self,
        conversation: Conversation,
        kind: ConversationKind,
        names: dict[Person, str],
        taken: set[str],
    ) -> list[Agreement]:
        """Two or three agreements, each owned by someone at the table, by name; none twice."""
        rng = self.rng
        choices = [
            (owner, text) for owner, text in self.material["agreements"] if text not in taken
        ]
        choices = [
            (owner, text)
            for owner, text in choices
            if owner in ("student", "coach")
            or (owner == "praktijkopleider" and kind is ConversationKind.TRIALOGUE)
            or (owner == "ouders" and kind is ConversationKind.PARENTS)
        ]
        made = []
        for owner, text in rng.sample(choices, min(len(choices), rng.randint(2, 3))):
            agreement = Agreement(
                student_id=conversation.student_id,
                conversation_id=conversation.id,
                description=text,
                owner=Person(owner),
                owner_name=names[Person(owner)],
                due_date=conversation.date + dt.timedelta(weeks=rng.randint(3, 12)),
            )
            made.append(self.stamp(agreement, conversation.date))
        return made

    def _goal(self, student: Student, conversation: Conversation, goals_set: set[str]) -> None:
        """A goal the student has not set before."""
        fresh = [(c, text) for c, text in self.material["goals"] if text not in goals_set]
        if not fresh:
            return
        competence, text = self.rng.choice(fresh)
        goals_set.add(text)
        achieved = (self.today - conversation.date).days > 150
        goal = Goal(
            student_id=student.id,
            conversation_id=conversation.id,
            description=text,
            competence=Competence(competence),
            target_date=conversation.date + dt.timedelta(weeks=12),
            status=GoalStatus.ACHIEVED if achieved else GoalStatus.ACTIVE,
        )
        self.stamp(goal, conversation.date)
