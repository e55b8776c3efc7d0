"""The fonts every CoachDesk PDF embeds: DejaVu Sans first, shipped Noto fonts as fallback."""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from coachdesk.paths import resource_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
ARABIC = "NotoSansArabic"
HEBREW = "NotoSansHebrew"
EMOJI = "NotoEmoji"
_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    f"{ARABIC}-Bold": "NotoSansArabic-Bold.ttf",
    HEBREW: "NotoSansHebrew-Regular.ttf",
    f"{HEBREW}-Bold": "NotoSansHebrew-Bold.ttf",
    EMOJI: "NotoEmoji-Regular.ttf",
}
_FAMILIES = {
    # family: normal, bold, italic, bold italic. Arabic and Hebrew have no italic (slanting
    # them only hurts legibility); the emoji font has one weight.
    FONT: (FONT, FONT_BOLD, "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"),
    ARABIC: (ARABIC, f"{ARABIC}-Bold", ARABIC, f"{ARABIC}-Bold"),
    HEBREW: (HEBREW, f"{HEBREW}-Bold", HEBREW, f"{HEBREW}-Bold"),
    EMOJI: (EMOJI, EMOJI, EMOJI, EMOJI),
}


_reportlab_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(font_name: str, subset: list[int]) -> str:
    """Return reportlab's ToUnicode map with characters past U+FFFF written as UTF-16.

    reportlab writes 🌻 as ``<1F33B>``, which PDF readers reject, so copying the text lost
    every emoji; the PDF format wants the surrogate pair ``<D83CDF3B>``.
    """
    cmap: str = _reportlab_cmap(font_name, subset)
    for code, char in enumerate(subset):
        if char > 0xFFFF:
            utf16 = chr(char).encode("utf-16-be").hex().upper()
            cmap = cmap.replace(f"<{code:02X}> <{char:04X}>", f"<{code:02X}> <{utf16}>")
    return cmap


@cache
def register_fonts() -> None:
    """Embed the fonts so ë, ş, ł, محمد, שלום and 🌻 print as themselves, never as boxes.

    DejaVu Sans now; a fallback family when a text first needs it (``register_family``).
    """
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    register_family(FONT)


@cache
def register_family(family: str) -> None:
    """Embed one family (``FONT``, ``ARABIC``, ``HEBREW``, ``EMOJI``), regular and bold.

    DejaVu Sans' italic faces wait for ``register_italics``: only text with ``<i>`` markup
    needs them, and reading each DejaVu face costs ~15 ms.
    """
    normal, bold, italic, bold_italic = _FAMILIES[family]
    for name in dict.fromkeys((normal, bold)):
        _embed(name)
    pdfmetrics.registerFontFamily(
        family, normal=normal, bold=bold, italic=italic, boldItalic=bold_italic
    )


@cache
def register_italics() -> None:
    """Embed DejaVu Sans' italic faces, before Paragraph markup with ``<i>`` is drawn.

    The fallback families slant nothing: their italic is their regular face.
    """
    register_fonts()
    _normal, _bold, italic, bold_italic = _FAMILIES[FONT]
    _embed(italic)
    _embed(bold_italic)


@cache
def _embed(name: str) -> None:
    pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", _FILES[name]))))
