"""Open questions for a career conversation, per phase and per loopbaancompetentie."""

from __future__ import annotations

from dataclasses import dataclass

from coachdesk.domain.competences import Competence
from coachdesk.domain.labels import LabelledEnum
from coachdesk.domain.records import Record
from coachdesk.i18n import N_


class Phase(LabelledEnum):
    """The phases of a dialogical conversation."""

    OPENING = "openen"
    EXPLORING = "verkennen"
    AGREEING = "afspreken"
    CLOSING = "afsluiten"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "openen": N_("Opening"),
            "verkennen": N_("Exploring"),
            "afspreken": N_("Agreeing"),
            "afsluiten": N_("Closing"),
        }


@dataclass(kw_only=True)
class Question(Record):
    """A student-friendly open question; some ship with CoachDesk, coaches add their own."""

    text: str
    phase: Phase
    competence: Competence | None = None
    builtin: bool = False

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise ValueError("a question needs text")
