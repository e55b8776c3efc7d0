"""Who normally sits at the table for each kind of conversation, offered when one is planned."""

from __future__ import annotations

from coachdesk.domain.conversations import ConversationKind
from coachdesk.domain.people import Person
from coachdesk.domain.students import Contact, Student


def default_participants(
    student: Student, kind: ConversationKind, coach_name: str, contacts: list[Contact]
) -> list[tuple[Person, str, str | None]]:
    """Return who normally sits at the table for ``kind``: always student and coach."""
    people: list[tuple[Person, str, str | None]] = [
        (Person.STUDENT, student.full_name, None),
        (Person.COACH, coach_name, None),
    ]
    wanted = {
        ConversationKind.TRIALOGUE: Person.WORKPLACE_TRAINER,
        ConversationKind.PLACEMENT_VISIT: Person.WORKPLACE_TRAINER,
        ConversationKind.PARENTS: Person.PARENTS,
    }.get(kind)
    for contact in contacts:
        if contact.role is wanted:
            people.append((contact.role, contact.name, contact.id))
            break
    return people
