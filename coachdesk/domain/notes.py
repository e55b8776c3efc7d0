"""What a conversation note is about: a general note, an insight, a party's view, live keywords."""

from __future__ import annotations

from coachdesk.domain.labels import LabelledEnum
from coachdesk.i18n import N_


class NoteKind(LabelledEnum):
    """The role a note plays in a conversation."""

    GENERAL = "algemeen"
    INSIGHT = "inzicht"
    VIEW_STUDENT = "visie_student"
    VIEW_SCHOOL = "visie_school"
    VIEW_COMPANY = "visie_bedrijf"
    LIVE = "tijdens_gesprek"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "algemeen": N_("Note"),
            "inzicht": N_("What the student found out"),
            "visie_student": N_("View of the student"),
            "visie_school": N_("View of the school"),
            "visie_bedrijf": N_("View of the company"),
            "tijdens_gesprek": N_("Keywords during the conversation"),
        }
