"""User text made safe for reportlab's Paragraph markup."""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics

from coachdesk.export.pdf_styles import FONT, register_fonts

MAX_UNBROKEN = 60
"""Longer runs without a space get break opportunities so a 5,000-character word cannot overflow."""


def _breakable(word: str) -> str:
    if len(word) <= MAX_UNBROKEN:
        return word
    return "\u200b".join(word[i : i + MAX_UNBROKEN] for i in range(0, len(word), MAX_UNBROKEN))


REPLACEMENT = "\ufffd"
"""Shown where the embedded font has no glyph: a visible mark, never a silent gap."""


@cache
def _glyphs(font_name: str) -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


def printable(text: str, font_name: str) -> str:
    """Replace characters the font cannot draw (emoji, CJK) with a visible replacement mark."""
    glyphs = _glyphs(font_name)
    return "".join(char if ord(char) in glyphs or char in "\n\t" else REPLACEMENT for char in text)


def paragraph_text(text: str, font_name: str = FONT) -> str:
    """Escape ``text`` for Paragraph markup, keeping line breaks; never raises on odd input."""
    text = printable(text, font_name)
    lines = []
    for line in text.replace("\r\n", "\n").split("\n"):
        words = line.split(" ")
        lines.append(escape(" ".join(_breakable(word) for word in words)))
    return "<br/>".join(lines)
