"""The conversation report (gespreksverslag) on paper: short, plain Dutch, signed by everyone."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from coachdesk.export.markup import paragraph_text
from coachdesk.export.pdf_styles import styles, write_pdf
from coachdesk.i18n import _
from coachdesk.i18n.dates import long_date
from coachdesk.services.summary_content import Summary

LOGO_HEIGHT = 16 * mm
SIGNATURE_SPACE = 16 * mm
SIGNATURE_GAP = 10 * mm


def _header(summary: Summary, logo: Path | None) -> list[Flowable]:
    css = styles()
    school = (
        Paragraph(paragraph_text(summary.school_name), css["small"])
        if summary.school_name
        else None
    )
    if logo is not None and logo.is_file():
        image = Image(str(logo))
        scale = LOGO_HEIGHT / image.imageHeight
        image.drawHeight, image.drawWidth = LOGO_HEIGHT, image.imageWidth * scale
        table = Table([[school or "", image]], colWidths=["*", image.drawWidth])
        table.setStyle(
            TableStyle(
                [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
            )
        )
        return [table, Spacer(1, 4)]
    return [school] if school else []


def _section(title: str, body: list[Flowable]) -> list[Flowable]:
    return [Paragraph(paragraph_text(title), styles()["heading"]), *body]


def summary_story(summary: Summary, logo: Path | None = None) -> list[Flowable]:
    """Return the report's content for one reader."""
    css = styles()
    student, conversation = summary.student, summary.conversation
    facts = " · ".join(
        part for part in (student.full_name, student.group, student.programme) if part
    )
    story = [
        *_header(summary, logo),
        Paragraph(paragraph_text(summary.title), css["title"]),
        Paragraph(paragraph_text(facts), css["subtitle"]),
        Paragraph(
            paragraph_text(
                _("{date} · version {reader}").format(
                    date=long_date(conversation.date), reader=summary.reader.label
                )
            ),
            css["small"],
        ),
    ]
    people = ", ".join(f"{p.name} ({p.role.label.lower()})" for p in summary.participants)
    if people:
        story.append(
            Paragraph(paragraph_text(_("Present: {people}").format(people=people)), css["small"])
        )
    if summary.summary:
        story += _section(
            _("In the student's own words"),
            [Paragraph(paragraph_text(summary.summary), css["body"])],
        )
    if summary.insights:
        story += _section(
            _("What the student found out"),
            [
                Paragraph(f"<b>{paragraph_text(c.label)}</b>: {paragraph_text(text)}", css["body"])
                for c, text in summary.insights
            ],
        )
    if summary.views:
        story += _section(
            _("How we each see it"),
            [
                Paragraph(f"<b>{paragraph_text(label)}</b>: {paragraph_text(text)}", css["body"])
                for label, text in summary.views
            ],
        )
    story += _section(
        _("Agreements"),
        [
            Paragraph(
                f"<b>{paragraph_text(a.description)}</b><br/>"
                + paragraph_text(
                    _("who: {owner} · by: {when}").format(
                        owner=a.owner.label,
                        when=long_date(a.due_date) if a.due_date else _("no date"),
                    )
                ),
                css["body"],
            )
            for a in summary.agreements
        ]
        or [Paragraph(_("No new agreements."), css["body"])],
    )
    if summary.goals:
        story += _section(
            _("Goals"),
            [Paragraph("• " + paragraph_text(g.description), css["body"]) for g in summary.goals],
        )
    if conversation.next_appointment:
        story += _section(
            _("Next appointment"),
            [Paragraph(paragraph_text(long_date(conversation.next_appointment)), css["body"])],
        )
    story += _section(
        _("Room for your own comment"),
        [
            Spacer(1, 10 * mm),
            HRFlowable(width="100%", thickness=0.4, color="#999999"),
            Spacer(1, 8 * mm),
            HRFlowable(width="100%", thickness=0.4, color="#999999"),
        ],
    )
    story.append(KeepTogether(_signatures(summary)))
    return story


def _signatures(summary: Summary) -> list[Flowable]:
    """One labelled line per signer, side by side, with a gap between the lines."""
    css = styles()
    labels, blanks, columns = [], [], []
    for index, role in enumerate(summary.signatures):
        if index:
            labels.append("")
            blanks.append("")
            columns.append(SIGNATURE_GAP)
        labels.append(
            Paragraph(paragraph_text(_("Signature {role}").format(role=role.lower())), css["small"])
        )
        blanks.append("")
        columns.append(None)
    table = Table([labels, blanks], colWidths=columns, rowHeights=[None, SIGNATURE_SPACE])
    commands = [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
    commands += [
        ("LINEBELOW", (column, 1), (column, 1), 0.6, "#333333")
        for column in range(0, len(columns), 2)
    ]
    table.setStyle(TableStyle(commands))
    return [Paragraph(paragraph_text(_("Signatures")), css["heading"]), table]


def write_summary(summary: Summary, target: Path, logo: Path | None = None) -> Path:
    """Write one reader's report as a PDF at ``target`` (atomically)."""
    footer = _("Confidential · {title} · version {reader}").format(
        title=summary.title, reader=summary.reader.label
    )
    return write_pdf(target, summary_story(summary, logo), summary.title, footer)
