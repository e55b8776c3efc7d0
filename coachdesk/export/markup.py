"""User text made safe for reportlab's Paragraph markup, in a font that can draw every letter.

DejaVu Sans draws most Latin, Greek and Cyrillic names. A character it lacks falls back to a
shipped Noto font that has it (an emoji as a monochrome glyph). Arabic and Hebrew always use
their Noto font: reportlab shapes them with HarfBuzz (joined Arabic letters, right to left).
"""

from __future__ import annotations

import html
import re
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from coachdesk.export.fonts import ARABIC, EMOJI, FONT, HEBREW, register_family, register_fonts

REPLACEMENT = "\ufffd"
"""Shown where no shipped font has a glyph: a visible mark, never a silent gap."""

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]'’”]")
_INVISIBLE = frozenset("\ufe0e\ufe0f\u200d")
"""Emoji variation selectors and joiners: dropped where the chosen font cannot draw them."""
_RUN_JOIN = "\xa0"
"""Joins the words of a right-to-left run, so HarfBuzz orders the whole run at once."""
_FONT_BREAK = "\u200a"


def escape(text: str) -> str:
    """Return ``text`` with ``&``, ``<`` and ``>`` escaped for Paragraph markup.

    ``html`` rather than ``xml.sax.saxutils``, which loads urllib, http and email with it.
    """
    return html.escape(text, quote=False)


def quoted_attribute(value: str) -> str:
    """Return ``value`` in double quotes as a Paragraph tag's attribute (reportlab unescapes it)."""
    return f'"{html.escape(value)}"'


@cache
def _glyphs(font_name: str) -> frozenset[int]:
    """Return the characters one family (a fallback is embedded on first use) can draw."""
    register_fonts()
    register_family(font_name)
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


def _script_font(char: str) -> str:
    return HEBREW if "\u0590" <= char <= "\u05ff" or "\ufb1d" <= char <= "\ufb4f" else ARABIC


@cache
def _font_for(char: str) -> str | None:
    """Return the font that draws ``char``, or None when no shipped font has it."""
    candidates = (_script_font(char), FONT) if _RTL.match(char) else (FONT, EMOJI)
    return next((font for font in candidates if ord(char) in _glyphs(font)), None)


def _runs(word: str, in_rtl_run: bool) -> list[tuple[str, str]]:
    """Split ``word`` into (font, text) pieces; a missing glyph becomes the replacement mark.

    Spaces, digits and punctuation inside a right-to-left run keep the run's font, so the
    whole run is shaped (and ordered) in one go.
    """
    runs: list[tuple[str, str]] = []
    for char in word:
        font, drawn = _font_for(char), char
        if in_rtl_run and runs and not _RTL.match(char) and ord(char) in _glyphs(runs[-1][0]):
            font = runs[-1][0]
        if font is None:
            if char in _INVISIBLE:
                continue
            font, drawn = FONT, REPLACEMENT
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + drawn)
        else:
            runs.append((font, drawn))
    return runs


def _markup_word(word: str, shaped: bool) -> str:
    """Escape one word and give each piece its font; a URL becomes a link."""
    if word.isascii():
        pieces = [escape(word)]
    else:
        pieces = [
            escape(text) if font == FONT else f'<font name="{font}">{escape(text)}</font>'
            for font, text in _runs(word, bool(_RTL.search(word)))
        ]
    # HarfBuzz shapes a whole word in the font of its first piece, so where shaping is on a
    # font change inside a word becomes a word break (a hair space).
    markup = (_FONT_BREAK if shaped else "").join(pieces)
    if _URL.fullmatch(word):
        target = word if "://" in word else f"https://{word}"
        return f'<a href={quoted_attribute(target)} color="#1f5f8b">{markup}</a>'
    return markup


def _line_words(line: str) -> list[str]:
    """Return the line's words, with each right-to-left run joined into one word."""
    words: list[str] = []
    for word in line.split(" "):
        if words and _RTL.search(word) and _RTL.search(words[-1]):
            words[-1] += _RUN_JOIN + word
        else:
            words.append(word)
    return words


def _markup_line(line: str, shaped: bool) -> str:
    if line.isascii() and "://" not in line and "www." not in line:
        return escape(line)
    pieces = []
    for word in _line_words(line):
        url = _URL.search(word)
        if url and (url.start() or url.end() < len(word)):
            parts = (word[: url.start()], url.group(), word[url.end() :])
            pieces.append("".join(_markup_word(part, shaped) for part in parts if part))
        else:
            pieces.append(_markup_word(word, shaped))
    return " ".join(pieces)


def paragraph_text(text: str) -> str:
    """Escape ``text`` for Paragraph markup, keeping line breaks; never raises on odd input."""
    shaped = bool(_RTL.search(text))
    lines = text.replace("\r\n", "\n").split("\n")
    return "<br/>".join(_markup_line(line, shaped) for line in lines)


@cache
def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1, uriWasteReduce=0)


def paragraph(markup: str, style: ParagraphStyle) -> Paragraph:
    """Return a Paragraph; text with Arabic or Hebrew is shaped, the rest stays fast."""
    return Paragraph(markup, _shaped(style) if _RTL.search(markup) else style)
