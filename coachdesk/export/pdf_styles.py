"""Fonts, styles and the page frame shared by every CoachDesk PDF."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from coachdesk.errors import StoreError
from coachdesk.i18n import _
from coachdesk.paths import resource_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
ACCENT = HexColor("#2f6f73")
MARGIN = 18 * mm


@cache
def register_fonts() -> None:
    """Embed DejaVu Sans so ë, ş, ı and ł print as letters, not boxes."""
    for name, file in (
        (FONT, "DejaVuSans.ttf"),
        (FONT_BOLD, "DejaVuSans-Bold.ttf"),
        ("DejaVuSans-Oblique", "DejaVuSans-Oblique.ttf"),
        ("DejaVuSans-BoldOblique", "DejaVuSans-BoldOblique.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    pdfmetrics.registerFontFamily(
        FONT,
        normal=FONT,
        bold=FONT_BOLD,
        italic="DejaVuSans-Oblique",
        boldItalic="DejaVuSans-BoldOblique",
    )


@cache
def styles() -> dict[str, ParagraphStyle]:
    """Return the paragraph styles: calm, readable, in one font family."""
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=14.5, spaceAfter=3)
    return {
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=17,
            leading=21,
            textColor=ACCENT,
            spaceAfter=4,
        ),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=11, leading=15, spaceAfter=8),
        "heading": ParagraphStyle(
            "heading",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12,
            leading=16,
            textColor=ACCENT,
            spaceBefore=9,
            spaceAfter=3,
        ),
        "body": body,
        "small": ParagraphStyle(
            "small", parent=body, fontSize=9, leading=12, textColor=HexColor("#444444")
        ),
    }


def _footer(label: str) -> Callable[[Canvas, SimpleDocTemplate], None]:
    def draw(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8.5)
        canvas.setFillColor(HexColor("#555555"))
        canvas.drawString(MARGIN, 10 * mm, label)
        canvas.drawRightString(
            A4[0] - MARGIN, 10 * mm, _("page {number}").format(number=document.page)
        )
        canvas.restoreState()

    return draw


def write_pdf(target: Path, story: list[Flowable], title: str, footer: str) -> Path:
    """Build the PDF into a temporary file beside ``target``, then move it into place.

    A crash or a full disk never leaves a half-written PDF under the chosen name.
    """
    register_fonts()
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial_name = tempfile.mkstemp(
        prefix=".coachdesk-", suffix=".pdf.partial", dir=target.parent
    )
    os.close(handle)
    partial = Path(partial_name)
    try:
        document = SimpleDocTemplate(
            str(partial),
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=20 * mm,
            title=title,
            author="CoachDesk",
        )
        document.build(story, onFirstPage=_footer(footer), onLaterPages=_footer(footer))
        partial.replace(target)
    except OSError as error:
        raise StoreError(
            _("The PDF could not be written to {path}: {reason}").format(
                path=target, reason=error.strerror
            )
        ) from error
    finally:
        partial.unlink(missing_ok=True)
    return target
