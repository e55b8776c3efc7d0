"""How the people around a student are named in one line."""

from __future__ import annotations

from coachdesk.domain.students import Contact, ContactRole


def contacts_line(contacts: list[Contact]) -> str:
    """Return "Ouder/verzorger: Marieke Bakker (06-…) · Praktijkopleider: Karin (Bakkerij)"."""
    parts = []
    for contact in contacts:
        extra = contact.company if contact.role is ContactRole.WORKPLACE_TRAINER else contact.phone
        suffix = f" ({extra})" if extra else ""
        parts.append(f"{contact.role.label}: {contact.name}{suffix}")
    return " · ".join(parts)
