"""Fillable scan forms: made for one student and moment, read back without typing.

The praktijkopleider (or the student, at home) fills in a PDF; CoachDesk matches it by its
random form id and the fingerprint of the store that made it, shows what came back beside
what is already known, and stores it on the coach's word in one transaction: the scan as if
typed in, and the praktijkopleider's view and points for the trialoog.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coachdesk.domain.competences import Competence, scale_label
from coachdesk.domain.consents import ConsentSubject
from coachdesk.domain.conversations import Conversation, ConversationState
from coachdesk.domain.people import Person
from coachdesk.domain.records import utc_now
from coachdesk.domain.scan_forms import (
    DATE_FIELD,
    FORM_RATERS,
    NAME_FIELD,
    POINTS_FIELD,
    PROPOSALS_FIELD,
    VIEW_FIELD,
    ScanForm,
    check_sum,
    field_names,
)
from coachdesk.domain.students import Student
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.i18n.dates import long_date, parse_date
from coachdesk.services.audit import audit_store
from coachdesk.services.closing import needs_party_views
from coachdesk.services.competence_scan import CompetenceScans, Statement, statements
from coachdesk.storage.repositories import Repositories

if TYPE_CHECKING:
    from coachdesk.services.scan_form_fields import FilledFields


@dataclass(frozen=True)
class FormContent:
    """What a fillable form shows: only what its reader may see, and its own fields."""

    form_id: str
    fingerprint: str
    check: str
    rater: Person
    first_name: str
    full_name: str
    programme: str
    company: str
    moment: dt.date
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class FormReading:
    """A filled-in form matched to its student: what came back, beside what is already known."""

    form: ScanForm
    student: Student
    answers: dict[str, int]
    missing: list[int]
    """Numbers (1-15) of the statements left open."""
    filled_on: dt.date | None
    filled_by: str
    view: str
    points: str
    proposals: str
    agreed: bool
    known: dict[str, int]
    """The same rater's answers CoachDesk already has (their latest scan), per statement."""
    known_ratings: dict[Competence, int]
    """That scan per competence (scans typed in before answers were kept have only these)."""
    known_date: dt.date | None
    conversation: Conversation | None
    """Where the praktijkopleider's view and points go: the trialoog being prepared."""

    def earlier(self, statement: Statement) -> tuple[int, bool] | None:
        """Return what this rater said before about a statement, and whether that was only
        the competence's rating (scans typed in before answers were kept)."""
        if statement.id in self.known:
            return self.known[statement.id], False
        overall = self.known_ratings.get(statement.competence)
        return None if overall is None else (overall, True)

    @property
    def already_read(self) -> bool:
        """Whether this very form was read in before (reading it again replaces it)."""
        return self.form.read_in_at is not None

    def questions(self) -> list[str]:
        """Return what the coach confirms before storing: replacing, and reading a partial form."""
        asked = []
        if self.already_read:
            assert self.form.read_in_at is not None
            asked.append(
                _(
                    "This form was already read in on {date}; reading it again replaces "
                    "those answers."
                ).format(date=long_date(self.form.read_in_at.date()))
            )
        if self.missing:
            asked.append(
                _(
                    "Statements {numbers} are not filled in; the other answers can be read in."
                ).format(numbers=", ".join(str(n) for n in self.missing))
                if len(self.missing) > 1
                else _(
                    "Statement {number} is not filled in; the other answers can be read in."
                ).format(number=self.missing[0])
            )
        return asked


def earlier_text(reading: FormReading, statement: Statement) -> str:
    """Return what CoachDesk had for a statement, in words ("soms", "vaak (competentie)")."""
    earlier = reading.earlier(statement)
    if earlier is None:
        return "–"
    rating, overall = earlier
    if overall:
        return _("{rating} (competence)").format(rating=scale_label(rating))
    return scale_label(rating)


