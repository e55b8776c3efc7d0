"""Rendering report blocks (see report_blocks) as reportlab flowables."""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    Image,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from coachdesk.export.markup import paragraph, paragraph_text
from coachdesk.export.pdf_styles import styles
from coachdesk.export.report_blocks import Block, Item, SignatureLines, Style, WritingLines

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
LOGO_HEIGHT = 16 * mm
SIGNATURE_SPACE = 16 * mm
SIGNATURE_GAP = 10 * mm
_STYLE_NAMES = {
    Style.SCHOOL: "small",
    Style.TITLE: "title",
    Style.SUBTITLE: "subtitle",
    Style.SMALL: "small",
    Style.HEADING: "heading",
    Style.BODY: "body",
    Style.BULLET: "body",
}


def logo_flowables(path: Path | None) -> list[Flowable]:
    """Return the school logo, right-aligned and small, if the file is there."""
    if path is None or not path.is_file():
        return []
    image = Image(str(path))
    scale = LOGO_HEIGHT / image.imageHeight
    image.drawHeight, image.drawWidth = LOGO_HEIGHT, image.imageWidth * scale
    image.hAlign = "RIGHT"
    return [image]


def _paragraphs(block: Block) -> list[Flowable]:
    """One Paragraph per blank-line-separated part of the text.

    reportlab re-wraps the rest of a paragraph on every page it splits over, so one 50-page
    Paragraph takes seconds where fifty short ones take a fraction of that.
    """
    style = styles()[_STYLE_NAMES[block.style]]
    parts = [part.strip("\n") for part in _BLANK_LINE.split(block.text)] or [""]
    texts = [paragraph_text(part) for part in parts if part] or [""]
    if block.style is Style.BULLET:
        texts[0] = "• " + texts[0]
    if block.label:
        separator = "<br/>" if block.label_above else ": "
        texts[0] = f"<b>{paragraph_text(block.label)}</b>{separator}{texts[0]}"
    story: list[Flowable] = [paragraph(texts[0], style)]
    for text in texts[1:]:
        story += [Spacer(1, style.leading / 2), paragraph(text, style)]
    return story


def _writing_lines(lines: WritingLines) -> list[Flowable]:
    flowables: list[Flowable] = []
    for _line in range(lines.count):
        flowables += [Spacer(1, 9 * mm), HRFlowable(width="100%", thickness=0.4, color="#999999")]
    return flowables


def _signatures(signatures: SignatureLines) -> Flowable:
    """One labelled line per signer, side by side, with a gap between the lines."""
    labels: list[object] = []
    blanks: list[object] = []
    columns: list[float | None] = []
    for index, label in enumerate(signatures.labels):
        if index:
            labels.append("")
            blanks.append("")
            columns.append(SIGNATURE_GAP)
        labels.append(paragraph(paragraph_text(label), styles()["small"]))
        blanks.append("")
        columns.append(None)
    table = Table([labels, blanks], colWidths=columns, rowHeights=[None, SIGNATURE_SPACE])
    commands: list[tuple[object, ...]] = [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    commands += [
        ("LINEBELOW", (column, 1), (column, 1), 0.6, "#333333")
        for column in range(0, len(columns), 2)
    ]
    table.setStyle(TableStyle(commands))
    return KeepTogether([table])


def render_blocks(items: list[Item]) -> list[Flowable]:
    """Return reportlab flowables for report blocks, in order."""
    story: list[Flowable] = []
    for item in items:
        if isinstance(item, WritingLines):
            story += _writing_lines(item)
        elif isinstance(item, SignatureLines):
            story.append(_signatures(item))
        else:
            story += _paragraphs(item)
    return story
