"""Fillable scan forms: what a praktijkopleider or student fills in at home and sends back.

The PDF carries a random form id and a fingerprint of the store that made it, so an answer
that comes back is matched to the form (and student) it was made for, and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from coachdesk.domain.people import Person
from coachdesk.domain.records import Record

FORM_RATERS = (Person.WORKPLACE_TRAINER, Person.STUDENT)
"""Who fills a form in: the praktijkopleider (scan and view) or the student (the scan)."""

FORM_ID_FIELD = "coachdesk_formulier"
STORE_FIELD = "coachdesk_opslag"
RATER_FIELD = "coachdesk_voor"
CHECK_FIELD = "coachdesk_controle"
STATEMENT_PREFIX = "stelling_"
VIEW_FIELD = "visie"
POINTS_FIELD = "bespreken"
PROPOSALS_FIELD = "voorstellen_afspraken"
NAME_FIELD = "naam"
DATE_FIELD = "datum"
AGREED_FIELD = "akkoord"
AGREED_ON = "Yes"
"""The state reportlab gives a ticked box."""
SCALE_STATES = {"nog_niet": 1, "soms": 2, "vaak": 3, "bijna_altijd": 4}
"""A radio button's state per rating: words a person filling the form by program can read."""

_TRAINER_TEXTS = (VIEW_FIELD, POINTS_FIELD, PROPOSALS_FIELD)


def text_fields(rater: Person) -> tuple[str, ...]:
    """Return the free-text fields a form for ``rater`` holds, besides the scan."""
    texts = _TRAINER_TEXTS if rater is Person.WORKPLACE_TRAINER else ()
    return (*texts, NAME_FIELD, DATE_FIELD)


def field_names(rater: Person, statement_ids: list[str]) -> list[str]:
    """Return every field a form for ``rater`` has, in a fixed order (for the check sum)."""
    own = [FORM_ID_FIELD, STORE_FIELD, RATER_FIELD]
    scan = [STATEMENT_PREFIX + s for s in statement_ids]
    agreed = [AGREED_FIELD] if rater is Person.WORKPLACE_TRAINER else []
    return [*own, *scan, *text_fields(rater), *agreed]


def store_fingerprint(store_identity: str) -> str:
    """Return what a form says about its store: enough to match, nothing to look up."""
    return hashlib.sha256(f"coachdesk-form-store:{store_identity}".encode()).hexdigest()[:20]


def check_sum(form_id: str, fingerprint: str, rater: Person, names: list[str]) -> str:
    """Return the check over the form's own fields; a renamed or removed field breaks it."""
    text = "\n".join([form_id, fingerprint, rater.value, *sorted(names)])
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def form_code(form_id: str) -> str:
    """Return the form id as the short code printed on the form, for the coach to recognise."""
    return form_id.replace("-", "")[:8].upper()


@dataclass(kw_only=True)
class ScanForm(Record):
    """One fillable form made for one student and one moment, and what came back in it.

    ``view``, ``points`` and ``proposals`` are the praktijkopleider's own words for the
    trialoog; they show in its preparation and start the company's view at the close.
    """

    student_id: str
    rater: Person
    moment: dt.date
    store_fingerprint: str
    conversation_id: str | None = None
    scan_id: str | None = None
    """The scan stored from this form; replaced, never doubled, when it is read in again."""
    read_in_at: dt.datetime | None = None
    filled_on: dt.date | None = None
    filled_by: str = ""
    view: str = ""
    points: str = ""
    proposals: str = ""
    agreed: bool = False

    def __post_init__(self) -> None:
        if self.rater not in FORM_RATERS:
            raise ValueError(f"no scan form is filled in by a {self.rater}")
