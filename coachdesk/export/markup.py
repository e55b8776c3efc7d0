"""User text made safe for reportlab's Paragraph markup."""

from __future__ import annotations

from xml.sax.saxutils import escape

MAX_UNBROKEN = 60
"""Longer runs without a space get break opportunities so a 5,000-character word cannot overflow."""


def _breakable(word: str) -> str:
    if len(word) <= MAX_UNBROKEN:
        return word
    return "\u200b".join(word[i : i + MAX_UNBROKEN] for i in range(0, len(word), MAX_UNBROKEN))


def paragraph_text(text: str) -> str:
    """Escape ``text`` for Paragraph markup, keeping line breaks; never raises on odd input."""
    lines = []
    for line in text.replace("\r\n", "\n").split("\n"):
        words = line.split(" ")
        lines.append(escape(" ".join(_breakable(word) for word in words)))
    return "<br/>".join(lines)
