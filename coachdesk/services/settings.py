"""The coach's settings, kept in the store itself so they travel with the data."""

from __future__ import annotations

from pathlib import Path

from coachdesk.domain.school_year import Cadence
from coachdesk.domain.students import RETENTION_YEARS
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.storage.database import Store

_WEEKS_KEY = "cadence.max_weeks_between"
_PER_YEAR_KEY = "cadence.per_school_year"
_COACH_NAME_KEY = "coach.name"
_COACH_CONTACT_KEY = "coach.contact"
COACH_CONTACT_MAX = 120
"""One line on a report: an e-mail address and a phone number fit, a letter does not."""
_SCHOOL_NAME_KEY = "school.name"
_SCHOOL_LOGO_KEY = "school.logo"
_LOCK_MINUTES_KEY = "lock.idle_minutes"
DEFAULT_LOCK_MINUTES = 5
LOCK_MINUTES_RANGE = (1, 60)
_RETENTION_KEY = "privacy.retention_years"
RETENTION_YEARS_RANGE = (1, 10)


class SettingsService:
    """Reads and writes the settings that change how the caseload is judged."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def cadence(self) -> Cadence:
        """Return the conversation cadence; defaults when the coach never changed it."""
        default = Cadence()
        weeks = self._store.meta(_WEEKS_KEY)
        per_year = self._store.meta(_PER_YEAR_KEY)
        return Cadence(
            max_weeks_between=int(weeks) if weeks else default.max_weeks_between,
            per_school_year=int(per_year) if per_year else default.per_school_year,
        )

    def set_cadence(self, cadence: Cadence) -> None:
        """Store a new cadence in one transaction."""
        with self._store.atomic():
            self._store.set_meta(_WEEKS_KEY, str(cadence.max_weeks_between))
            self._store.set_meta(_PER_YEAR_KEY, str(cadence.per_school_year))

    def coach_name(self) -> str:
        """Return the coach's own name, as it appears among a conversation's participants."""
        return self._store.meta(_COACH_NAME_KEY) or ""

    def set_coach_name(self, name: str) -> None:
        """Remember the coach's name for the next conversation."""
        with self._store.atomic():
            self._store.set_meta(_COACH_NAME_KEY, name.strip())

    def coach_contact(self) -> str:
        """Return how parents and praktijkopleiders reach the coach ("" when not set)."""
        return self._store.meta(_COACH_CONTACT_KEY) or ""

    def set_coach_contact(self, contact: str) -> None:
        """Remember how to reach the coach (see ``contact_line``)."""
        line = contact_line(contact)
        with self._store.atomic():
            self._store.set_meta(_COACH_CONTACT_KEY, line)

    def school_name(self) -> str:
        """Return the school's name, printed at the top of every report."""
        return self._store.meta(_SCHOOL_NAME_KEY) or ""

    def school_logo(self) -> Path | None:
        """Return the school's logo file, if one was chosen and still exists."""
        value = self._store.meta(_SCHOOL_LOGO_KEY)
        return Path(value) if value and Path(value).is_file() else None

    def set_school(self, name: str, logo: Path | None) -> None:
        """Store the school's name and logo in one transaction."""
        with self._store.atomic():
            self._store.set_meta(_SCHOOL_NAME_KEY, name.strip())
            self._store.set_meta(_SCHOOL_LOGO_KEY, str(logo) if logo else "")

    def lock_minutes(self) -> int:
        """Return after how many idle minutes the window locks itself."""
        return self._number(_LOCK_MINUTES_KEY, LOCK_MINUTES_RANGE, DEFAULT_LOCK_MINUTES)

    def set_lock_minutes(self, minutes: int) -> None:
        """Remember the idle time before locking (kept within the allowed range)."""
        self._set_number(_LOCK_MINUTES_KEY, LOCK_MINUTES_RANGE, minutes)

    def retention_years(self) -> int:
        """Return how many years after leaving an archived student is due for erasure."""
        return self._number(_RETENTION_KEY, RETENTION_YEARS_RANGE, RETENTION_YEARS)

    def set_retention_years(self, years: int) -> None:
        """Remember the school's retention period (kept within the allowed range)."""
        self._set_number(_RETENTION_KEY, RETENTION_YEARS_RANGE, years)

    def _number(self, key: str, bounds: tuple[int, int], default: int) -> int:
        value = self._store.meta(key)
        return _clamp(int(value), bounds) if value else default

    def _set_number(self, key: str, bounds: tuple[int, int], value: int) -> None:
        with self._store.atomic():
            self._store.set_meta(key, str(_clamp(value, bounds)))


def contact_line(text: str) -> str:
    """Return the coach's contact details as the one line a report prints.

    A pasted e-mail signature keeps its parts, joined by " · "; a text longer than
    ``COACH_CONTACT_MAX`` is refused whole with one sentence, so nothing half is stored.
    """
    line = " · ".join(part.strip() for part in text.splitlines() if part.strip())
    if len(line) > COACH_CONTACT_MAX:
        raise ValidationError(
            _("Keep your contact details to one line of at most {count} characters.").format(
                count=COACH_CONTACT_MAX
            )
        )
    return line


def _clamp(value: int, bounds: tuple[int, int]) -> int:
    low, high = bounds
    return min(high, max(low, value))
