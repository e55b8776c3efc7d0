"""Referrals to the second or third line of support; care data that never leaves the coach."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coachdesk.domain.labels import LabelledEnum
from coachdesk.domain.records import Record
from coachdesk.i18n import N_


class SupportLine(LabelledEnum):
    """Second line: school specialists; third line: outside help."""

    SECOND = "2e_lijn"
    THIRD = "3e_lijn"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"2e_lijn": N_("Second line (school)"), "3e_lijn": N_("Third line (outside help)")}


class ReferralStatus(LabelledEnum):
    """How far a referral has come."""

    REQUESTED = "aangevraagd"
    RUNNING = "loopt"
    CLOSED = "afgesloten"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"aangevraagd": N_("Requested"), "loopt": N_("Running"), "afgesloten": N_("Closed")}


@dataclass(kw_only=True)
class Referral(Record):
    """A doorverwijzing. Always restricted: it never appears in any export or summary."""

    student_id: str
    line: SupportLine
    to_whom: str
    reason: str
    date: dt.date
    status: ReferralStatus = ReferralStatus.REQUESTED
    feedback: str = ""
