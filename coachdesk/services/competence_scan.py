"""The loopbaancompetentiescan (leermeter): statements, three raters, and growth over time.

The student rates first; coach and workplace trainer add their view of the same moment.
Differences are conversation material, and growth is measured against the student's own
earlier scans, never shown as a grade.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache

from coachdesk.domain.competences import SCAN_RATERS, Competence, CompetenceScan
from coachdesk.domain.people import Person
from coachdesk.errors import ValidationError
from coachdesk.i18n import _, language
from coachdesk.i18n.dates import short_date
from coachdesk.paths import resource_path
from coachdesk.services.audit import audit_store
from coachdesk.storage.repositories import Repositories

STUDENT_FIRST_WINDOW = dt.timedelta(days=60)
"""Coach and trainer rate the moment the student rated in the last sixty days."""


@dataclass(frozen=True)
class Statement:
    """One statement, phrased for the student ("Ik …") and for the others ("De student …").

    The Dutch wording is the instrument's own; the English is used in the English interface.
    """

    id: str
    competence: Competence
    for_student: str
    for_others: str
    for_student_en: str = ""
    for_others_en: str = ""

    def text(self, rater: Person) -> str:
        """Return the wording that suits the rater, in the active language."""
        english = language() == "en"
        if rater is Person.STUDENT:
            return (self.for_student_en if english else "") or self.for_student
        return (self.for_others_en if english else "") or self.for_others


@cache
def statements() -> tuple[Statement, ...]:
    """Return the scan's statements, grouped by competence in the shared order."""
    data = json.loads(resource_path("scan", "leermeter.json").read_text(encoding="utf-8"))
    found = [
        Statement(
            s["id"],
            Competence(s["competence"]),
            s["student"],
            s["other"],
            s.get("student_en", ""),
            s.get("other_en", ""),
        )
        for s in data["statements"]
    ]
    order = list(Competence)
    return tuple(sorted(found, key=lambda s: order.index(s.competence)))


def competence_ratings(answers: dict[str, int]) -> dict[Competence, int]:
    """Return each competence's rating: the rounded mean of its statements' answers."""
    by_competence: dict[Competence, list[int]] = {}
    for statement in statements():
        if statement.id in answers:
            by_competence.setdefault(statement.competence, []).append(answers[statement.id])
    return {c: int(sum(v) / len(v) + 0.5) for c, v in by_competence.items()}


@dataclass(frozen=True)
class ScanHistory:
    """All scans of one student, by moment: what the chart draws."""

    moments: list[dt.date]
    scans: list[CompetenceScan]

    def rating(self, moment: dt.date, rater: Person, competence: Competence) -> int | None:
        """Return one rater's rating of one competence at one moment, if given."""
        for scan in self.scans:
            if scan.date == moment and scan.rater is rater:
                return scan.ratings.get(competence)
        return None

    def latest(self) -> list[CompetenceScan]:
        """Return the latest moment's scans, the student's first."""
        if not self.moments:
            return []
        found = [s for s in self.scans if s.date == self.moments[-1]]
        return sorted(found, key=lambda s: SCAN_RATERS.index(s.rater))


class CompetenceScans:
    """Records scans and reads a student's history."""

    def __init__(self, repos: Repositories) -> None:
        self._repos = repos

    def note_paper_form(self, student_id: str) -> None:
        """Log that a paper scan with the student's name was saved for the workplace trainer."""
        audit_store(self._repos.store, "scan-paper-form", student=student_id)

    def record(
        self,
        student_id: str,
        rater: Person,
        answers: dict[str, int],
        day: dt.date,
        rater_name: str = "",
    ) -> CompetenceScan:
        """Store one rater's answers; coach and trainer rate a moment the student rated first."""
        known = {s.id for s in statements()}
        if not answers or not set(answers) <= known:
            raise ValidationError(_("The scan has no answers, or answers to unknown statements."))
        day = self.rating_moment(student_id, rater, day)
        scan = CompetenceScan(
            student_id=student_id,
            date=day,
            rater=rater,
            rater_name=rater_name,
            ratings=competence_ratings(answers),
            answers=answers,
        )
        with self._repos.store.atomic():
            self._repos.scans.delete_moment(student_id, day, rater)
            self._repos.scans.add(scan)
        return scan

    def rating_moment(self, student_id: str, rater: Person, day: dt.date) -> dt.date:
        """Return the moment ``rater`` rates on ``day``; refuse before the answers are typed.

        The student rates today; coach and praktijkopleider rate the moment the student
        rated in the last sixty days, so there must be one.
        """
        if rater is Person.STUDENT:
            return day
        own = self._repos.scans.by_rater_until(student_id, Person.STUDENT, day)
        first = _(
            "The student fills in the scan first; then coach and workplace trainer add "
            "their view of the same moment."
        )
        if not own:
            raise ValidationError(first)
        if day - own[0].date > STUDENT_FIRST_WINDOW:  # said, or the old scan looks usable
            raise ValidationError(
                _("The student's last scan ({date}) is more than {days} days old.").format(
                    date=short_date(own[0].date), days=STUDENT_FIRST_WINDOW.days
                )
                + " "
                + first
            )
        return own[0].date

    def history(self, student_id: str) -> ScanHistory:
        """Return every scan of the student, oldest moment first."""
        scans = self._repos.scans.oldest_first(student_id)
        return ScanHistory(sorted({s.date for s in scans}), scans)
