"""The roles people have around a student: in a conversation, as owner of an agreement, as rater."""

from __future__ import annotations

from coachdesk.domain.labels import LabelledEnum
from coachdesk.i18n import N_


class Role(LabelledEnum):
    """A person's role in a conversation; also who owns an agreement or rates a scan."""

    STUDENT = "student"
    COACH = "coach"
    WORKPLACE_TRAINER = "praktijkopleider"
    PARENT = "ouder"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "student": N_("Student"),
            "coach": N_("Coach"),
            "praktijkopleider": N_("Workplace trainer"),
            "ouder": N_("Parent"),
        }
