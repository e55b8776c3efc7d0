"""The conversation report as simple HTML, for the system print dialog (Qt prints it)."""

from __future__ import annotations

from html import escape

from coachdesk.export.report_blocks import (
    Block,
    SignatureLines,
    Style,
    WritingLines,
    summary_blocks,
    summary_footer,
)
from coachdesk.services.summary_content import Summary

_TAGS = {
    Style.SCHOOL: "p",
    Style.TITLE: "h1",
    Style.SUBTITLE: "p",
    Style.SMALL: "p",
    Style.HEADING: "h3",
    Style.BODY: "p",
    Style.BULLET: "p",
}
_ACCENT = "color:#2f6f73"


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>")


def _block(block: Block) -> str:
    tag = _TAGS[block.style]
    style = _ACCENT if block.style in (Style.TITLE, Style.HEADING) else ""
    text = ("• " if block.style is Style.BULLET else "") + _text(block.text)
    if block.label:
        separator = "<br>" if block.label_above else ": "
        text = f"<b>{_text(block.label)}</b>{separator}{text}"
    if block.style in (Style.SMALL, Style.SCHOOL):
        text = f"<small>{text}</small>"
    return f"<{tag} style='{style}'>{text}</{tag}>"


def summary_html(summary: Summary) -> str:
    """Return the same content as the PDF report, as printable HTML."""
    parts = []
    for item in summary_blocks(summary):
        if isinstance(item, WritingLines):
            parts.append(
                "<p>" + "<br><br>______________________________________" * item.count + "</p>"
            )
        elif isinstance(item, SignatureLines):
            cells = "".join(
                f"<td style='padding-right:28px'><small>{_text(label)}</small>"
                "<br><br><br>____________________</td>"
                for label in item.labels
            )
            parts.append(f"<table><tr>{cells}</tr></table>")
        else:
            parts.append(_block(item))
    parts.append(f"<p><small>{_text(summary_footer(summary))}</small></p>")
    return "<html><body>" + "".join(parts) + "</body></html>"
