"""Who a person is around a student: one word for each, wherever the app names them.

A person takes part in a conversation, owns an agreement, rates a scan, is a contact, or may
read a text; it is the same ``Person`` each time, stored as the same word. A text whose
audience is the coach (``COACH_ONLY``) is private. Where only some people fit, a tuple below
says which; values coming in from outside (CLI, dossier, forms) are checked against it.
"""

from __future__ import annotations

from dataclasses import dataclass

from coachdesk.domain.labels import LabelledEnum
from coachdesk.i18n import N_, _


class Person(LabelledEnum):
    """Someone around the student; the value is the stable word stored and typed in the CLI."""

    STUDENT = "student"
    COACH = "coach"
    WORKPLACE_TRAINER = "praktijkopleider"
    PARENTS = "ouders"
    OTHER = "anders"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        """The person's role (``label``): in a conversation, as owner, as rater: "Ouder"."""
        return {person.value: words.role for person, words in LABELS.items()}

    @property
    def contact_label(self) -> str:
        """The person as a contact of the student: "Ouder/verzorger"."""
        return _(LABELS[self].contact)

    @property
    def report_label(self) -> str:
        """Whom a report is made for: "voor de ouders"."""
        return _(LABELS[self].report)

    @property
    def sentence_label(self) -> str:
        """The person inside a sentence: "de ouders"."""
        return _(LABELS[self].sentence)


@dataclass(frozen=True)
class PersonWords:
    """How one person is named in each place (English message ids, translated when shown)."""

    role: str
    """In a conversation, as owner of an agreement, as rater, under a signature."""
    contact: str
    report: str
    sentence: str


LABELS: dict[Person, PersonWords] = {
    Person.STUDENT: PersonWords(
        role=N_("Student"),
        contact=N_("Student"),
        report=N_("for the student"),
        sentence=N_("the student"),
    ),
    Person.COACH: PersonWords(
        role=N_("Coach"),
        contact=N_("Coach"),
        report=N_("for the coach"),
        sentence=N_("the coach"),
    ),
    Person.WORKPLACE_TRAINER: PersonWords(
        role=N_("Workplace trainer"),
        contact=N_("Workplace trainer"),
        report=N_("for the workplace trainer"),
        sentence=N_("the workplace trainer"),
    ),
    Person.PARENTS: PersonWords(
        role=N_("Parent"),
        contact=N_("Parent or guardian"),
        report=N_("for the parents"),
        sentence=N_("the parents"),
    ),
    Person.OTHER: PersonWords(
        role=N_("Other"),
        contact=N_("Other"),
        report=N_("for someone else"),
        sentence=N_("someone else"),
    ),
}
"""Every label for every person, in every context: the one table the UI and reports use."""

COACH_ONLY = Person.COACH
"""The audience of a private text: only the coach reads it; no report or card ever holds it."""

PARTICIPANTS = (Person.STUDENT, Person.COACH, Person.WORKPLACE_TRAINER, Person.PARENTS)
"""Who can take part in a conversation or own an agreement, in the order offered."""

CONTACTS = (Person.PARENTS, Person.WORKPLACE_TRAINER, Person.OTHER)
"""Who can be a contact of the student, in the order offered."""

SUMMARY_READERS = (Person.STUDENT, Person.PARENTS, Person.WORKPLACE_TRAINER)
"""Whom a conversation report can be made for; the values are the CLI's ``--for`` words."""

SHARED_READERS = (Person.PARENTS, Person.WORKPLACE_TRAINER)
"""Who may read a shared part besides the student, each only with consent for their version."""
