"""Students in the coach's caseload and the people around them."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from coachdesk.domain.labels import LabelledEnum
from coachdesk.domain.people import CONTACTS, Person
from coachdesk.domain.records import Record
from coachdesk.i18n import N_

LEVELS = (1, 2, 3, 4)
"""mbo niveau 1 (Entree) to 4."""


class Pathway(LabelledEnum):
    """Leerweg: mbo BOL (school-based) or BBL (work-based), or one of the four vmbo tracks."""

    BOL = "BOL"
    BBL = "BBL"
    VMBO_BB = "BB"
    VMBO_KB = "KB"
    VMBO_GL = "GL"
    VMBO_TL = "TL"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "BOL": N_("BOL (school-based)"),
            "BBL": N_("BBL (work-based)"),
            "BB": N_("vmbo basic vocational track (BB)"),
            "KB": N_("vmbo advanced vocational track (KB)"),
            "GL": N_("vmbo combined track (GL)"),
            "TL": N_("vmbo theoretical track (TL)"),
        }


class StudentStatus(LabelledEnum):
    """Whether the student is still in the caseload."""

    ACTIVE = "active"
    ARCHIVED = "archived"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"active": N_("Active"), "archived": N_("Archived")}


@dataclass(kw_only=True)
class Student(Record):
    """A student (mbo) or pupil (vmbo) in the coach's caseload."""

    student_number: str
    given_name: str
    family_name: str
    name_prefix: str = ""
    date_of_birth: dt.date | None = None
    group: str = ""
    programme: str = ""
    level: int | None = None
    pathway: Pathway | None = None
    year_of_study: int | None = None
    cohort: str = ""
    email: str = ""
    status: StudentStatus = StudentStatus.ACTIVE
    leave_date: dt.date | None = None

    def __post_init__(self) -> None:
        if not self.student_number.strip():
            raise ValueError("a student needs a student number")
        if not (self.given_name.strip() or self.family_name.strip()):
            raise ValueError("a student needs a name")
        if self.level is not None and self.level not in LEVELS:
            raise ValueError(f"level must be 1-4, not {self.level}")

    @property
    def full_name(self) -> str:
        """Return "Given prefix Family", as Dutch names are written in running text."""
        return " ".join(
            part for part in (self.given_name, self.name_prefix, self.family_name) if part
        )

    @property
    def sort_name(self) -> str:
        """Return "Family, Given prefix": the order Dutch class lists sort by."""
        given = " ".join(part for part in (self.given_name, self.name_prefix) if part)
        return f"{self.family_name}, {given}" if given else self.family_name

    @property
    def class_list_key(self) -> tuple[str, str]:
        """Return what class lists sort by: the name as ``search_key`` folds it, then the
        student number, so namesakes keep one order on every screen and in every list."""
        return search_key(self.sort_name), self.student_number

    def age_on(self, day: dt.date) -> int | None:
        """Return the student's age in whole years on ``day``, if the birth date is known."""
        if self.date_of_birth is None:
            return None
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@dataclass(kw_only=True)
class Contact(Record):
    """A parent/guardian, praktijkopleider or other person linked to one student."""

    student_id: str
    role: Person
    name: str
    company: str = ""
    email: str = ""
    phone: str = ""

    def __post_init__(self) -> None:
        if self.role not in CONTACTS:
            raise ValueError(f"a contact is not a {self.role}")


_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe"})
"""Letters that are not a plain letter plus an accent, as a coach types them without one:
Yılmaz as "yilmaz", Łukasz as "lukasz"."""


def search_key(text: str) -> str:
    """Return text folded for searching and sorting names: lowercase, accents removed
    ("Öztürk" → "ozturk"), so Öztürk sorts among the O's, as in a class list."""
    folded = text.casefold()
    if folded.isascii():  # most names: no accents to remove, and ten times faster
        return folded
    decomposed = unicodedata.normalize("NFKD", folded.translate(_UNDECOMPOSED))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def workplace_trainer_name(contacts: Iterable[Contact]) -> str:
    """Return the name of the student's praktijkopleider, the first one listed ("" if none)."""
    return next((c.name for c in contacts if c.role is Person.WORKPLACE_TRAINER), "")


def next_to_invite(contacts: Iterable[Contact], present: Iterable[str]) -> Contact | None:
    """Return who to add to a conversation next: a parent, then a praktijkopleider, among the
    student's contacts not yet at the table (``present``: their ids); ``None`` if nobody."""
    at_table = set(present)
    waiting = [c for c in contacts if c.id not in at_table and c.role is not Person.OTHER]
    waiting.sort(key=lambda c: c.role is not Person.PARENTS)  # stable: parents first
    return waiting[0] if waiting else None


RETENTION_YEARS = 2
"""Archived students are due for erasure this long after they left (a school may change it)."""


def retention_limit(today: dt.date, years: int = RETENTION_YEARS) -> dt.date:
    """Return the leave date before which an archived student is due for erasure."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)
