"""Names CoachDesk suggests for the files a coach saves: readable, and valid on every system.

A title or a name may hold a colon, a slash or quotes: Windows refuses a ':' in a name, and a
'/' turns what comes before it into a folder that does not exist. Letters of every script stay.
"""

from __future__ import annotations

import re

_NOT_IN_A_NAME = re.compile(r"[\W_]+")
"""Everything but letters and digits (of any script) becomes one hyphen."""
MAX_PART = 60


def name_part(text: str, empty: str = "coachdesk") -> str:
    """Return ``text`` as one part of a file name: "Reflectie: week 1/2" → "reflectie-week-1-2"."""
    part = _NOT_IN_A_NAME.sub("-", text.casefold()).strip("-")
    return part[:MAX_PART].rstrip("-") or empty
