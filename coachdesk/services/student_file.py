"""One student's file: who they are, the thread of what happened, and changes the coach makes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from coachdesk.domain.agreements import (
    Agreement,
    AgreementStatus,
    Goal,
    GoalStatus,
    agreement_sentence,
    carried_forward,
)
from coachdesk.domain.competences import CompetenceScan
from coachdesk.domain.experiences import Experience
from coachdesk.domain.reflections import Reflection
from coachdesk.domain.students import Contact, Student, StudentStatus
from coachdesk.domain.timeline import ProgrammeSwitch, TimelineEvent, TimelineKind, newest_first
from coachdesk.errors import ValidationError
from coachdesk.i18n import _, ngettext
from coachdesk.services.competence_scan import CompetenceScans, ScanHistory
from coachdesk.storage.repositories import Repositories


@dataclass(frozen=True)
class StudentFile:
    """Everything the student screen shows."""

    student: Student
    contacts: list[Contact]
    events: list[TimelineEvent]
    open_agreements: list[Agreement]
    current_goals: list[Goal]
    reflections: list[Reflection]
    scans: ScanHistory


class StudentFileService:
    """Reads a student's thread and records the coach's changes, each as one transaction."""

    def __init__(self, repos: Repositories) -> None:
        self._repos = repos

    def open(self, student_id: str) -> StudentFile:
        """Return the student's file; the timeline newest first."""
        repos = self._repos
        student = repos.students.get(student_id)
        if student is None:
            raise ValidationError(_("This student no longer exists."))
        agreements = repos.agreements.for_student(student_id)
        goals = repos.goals.for_student(student_id)
        reflections = repos.reflections.newest_first(student_id)
        events = [
            *self._experience_events(repos.experiences.for_student(student_id)),
            *self._conversation_events(student_id),
            *self._agreement_events(agreements, student.given_name),
            *(
                TimelineEvent(
                    TimelineKind.GOAL,
                    g.created_at.date(),
                    g.description,
                    g.status.label,
                    g.id,
                    (g.competence,) if g.competence else (),
                )
                for g in goals
            ),
            *(
                TimelineEvent(
                    TimelineKind.REFLECTION, r.created_at.date(), r.title, r.author.label, r.id
                )
                for r in reflections
            ),
            *self._scan_events(repos.scans.for_student(student_id)),
            *(
                TimelineEvent(
                    TimelineKind.REFERRAL,
                    r.date,
                    _("Referral ({line})").format(line=r.line.label),
                    f"{r.to_whom} · {r.status.label}",
                    r.id,
                )
                for r in repos.referrals.for_student(student_id)
            ),
            *(self._switch_event(s) for s in repos.switches.for_student(student_id)),
        ]
        return StudentFile(
            student=student,
            contacts=repos.contacts.by_role(student_id),
            events=newest_first(events),
            open_agreements=carried_forward(agreements),
            current_goals=[g for g in goals if g.status is GoalStatus.ACTIVE],
            reflections=reflections,
            scans=CompetenceScans(repos).history(student_id),
        )

    @staticmethod
    def _experience_events(experiences: list[Experience]) -> list[TimelineEvent]:
        events = []
        for experience in experiences:
            place = ", ".join(part for part in (experience.organisation, experience.place) if part)
            detail = experience.kind.label + (f" · {place}" if place else "")
            events.append(
                TimelineEvent(
                    TimelineKind.EXPERIENCE,
                    experience.start_date,
                    experience.title,
                    detail,
                    experience.id,
                    tuple(experience.competences),
                )
            )
        return events

    def _conversation_events(self, student_id: str) -> list[TimelineEvent]:
        return [
            TimelineEvent(
                TimelineKind.CONVERSATION,
                c.date,
                c.kind.label,
                # A closed conversation says what came of it, in the student's words.
                " · ".join(part for part in (c.state.label, c.topic, c.summary) if part),
                c.id,
                tuple(c.focus_competences),
            )
            for c in self._repos.conversations.for_student(student_id)
        ]

    @staticmethod
    def _agreement_events(agreements: list[Agreement], student_name: str) -> list[TimelineEvent]:
        events = []
        for agreement in agreements:
            made = agreement.created_at.date()
            sentence = agreement_sentence(agreement, student_name, made)
            events.append(
                TimelineEvent(
                    TimelineKind.AGREEMENT_MADE, made, sentence, agreement.owner.label, agreement.id
                )
            )
            if agreement.status is not AgreementStatus.OPEN:
                detail = " · ".join(p for p in (agreement.status.label, agreement.outcome) if p)
                events.append(
                    TimelineEvent(
                        TimelineKind.AGREEMENT_CLOSED,
                        agreement.updated_at.date(),
                        sentence,
                        detail,
                        agreement.id,
                    )
                )
        return events

    @staticmethod
    def _scan_events(scans: list[CompetenceScan]) -> list[TimelineEvent]:
        by_date: dict[dt.date, list[CompetenceScan]] = {}
        for scan in scans:
            by_date.setdefault(scan.date, []).append(scan)
        return [
            TimelineEvent(
                TimelineKind.SCAN,
                day,
                _("Competence scan"),
                ", ".join(scan.rater.label for scan in moment),
                moment[0].id,
            )
            for day, moment in by_date.items()
        ]

    @staticmethod
    def _switch_event(switch: ProgrammeSwitch) -> TimelineEvent:
        def describe(programme: str, level: int | None) -> str:
            return f"{programme} ({level})" if level else programme

        title = _("Switch: {old} → {new}").format(
            old=describe(switch.from_programme, switch.from_level),
            new=describe(switch.to_programme, switch.to_level),
        )
        return TimelineEvent(TimelineKind.SWITCH, switch.date, title, switch.reason, switch.id)

    def add_experience(self, experience: Experience, reflection_id: str | None = None) -> None:
        """Record an experience, optionally linking an existing reflection to it."""
        with self._repos.store.atomic():
            self._repos.experiences.add(experience)
            if reflection_id is not None:
                reflection = self._repos.reflections.get(reflection_id)
                if reflection is None or reflection.student_id != experience.student_id:
                    raise ValidationError(_("That reflection does not belong to this student."))
                self._repos.reflections.update(
                    dataclasses.replace(reflection, experience_id=experience.id)
                )

    def save_student(
        self,
        student: Student,
        contacts: list[Contact],
        switch_reason: str = "",
        today: dt.date | None = None,
    ) -> Student:
        """Store edited details and contacts; a new programme or level is recorded as a switch."""
        repos = self._repos
        before = repos.students.get(student.id)
        if before is None:
            raise ValidationError(_("This student no longer exists."))
        other = repos.students.by_number(student.student_number)
        if other is not None and other.id != student.id:
            raise ValidationError(
                _("Student number {number} already belongs to {name}.").format(
                    number=student.student_number, name=other.full_name
                )
            )
        with repos.store.atomic():
            saved = repos.students.update(student)
            if (before.programme, before.level) != (student.programme, student.level):
                repos.switches.add(
                    ProgrammeSwitch(
                        student_id=student.id,
                        date=today or dt.date.today(),
                        from_programme=before.programme,
                        to_programme=student.programme,
                        from_level=before.level,
                        to_level=student.level,
                        reason=switch_reason,
                    )
                )
            keep = {contact.id for contact in contacts}
            for old in repos.contacts.for_student(student.id):
                if old.id not in keep:
                    repos.contacts.delete(old.id)
            repos.contacts.save_many(contacts)
        return saved

    def archive(self, student_id: str, leave_date: dt.date) -> Student:
        """Archive a student who left; their file stays, they leave the active caseload."""
        student = self._require(student_id)
        return self._repos.students.update(
            dataclasses.replace(student, status=StudentStatus.ARCHIVED, leave_date=leave_date)
        )

    def reactivate(self, student_id: str) -> Student:
        """Bring an archived student back into the active caseload."""
        student = self._require(student_id)
        return self._repos.students.update(
            dataclasses.replace(student, status=StudentStatus.ACTIVE, leave_date=None)
        )

    def _require(self, student_id: str) -> Student:
        student = self._repos.students.get(student_id)
        if student is None:
            raise ValidationError(_("This student no longer exists."))
        return student


def summary_line(file: StudentFile) -> str:
    """Return a one-line summary for the header: "12 ervaringen · 7 gesprekken"."""
    experiences = sum(1 for e in file.events if e.kind is TimelineKind.EXPERIENCE)
    conversations = sum(1 for e in file.events if e.kind is TimelineKind.CONVERSATION)
    return " · ".join(
        (
            ngettext("{n} experience", "{n} experiences", experiences).format(n=experiences),
            ngettext("{n} conversation", "{n} conversations", conversations).format(
                n=conversations
            ),
        )
    )
