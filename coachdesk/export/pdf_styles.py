"""Fonts, styles and the page frame shared by every CoachDesk PDF."""

from __future__ import annotations

import functools
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from coachdesk.errors import StoreError
from coachdesk.export.fonts import FONT, FONT_BOLD, register_fonts
from coachdesk.export.markup import paragraph, paragraph_text
from coachdesk.i18n import _
from coachdesk.savefile import save

ACCENT = HexColor("#2f6f73")
MARGIN = 18 * mm


@cache
def styles() -> dict[str, ParagraphStyle]:
    """Return the paragraph styles: calm, readable, in one font family."""
    register_fonts()
    # uriWasteReduce: a long URL is split at its own "/" and "." rather than left overflowing.
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=10.5, leading=14.5, spaceAfter=3, uriWasteReduce=0.3
    )
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
            keepWithNext=1,  # a heading never stands alone at the bottom of a page
        ),
        "body": body,
        "small": ParagraphStyle(
            "small", parent=body, fontSize=9, leading=12, textColor=HexColor("#444444")
        ),
    }


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type information
    """Keeps every page until the end, so each can say "pagina x van y"."""

    def __init__(self, *args: Any, footer: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        # Form fields name the page they sit on; count on as if the page were written now.
        self._doc.pageCounter += 1
        self._startPage()

    def save(self) -> None:
        """Draw every page's footer, now that the number of pages is known."""
        total = len(self._pages)
        self._doc.pageCounter -= total
        for number, page in enumerate(self._pages, start=1):
            self.__dict__.update(page)
            self._draw_footer(_("page {number} of {total}").format(number=number, total=total))
            super().showPage()
        super().save()

    def _draw_footer(self, page_label: str) -> None:
        small = ParagraphStyle("footer", fontName=FONT, fontSize=8.5, textColor="#555555")
        width = A4[0] - 2 * MARGIN
        number = paragraph(page_label, ParagraphStyle("number", parent=small, alignment=2))
        number.wrapOn(self, width, 20 * mm)
        number.drawOn(self, MARGIN, 10 * mm)
        label = paragraph(paragraph_text(self._footer), small)
        label.wrapOn(self, width - 30 * mm, 20 * mm)
        label.drawOn(self, MARGIN, 10 * mm)


def write_pdf(target: Path, story: list[Flowable], title: str, footer: str) -> Path:
    """Write the PDF through the one save-file path (``savefile.save``).

    A crash or a full disk never leaves a half-written PDF under the chosen name.
    """
    register_fonts()

    def build(handle: BinaryIO) -> None:
        document = SimpleDocTemplate(
            handle,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=20 * mm,
            title=title,
            author="CoachDesk",
        )
        document.build(story, canvasmaker=functools.partial(_NumberedCanvas, footer=footer))

    try:
        return save(target, build)
    except OSError as error:
        raise StoreError(
            _("The PDF could not be written to {path}: {reason}").format(
                path=target, reason=error.strerror
            )
        ) from error