class ScanForms:
    """Makes fillable scan forms and reads them back into the store."""

    def __init__(self, repos: Repositories) -> None:
        self._repos = repos
        self._scans = CompetenceScans(repos)

    def make(
        self,
        student_id: str,
        rater: Person,
        today: dt.date,
        conversation_id: str | None = None,
    ) -> FormContent:
        """Register a new form and return what it shows; refused when sharing was refused."""
        repos = self._repos
        student = repos.students.get(student_id)
        if student is None:
            raise ValidationError(_("This student no longer exists."))
        if rater not in FORM_RATERS:
            raise ValidationError(_("A form is filled in by the workplace trainer or the student."))
        if rater is Person.WORKPLACE_TRAINER and self._sharing_refused(student_id):
            raise ValidationError(
                _(
                    "Sharing with the workplace trainer was refused for {name}, so no form "
                    "for the workplace trainer is made."
                ).format(name=student.given_name or student.full_name)
            )
        conversation = repos.conversations.get(conversation_id) if conversation_id else None
        form = ScanForm(
            student_id=student_id,
            rater=rater,
            moment=conversation.date if conversation else today,
            store_fingerprint=repos.scan_forms.store_fingerprint(),
            conversation_id=conversation.id if conversation else None,
        )
        repos.scan_forms.add(form)
        audit_store(repos.store, "scan-form", student=student_id, form=form.id, rater=rater.value)
        ids = [s.id for s in statements()]
        trainers = [
            c for c in repos.contacts.by_role(student_id) if c.role is Person.WORKPLACE_TRAINER
        ]
        return FormContent(
            form_id=form.id,
            fingerprint=form.store_fingerprint,
            check=check_sum(
                form.id, form.store_fingerprint, rater, sorted(field_names(rater, ids))
            ),
            rater=rater,
            first_name=student.given_name or student.full_name,
            full_name=student.full_name,
            programme=student.programme,
            company=trainers[0].company if trainers else "",
            moment=form.moment,
            statements=statements(),
        )

    def _sharing_refused(self, student_id: str) -> bool:
        """Return whether the latest decision about sharing with the trainer was "no"."""
        decisions = [
            c
            for c in self._repos.consents.for_student(student_id)
            if c.recipient is Person.WORKPLACE_TRAINER and c.subject is ConsentSubject.SUMMARY
        ]
        decisions.sort(key=lambda c: c.date)
        return bool(decisions) and not decisions[-1].granted

    def read(self, path: Path, today: dt.date, student_id: str | None = None) -> FormReading:
        """Return a filled-in form matched to its form and student; nothing is stored yet.

        ``student_id``: the student whose screen it is read from; a form for another is refused.
        """
        from coachdesk.services.scan_form_fields import read_filled_fields  # noqa: PLC0415 - pypdf loads when a form is read

        fields = read_filled_fields(path)
        form = self._match(fields)
        student = self._repos.students.get(form.student_id)
        assert student is not None  # forms cascade with their student
        if student_id is not None and student_id != form.student_id:
            raise ValidationError(
                _("This form is for {name}, not for the student shown.").format(
                    name=student.full_name
                )
            )
        try:
            filled_on = parse_date(fields.texts.get(DATE_FIELD, ""), form.moment)
        except ValueError:
            filled_on = None
        history = self._scans.history(student.id)
        own = [s for s in history.scans if s.rater is fields.rater]
        numbers = {s.id: number for number, s in enumerate(statements(), start=1)}
        return FormReading(
            form=form,
            student=student,
            answers=fields.answers,
            missing=[n for sid, n in numbers.items() if sid not in fields.answers],
            filled_on=filled_on if filled_on is not None and filled_on <= today else None,
            filled_by=fields.texts.get(NAME_FIELD, ""),
            view=fields.texts.get(VIEW_FIELD, ""),
            points=fields.texts.get(POINTS_FIELD, ""),
            proposals=fields.texts.get(PROPOSALS_FIELD, ""),
            agreed=fields.agreed,
            known=own[-1].answers if own else {},
            known_ratings=own[-1].ratings if own else {},
            known_date=own[-1].date if own else None,
            conversation=self._conversation_for(form, today),
        )

    def _match(self, fields: FilledFields) -> ScanForm:
        if fields.fingerprint != self._repos.scan_forms.store_fingerprint():
            raise ValidationError(
                _(
                    "This form was made in another CoachDesk store (another coach's, or the "
                    "demo); it is not read in here."
                )
            )
        form = self._repos.scan_forms.get(fields.form_id)
        if form is None or form.rater is not fields.rater:
            raise ValidationError(
                _(
                    "This form is not known in this store (an older backup may have been put "
                    "back, or the student was erased); make a new form."
                )
            )
        return form

    def _conversation_for(self, form: ScanForm, today: dt.date) -> Conversation | None:
        """Return the trialoog a praktijkopleider's words belong to: the form's, else the next."""
        if form.rater is not Person.WORKPLACE_TRAINER:
            return None
        if form.conversation_id:
            return self._repos.conversations.get(form.conversation_id)
        open_ones = [
            c
            for c in self._repos.conversations.for_student(form.student_id)
            if needs_party_views(c.kind) and c.state is not ConversationState.CLOSED
        ]
        open_ones.sort(key=lambda c: (c.date < today, abs((c.date - today).days)))
        return open_ones[0] if open_ones else None

    def store(self, reading: FormReading, today: dt.date, *, confirmed: bool = False) -> None:
        """Store the form's answers in one transaction; questions need the coach's ``confirmed``."""
        asked = reading.questions()
        if asked and not confirmed:
            raise ValidationError(asked[0])
        repos, form = self._repos, reading.form
        day = reading.filled_on or today
        with repos.store.atomic():
            if form.scan_id:
                repos.scans.delete(form.scan_id)
            scan = (
                self._scans.record(
                    reading.student.id, form.rater, reading.answers, day, reading.filled_by
                )
                if reading.answers
                else None
            )
            repos.scan_forms.update(
                dataclasses.replace(
                    form,
                    conversation_id=reading.conversation.id if reading.conversation else None,
                    scan_id=scan.id if scan else None,
                    read_in_at=utc_now(),
                    filled_on=reading.filled_on,
                    filled_by=reading.filled_by,
                    view=reading.view,
                    points=reading.points,
                    proposals=reading.proposals,
                    agreed=reading.agreed,
                )
            )
        audit_store(repos.store, "scan-form-read-in", student=reading.student.id, form=form.id)
