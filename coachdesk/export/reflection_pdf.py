"""A reflection on paper: its Markdown (headings, emphasis, lists) rendered faithfully."""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.platypus import Flowable

from coachdesk.domain.reflections import Reflection
from coachdesk.export.markup import paragraph, paragraph_text
from coachdesk.export.pdf_styles import styles, write_pdf
from coachdesk.i18n import _
from coachdesk.i18n.dates import long_date

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\d+)[.)]\s+(.*)$")
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?!\*)|(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)")


def _inline(text: str) -> str:
    """Escape the text, then turn **bold** and *italic* into Paragraph markup."""
    escaped = paragraph_text(text)
    escaped = _BOLD.sub(lambda m: f"<b>{m.group(1) or m.group(2)}</b>", escaped)
    return _ITALIC.sub(lambda m: f"<i>{m.group(1) or m.group(2)}</i>", escaped)


def markdown_flowables(markdown: str) -> list[Flowable]:
    """Return paragraphs for the Markdown the editor writes; unknown syntax stays as text."""
    css = styles()
    story: list[Flowable] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            story.append(paragraph(_inline(" ".join(paragraph)), css["body"]))
            paragraph.clear()

    for line in markdown.splitlines():
        if not line.strip():
            flush()
        elif heading := _HEADING.match(line):
            flush()
            style = css["heading"] if len(heading.group(1)) <= 2 else css["body"]
            story.append(paragraph(f"<b>{_inline(heading.group(2))}</b>", style))
        elif bullet := _BULLET.match(line):
            flush()
            story.append(paragraph("• " + _inline(bullet.group(1)), css["body"]))
        elif numbered := _NUMBERED.match(line):
            flush()
            story.append(
                paragraph(f"{numbered.group(1)}. {_inline(numbered.group(2))}", css["body"])
            )
        else:
            paragraph.append(line.strip())
    flush()
    return story


def write_reflection(reflection: Reflection, writer: str, target: Path) -> Path:
    """Write one reflection as a PDF at ``target`` (atomically)."""
    css = styles()
    story: list[Flowable] = [
        paragraph(paragraph_text(reflection.title), css["title"]),
        paragraph(
            paragraph_text(f"{writer} · {long_date(reflection.updated_at.date())}"), css["small"]
        ),
        *markdown_flowables(reflection.body),
    ]
    return write_pdf(
        target, story, reflection.title, _("Confidential · {title}").format(title=_("Reflection"))
    )
