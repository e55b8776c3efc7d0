"""A realistic, deterministic, fictional caseload for trying CoachDesk and for benchmarks.

The same seed always gives the same students and stories; dates are laid out relative
to ``today`` so the demo always looks current (who is due, what is overdue).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from coachdesk.domain.competences import SCAN_RATERS, Competence, CompetenceScan
from coachdesk.domain.consents import Consent, ConsentSubject, consent_giver
from coachdesk.domain.experiences import Experience, ExperienceKind
from coachdesk.domain.people import Person
from coachdesk.domain.referrals import Referral, ReferralStatus, SupportLine
from coachdesk.domain.reflections import Reflection, ReflectionAuthor
from coachdesk.domain.students import Contact, Pathway, Student, StudentStatus
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.services.demo_conversations import DemoConversations
from coachdesk.services.demo_draws import DemoDraws
from coachdesk.services.settings import SettingsService
from coachdesk.storage.repositories import Repositories
from coachdesk.storage.table_repo import Repository

DEFAULT_STUDENTS = 30
DEFAULT_SEED = 2026
MAX_STUDENTS = 5000


@dataclass(frozen=True)
class DemoReport:
    """What was added, so the CLI and the GUI can say it."""

    students: int
    records: int


class _DemoBuilder(DemoDraws):
    """Builds one caseload: each student with their contacts, experiences and stories."""

    def __init__(self, seed: int, today: dt.date) -> None:
        super().__init__(seed, today)
        self._talks = DemoConversations(self)

    def student(self, index: int) -> None:
        rng, material = self.rng, self.material
        given = self.next_from("given_names")
        prefix, family = self.next_from("family_names")
        programme, level, code = self.next_from("programmes")
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
        self.stamp(student, self.start)
        # An internship that fits the programme, with the one praktijkopleider of that company.
        company, city, trainer_name, _codes = rng.choice(
            [c for c in material["companies"] if code in c[3]]
        )
        parent = Contact(
            student_id=student.id,
            role=Person.PARENTS,
            name=f"{rng.choice(material['parent_given_names'])} {prefix} {family}".replace(
                "  ", " "
            ),
            phone=f"06-{rng.randint(10000000, 99999999)}",
        )
        trainer = Contact(
            student_id=student.id,
            role=Person.WORKPLACE_TRAINER,
            name=trainer_name,
            company=company,
            email="praktijkopleider@bedrijf.demo",
        )
        self.stamp(parent, self.start)
        self.stamp(trainer, self.start)
        self._consents(student, parent)
        experiences = self._experiences(student, company, city, trainer)
        self._talks.write(student, parent, trainer, company)
        self._reflections(student, experiences, company)
        self._scans(student, trainer)
        if rng.random() < 0.08:
            self._referral(student)

    def _consents(self, student: Student, parent: Contact) -> None:
        giver = consent_giver(student.age_on(self.start))
        for recipient in (Person.PARENTS, Person.WORKPLACE_TRAINER):
            consent = Consent(
                student_id=student.id,
                subject=ConsentSubject.SUMMARY,
                recipient=recipient,
                granted=self.rng.random() < 0.8,
                given_by=giver,
                date=self.start + dt.timedelta(days=14),
                basis="Besproken bij de intake"
                if giver is Person.STUDENT
                else f"Akkoord {parent.name}",
            )
            self.stamp(consent, consent.date)

    def _experiences(
        self, student: Student, company: str, city: str, trainer: Contact
    ) -> list[Experience]:
        rng = self.rng
        templates = self.material["experiences"]
        made: list[Experience] = []
        stage_start = self.day_between(
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
            day = self.day_between(self.start, self.today - dt.timedelta(days=2))
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
            self.stamp(experience, experience.start_date)
        return made

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
            self.stamp(reflection, experience.end_date or experience.start_date)

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
                    rater_name=trainer.name if rater is Person.WORKPLACE_TRAINER else "",
                    ratings=ratings,
                )
                self.stamp(scan, day)

    def _referral(self, student: Student) -> None:
        day = self.day_between(self.start, self.today)
        referral = Referral(
            student_id=student.id,
            line=SupportLine.SECOND,
            to_whom=self.rng.choice(self.material["referral_targets"]),
            reason=self.rng.choice(self.material["referral_reasons"]),
            date=day,
            status=ReferralStatus.RUNNING,
        )
        self.stamp(referral, day)


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
        settings.set_coach_contact(builder.material["coach_contact"])
    return DemoReport(students=students, records=total)
