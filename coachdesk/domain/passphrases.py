"""How good a passphrase is, said in words a coach understands (a hint, not a rule).

Long sentences beat short tricks: length counts most, known patterns count against.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from coachdesk.i18n import _

MIN_LENGTH = 8
"""Shorter passphrases are refused everywhere (the store and handover dossiers)."""

_KNOWN_PATTERNS = (
    "wachtwoord",
    "password",
    "welkom",
    "qwerty",
    "azerty",
    "123456",
    "abcdef",
    "coachdesk",
    "geheim",
    "letmein",
)


class Strength(enum.IntEnum):
    """From refused to strong; the order is meaningful."""

    TOO_SHORT = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3


@dataclass(frozen=True)
class Judgement:
    """The strength and one line of advice to show beside the field."""

    strength: Strength
    advice: str


def judge(passphrase: str) -> Judgement:
    """Judge a passphrase by its length, its words and known patterns."""
    if len(passphrase) < MIN_LENGTH:
        return Judgement(
            Strength.TOO_SHORT, _("Too short: at least {n} characters.").format(n=MIN_LENGTH)
        )
    lowered = passphrase.lower()
    if len(set(lowered)) <= 3 or any(pattern in lowered for pattern in _KNOWN_PATTERNS):
        return Judgement(
            Strength.WEAK,
            _("Weak: this looks like a known password. Use a sentence only you would think of."),
        )
    words = len(re.findall(r"\w{2,}", passphrase))
    if len(passphrase) >= 20 and words >= 4:
        return Judgement(Strength.STRONG, _("Strong."))
    return Judgement(
        Strength.FAIR,
        _("Fair. A sentence of four or more words is stronger and easier to remember."),
    )
