"""How the people around a student are named in one line."""

from __future__ import annotations

from coachdesk.domain.people import Person
from coachdesk.domain.students import Contact


def contacts_line(contacts: list[Contact]) -> str:
    """Return "Ouder/verzorger: Marieke Bakker (06-…) · Praktijkopleider: Karin (Bakkerij)"."""
    parts = []
    for contact in contacts:
        extra = contact.company if contact.role is Person.WORKPLACE_TRAINER else contact.phone
        suffix = f" ({extra})" if extra else ""
        parts.append(f"{contact.role.contact_label}: {contact.name}{suffix}")
    return " · ".join(parts)
