"""The competence scan on paper: the chart for reports, and the form a workplace trainer fills."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from coachdesk.domain.competences import SCAN_SCALE, Competence, scale_label
from coachdesk.domain.people import Person
from coachdesk.domain.students import Student
from coachdesk.export.blocks_pdf import render_blocks
from coachdesk.export.fonts import FONT
from coachdesk.export.markup import paragraph, paragraph_text
from coachdesk.export.pdf_styles import styles, write_pdf
from coachdesk.export.report_blocks import SignatureLines
from coachdesk.i18n import _
from coachdesk.i18n.dates import compact_date, long_date
from coachdesk.services.competence_scan import ScanHistory, Statement, statements

WIDTH, ROW, LABEL, LEGEND, SCALE = 170 * mm, 16 * mm, 34 * mm, 8 * mm, 20 * mm
_STYLE = {
    Person.STUDENT: ("#2f6f73", 1.8),
    Person.COACH: ("#6b4f9e", 0.8),
    Person.WORKPLACE_TRAINER: ("#b06a1c", 0.8),
}


def _marker(drawing: Drawing, rater: Person, x: float, y: float, size: float = 2.2) -> None:
    colour = HexColor(_STYLE[rater][0])
    if rater is Person.STUDENT:
        drawing.add(Circle(x, y, size, fillColor=colour, strokeColor=colour))
    elif rater is Person.COACH:
        drawing.add(
            Rect(x - size, y - size, 2 * size, 2 * size, fillColor=colour, strokeColor=colour)
        )
    else:
        drawing.add(
            Polygon(
                [x, y + size + 0.5, x - size, y - size, x + size, y - size],
                fillColor=colour,
                strokeColor=colour,
            )
        )


def scan_chart(history: ScanHistory) -> Drawing:
    """Return the scan chart as a vector drawing: per competence, each rater over time."""
    moments = history.moments
    height = LEGEND + ROW * len(Competence) + 6 * mm
    drawing = Drawing(WIDTH, height)
    for index, rater in enumerate(_STYLE):
        x = index * 45 * mm
        _marker(drawing, rater, x + 2 * mm, height - 3 * mm)
        drawing.add(String(x + 5 * mm, height - 4.2 * mm, rater.label, fontName=FONT, fontSize=8))
    left, right = LABEL + 4 * mm, WIDTH - SCALE
    step = (right - left) / max(len(moments) - 1, 1)
    xs = [left + step * i if len(moments) > 1 else (left + right) / 2 for i in range(len(moments))]
    for row, competence in enumerate(Competence):
        top = height - LEGEND - row * ROW
        bottom = top - ROW + 4 * mm

        def y(value: int, top: float = top, bottom: float = bottom) -> float:
            return float(bottom + (value - 1) / (len(SCAN_SCALE) - 1) * (top - bottom - 2 * mm))

        drawing.add(
            String(0, (top + bottom) / 2 - 3, competence.label, fontName=FONT, fontSize=8.5)
        )
        for value in SCAN_SCALE:
            drawing.add(
                Line(
                    left,
                    y(value),
                    right,
                    y(value),
                    strokeColor=HexColor("#cccccc"),
                    strokeWidth=0.3,
                    strokeDashArray=[1, 2],
                )
            )
            drawing.add(
                String(
                    right + 2 * mm,
                    y(value) - 2,
                    scale_label(value),
                    fontName=FONT,
                    fontSize=6,
                    fillColor=HexColor("#777777"),
                )
            )
        for rater, (colour, width) in _STYLE.items():
            points = [
                (x, y(r))
                for x, m in zip(xs, moments, strict=True)
                if (r := history.rating(m, rater, competence))
            ]
            if len(points) > 1:
                drawing.add(
                    PolyLine(
                        [c for p in points for c in p],
                        strokeColor=HexColor(colour),
                        strokeWidth=width,
                        strokeDashArray=None if rater is Person.STUDENT else [3, 2],
                    )
                )
            for x, y_value in points:
                _marker(drawing, rater, x, y_value)
    for x, moment in zip(xs, moments, strict=True):
        drawing.add(
            String(
                x,
                0,
                compact_date(moment, today=dt.date.min),  # every label with its year
                fontName=FONT,
                fontSize=7.5,
                textAnchor="middle",
            )
        )
    return drawing


def scan_flowables(history: ScanHistory) -> list[Flowable]:
    """Return the chart with its heading, or nothing when there is no scan."""
    if not history.moments:
        return []
    note = _("Growth against the student's own earlier scans; this is not a grade.")
    heading = paragraph(paragraph_text(_("Competence scan")), styles()["heading"])
    note_paragraph = paragraph(paragraph_text(note), styles()["small"])
    return [KeepTogether([heading, note_paragraph, Spacer(1, 3 * mm), scan_chart(history)])]


def scan_table(
    competence: Competence, row: Callable[[Statement], list[Flowable | str]]
) -> list[Flowable]:
    """Return one competence's heading and its statements, one answer column per scale step.

    The paper scan puts boxes to tick in the columns, the fillable form radio buttons.
    """
    css = styles()
    header = ["", *(paragraph(paragraph_text(scale_label(v)), css["small"]) for v in SCAN_SCALE)]
    rows = [header, *(row(s) for s in statements() if s.competence is competence)]
    table = Table(rows, colWidths=[96 * mm, *[18.5 * mm] * len(SCAN_SCALE)])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (1, 1), (-1, -1), FONT),
                ("FONTSIZE", (1, 1), (-1, -1), 14),
                ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, HexColor("#bbbbbb")),
                # The scale words get the whole column: "sometimes" is not broken mid-word.
                ("LEFTPADDING", (1, 0), (-1, 0), 1),
                ("RIGHTPADDING", (1, 0), (-1, 0), 1),
            ]
        )
    )
    return [paragraph(paragraph_text(competence.label), css["heading"]), table]


def write_scan_paper(student: Student, day: dt.date, target: Path) -> Path:
    """Write the paper scan a workplace trainer fills in; the coach types the answers in later."""
    css = styles()
    story: list[Flowable] = [
        paragraph(
            paragraph_text(_("Competence scan — view of the workplace trainer")), css["title"]
        ),
        paragraph(
            paragraph_text(f"{student.full_name} · {student.group} · {long_date(day)}"),
            css["subtitle"],
        ),
        paragraph(
            paragraph_text(
                _(
                    "Tick one box per statement. There are no wrong answers; the "
                    "differences are what we talk about."
                )
            ),
            css["small"],
        ),
    ]
    for competence in Competence:
        story += scan_table(
            competence,
            lambda statement: (
                [paragraph(paragraph_text(statement.text(Person.WORKPLACE_TRAINER)), css["body"])]
                + ["☐"] * len(SCAN_SCALE)
            ),
        )
    signatures = SignatureLines([_("Name of the workplace trainer"), _("Signature"), _("Date")])
    # The last competence goes along with the signature lines: they never stand alone.
    story[-2:] = [KeepTogether([*story[-2:], Spacer(1, 8 * mm), *render_blocks([signatures])])]
    title = _("Competence scan")
    footer = _("Confidential · {title}").format(title=f"{title} · {student.full_name}")
    return write_pdf(target, story, title, footer)
