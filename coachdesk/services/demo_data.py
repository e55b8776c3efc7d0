"""A realistic, deterministic, fictional caseload for trying CoachDesk and for benchmarks.

The same seed always gives the same students and stories; dates are laid out relative
to ``today`` so the demo always looks current (who is due, what is overdue).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, TypeVar

from coachdesk.domain.agreements import Agreement, AgreementStatus, Goal, GoalStatus
from coachdesk.domain.audience import Audience, Note
from coachdesk.domain.competences import SCAN_RATERS, Competence, CompetenceScan
from coachdesk.domain.consents import Consent, ConsentSubject, consent_giver
from coachdesk.domain.conversations import (
    Conversation,
    ConversationKind,
    ConversationState,
    Participant,
)
from coachdesk.domain.experiences import Experience, ExperienceKind
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.records import Record
from coachdesk.domain.referrals import Referral, ReferralStatus, SupportLine
from coachdesk.domain.reflections import Reflection, ReflectionAuthor
from coachdesk.domain.roles import Role
from coachdesk.domain.students import Contact, ContactRole, Pathway, Student, StudentStatus
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.paths import resource_path
from coachdesk.services.closing import PARTY_VIEWS, needs_party_views
from coachdesk.services.settings import SettingsService
from coachdesk.storage.repositories import Repositories
from coachdesk.storage.repository import Repository

R = TypeVar("R", bound=Record)

DEFAULT_STUDENTS = 30
DEFAULT_SEED = 2026
MAX_STUDENTS = 5000


@dataclass(frozen=True)
class DemoReport:
    """What was added, so the CLI and the GUI can say it."""

    students: int
    records: int


def _school_year_start(today: dt.date) -> dt.date:
    """Return 1 September of the school year before the current one: two school years of history."""
    year = today.year - 1 if today.month >= 8 else today.year - 2
    return dt.date(year, 9, 1)


class _DemoBuilder:
    """Builds one caseload: records are collected per table, then stored at once."""

    def __init__(self, seed: int, today: dt.date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.start = _school_year_start(today)
        self.material: dict[str, Any] = json.loads(
            resource_path("demo", "caseload.json").read_text(encoding="utf-8")
        )
        self.records: dict[str, list[Record]] = defaultdict(list)
        self._queues: dict[str, list[Any]] = defaultdict(list)

    def _stamp(self, record: R, day: dt.date) -> R:
        """Give a record a reproducible id and timestamps on the day it happened."""
        record.id = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        moment = dt.datetime.combine(day, dt.time(9, 0), tzinfo=dt.UTC)
        moment += dt.timedelta(minutes=self.rng.randrange(8 * 60))
        record.created_at = record.updated_at = moment
        self.records[type(record).__name__].append(record)
        return record

    def _next_from(self, kind: str) -> Any:
        """Draw without repeats until the list is used up, so a caseload looks varied."""
        queue = self._queues[kind]
        if not queue:
            queue.extend(self.rng.sample(self.material[kind], len(self.material[kind])))
        return queue.pop()

    def _day_between(self, first: dt.date, last: dt.date) -> dt.date:
        span = max((last - first).days, 0)
        return first + dt.timedelta(days=self.rng.randint(0, span))

    def student(self, index: int) -> None:
        rng, material = self.rng, self.material
        given = self._next_from("given_names")
        prefix, family = self._next_from("family_names")
        programme, level, code = self._next_from("programmes")
        pathway = Pathway.BBL if level > 1 and rng.random() < 0.3 else Pathway.BOL
        year_of_study = rng.randint(1, 2 if level <= 2 else 3)
        age = rng.randint(15, 17) + year_of_study + (1 if pathway is Pathway.BBL else 0)
        born = self.today - dt.timedelta(days=age * 365 + rng.randint(0, 364))
        archived = rng.random() < 0.04
        student = Student(
            student_number=f"{self.today.year - year_of_study + 1}{index + 1:05d}",
            given_name=given,
            name_prefix=prefix,
            family_name=family,
            date_of_birth=born,
            group=f"{code}{level}-{year_of_study}{'ABC'[index % 3]}",
            programme=programme,
            level=level,
            pathway=pathway,
            year_of_study=year_of_study,
            cohort=str(self.today.year - year_of_study + (1 if self.today.month >= 8 else 0)),
            email=f"{index + 1:05d}@student.demo-roc.nl",
            status=StudentStatus.ARCHIVED if archived else StudentStatus.ACTIVE,
            leave_date=self.today - dt.timedelta(days=rng.randint(10, 120)) if archived else None,
        )
        self._stamp(student, self.start)
        # An internship that fits the programme, with the one praktijkopleider of that company.
        company, city, trainer_name, _codes = rng.choice(
            [c for c in material["companies"] if code in c[3]]
        )
        parent = Contact(
            student_id=student.id,
            role=ContactRole.PARENT,
            name=f"{rng.choice(material['parent_given_names'])} {prefix} {family}".replace(
                "  ", " "
            ),
            phone=f"06-{rng.randint(10000000, 99999999)}",
        )
        trainer = Contact(
            student_id=student.id,
            role=ContactRole.WORKPLACE_TRAINER,
            name=trainer_name,
            company=company,
            email="praktijkopleider@bedrijf.demo",
        )
        self._stamp(parent, self.start)
        self._stamp(trainer, self.start)
        self._consents(student, parent)
        experiences = self._experiences(student, company, city, trainer)
        self._conversations(student, parent, trainer, company)
        self._reflections(student, experiences, company)
        self._scans(student, trainer)
        if rng.random() < 0.08:
            self._referral(student)

    def _consents(self, student: Student, parent: Contact) -> None:
        giver = consent_giver(student.age_on(self.start))
        for recipient in (Role.PARENT, Role.WORKPLACE_TRAINER):
            consent = Consent(
                student_id=student.id,
                subject=ConsentSubject.SUMMARY,
                recipient=recipient,
                granted=self.rng.random() < 0.8,
                given_by=giver,
                date=self.start + dt.timedelta(days=14),
                basis="Besproken bij de intake"
                if giver is Role.STUDENT
                else f"Akkoord {parent.name}",
            )
            self._stamp(consent, consent.date)

    def _experiences(
        self, student: Student, company: str, city: str, trainer: Contact
    ) -> list[Experience]:
        rng = self.rng
        templates = self.material["experiences"]
        made: list[Experience] = []
        stage_start = self._day_between(
            self.start + dt.timedelta(days=60), self.today - dt.timedelta(days=90)
        )
        stage = Experience(
            student_id=student.id,
            kind=ExperienceKind.INTERNSHIP,
            title=templates["stage"][0].format(company=company),
            start_date=stage_start,
            end_date=stage_start + dt.timedelta(weeks=rng.choice((10, 15, 20))),
            organisation=company,
            place=city,
            contact_id=trainer.id,
            description=templates["stage"][1],
            competences=[Competence.QUALITIES, Competence.WORK_EXPLORATION],
        )
        made.append(stage)
        other_kinds = [kind for kind in templates if kind != "stage"]
        for _index in range(rng.randint(14, 18)):
            kind = rng.choice(other_kinds)
            other_company, other_city, *_rest = rng.choice(self.material["companies"])
            day = self._day_between(self.start, self.today - dt.timedelta(days=2))
            made.append(
                Experience(
                    student_id=student.id,
                    kind=ExperienceKind(kind),
                    title=templates[kind][0].format(company=other_company),
                    start_date=day,
                    end_date=day + dt.timedelta(days=1) if kind == "snuffelstage" else None,
                    organisation=other_company if "{company}" in templates[kind][0] else "",
                    place=other_city,
                    description=templates[kind][1],
                    competences=rng.sample(list(Competence), rng.randint(1, 2)),
                )
            )
        for experience in made:
            self._stamp(experience, experience.start_date)
        return made

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

    def _conversations(
        self, student: Student, parent: Contact, trainer: Contact, company: str
    ) -> None:
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
            self._stamp(conversation, min(day, self.today))
            people: list[tuple[Role, str, str | None]] = [
                (Role.STUDENT, student.full_name, None),
                (Role.COACH, coach_name, None),
            ]
            if kind in (ConversationKind.TRIALOGUE, ConversationKind.PLACEMENT_VISIT):
                people.append((Role.WORKPLACE_TRAINER, trainer.name, trainer.id))
            if kind is ConversationKind.PARENTS:
                people.append((Role.PARENT, parent.name, parent.id))
            for role, name, contact_id in people:
                self._stamp(
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
            names[Role.STUDENT] = student.given_name
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
                    audience=Audience.STUDENT,
                    readers=[Audience.WORKPLACE_TRAINER],
                    kind=kind,
                )
                self._stamp(view, conversation.date)
        summary = Note(
            student_id=student.id,
            conversation_id=conversation.id,
            body=conversation.summary,
            audience=Audience.STUDENT,
            readers=rng.choice([[], [Audience.PARENTS]]),
        )
        self._stamp(summary, conversation.date)
        for competence in conversation.focus_competences:
            note = Note(
                student_id=student.id,
                conversation_id=conversation.id,
                competence=competence,
                kind=NoteKind.INSIGHT,
                body=rng.choice(self.material["insights"][competence.value]),
                audience=Audience.STUDENT,
                readers=rng.choice([[], [Audience.PARENTS], [Audience.WORKPLACE_TRAINER]]),
            )
            self._stamp(note, conversation.date)
        if rng.random() < 0.15:
            private = Note(
                student_id=student.id,
                conversation_id=conversation.id,
                body=rng.choice(self.material["private_notes"]),
                audience=Audience.PRIVATE,
            )
            self._stamp(private, conversation.date)

    def _agreements(
        self,
        conversation: Conversation,
        kind: ConversationKind,
        names: dict[Role, str],
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
            or (owner == "ouder" and kind is ConversationKind.PARENTS)
        ]
        made = []
        for owner, text in rng.sample(choices, min(len(choices), rng.randint(2, 3))):
            agreement = Agreement(
                student_id=conversation.student_id,
                conversation_id=conversation.id,
                description=text,
                owner=Role(owner),
                owner_name=names[Role(owner)],
                due_date=conversation.date + dt.timedelta(weeks=rng.randint(3, 12)),
            )
            made.append(self._stamp(agreement, conversation.date))
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
        self._stamp(goal, conversation.date)

    def _reflections(self, student: Student, experiences: list[Experience], company: str) -> None:
        rng = self.rng
        for experience in rng.sample(experiences, min(len(experiences), rng.randint(3, 5))):
            body = rng.choice(self.material["reflections"]).format(
                task=rng.choice(self.material["tasks"]), company=company
            )
            reflection = Reflection(
                author=ReflectionAuthor.STUDENT,
                title=f"Reflectie: {experience.title}",
                body=body,
                student_id=student.id,
                experience_id=experience.id,
            )
            self._stamp(reflection, experience.end_date or experience.start_date)

    def _scans(self, student: Student, trainer: Contact) -> None:
        rng = self.rng
        base = {competence: rng.randint(1, 3) for competence in Competence}
        moments = [self.start + dt.timedelta(days=40), self.start + dt.timedelta(days=400)]
        for step, day in enumerate(m for m in moments if m < self.today):
            for rater in SCAN_RATERS:
                ratings = {
                    competence: max(1, min(4, value + step + rng.randint(-1, 1)))
                    for competence, value in base.items()
                }
                scan = CompetenceScan(
                    student_id=student.id,
                    date=day,
                    rater=rater,
                    rater_name=trainer.name if rater is Role.WORKPLACE_TRAINER else "",
                    ratings=ratings,
                )
                self._stamp(scan, day)

    def _referral(self, student: Student) -> None:
        day = self._day_between(self.start, self.today)
        referral = Referral(
            student_id=student.id,
            line=SupportLine.SECOND,
            to_whom=self.rng.choice(self.material["referral_targets"]),
            reason=self.rng.choice(self.material["referral_reasons"]),
            date=day,
            status=ReferralStatus.RUNNING,
        )
        self._stamp(referral, day)


def fill_with_demo(
    repos: Repositories,
    *,
    students: int = DEFAULT_STUDENTS,
    today: dt.date | None = None,
    seed: int = DEFAULT_SEED,
) -> DemoReport:
    """Fill an empty store with a fictional caseload and mark the store as demo.

    Refuses a store that already has students, so real data is never mixed with demo data.
    Everything is written in one transaction.
    """
    if not 1 <= students <= MAX_STUDENTS:
        raise ValidationError(
            _("The number of demo students must be between 1 and {maximum}.").format(
                maximum=MAX_STUDENTS
            )
        )
    if repos.students.count() > 0:
        raise ValidationError(
            _("This store already has students. Demo data is only added to an empty store.")
        )
    builder = _DemoBuilder(seed, today or dt.date.today())
    for index in range(students):
        builder.student(index)
    targets: dict[str, Repository[Any]] = {
        "Student": repos.students,
        "Contact": repos.contacts,
        "Consent": repos.consents,
        "Experience": repos.experiences,
        "Conversation": repos.conversations,
        "Participant": repos.participants,
        "Note": repos.notes,
        "Agreement": repos.agreements,
        "Goal": repos.goals,
        "Reflection": repos.reflections,
        "CompetenceScan": repos.scans,
        "Referral": repos.referrals,
    }
    total = 0
    with repos.store.atomic():
        for name, repository in targets.items():
            total += repository.add_many(builder.records.get(name, []))
        repos.store.mark_demo()
    settings = SettingsService(repos.store)
    if not settings.coach_name():  # a conversation planned in the demo has its coach by name
        settings.set_coach_name(builder.material["coach"])
    return DemoReport(students=students, records=total)
