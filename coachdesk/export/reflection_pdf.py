"""A reflection on paper: its Markdown read by a real parser, so it prints as it was typed.

The editor stores Markdown (Qt writes it, escaping what would otherwise be markup, such as
``1\\. punt``). markdown-it-py turns it into tokens; each block becomes a Paragraph, and
only text from the tokens reaches the Paragraph markup, escaped.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from coachdesk.domain.reflections import Reflection
from coachdesk.export.fonts import register_italics
from coachdesk.export.markup import paragraph, paragraph_text, quoted_attribute
from coachdesk.export.pdf_styles import styles, write_pdf
from coachdesk.i18n import _
from coachdesk.i18n.dates import long_date

LIST_INDENT = 14
_INLINE_TAGS = {"strong_open": "<b>", "strong_close": "</b>", "em_open": "<i>", "em_close": "</i>"}


@cache
def _parser() -> MarkdownIt:
    # CommonMark without raw HTML: a typed "<b>" is text, never markup.
    return MarkdownIt("commonmark", {"html": False})


@cache
def _indented(depth: int) -> ParagraphStyle:
    return ParagraphStyle(f"list-{depth}", parent=styles()["body"], leftIndent=LIST_INDENT * depth)


def _inline(token: Token) -> str:
    """Return Paragraph markup for an inline token's children (text escaped, emphasis kept)."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(paragraph_text(child.content))
        elif child.type in _INLINE_TAGS:
            parts.append(_INLINE_TAGS[child.type])
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("<br/>")
        elif child.type == "link_open":
            parts.append(f'<a href={quoted_attribute(str(child.attrs["href"]))} color="#1f5f8b">')
        elif child.type == "link_close":
            parts.append("</a>")
    return "".join(parts)


def markdown_flowables(markdown: str) -> list[Flowable]:
    """Return one Paragraph per heading, paragraph, list item, quote or code block."""
    register_italics()  # emphasis (*word*) prints in italics
    css = styles()
    story: list[Flowable] = []
    numbers: list[int | None] = []  # per open list: the next item's number, None for bullets
    quotes = 0
    marker = ""  # the bullet or number of a list item, until its first paragraph
    tokens = _parser().parse(markdown)
    for index, token in enumerate(tokens):
        depth = len(numbers) + quotes
        if token.type == "heading_open":
            style = css["heading"] if token.tag in ("h1", "h2") else css["body"]
            story.append(paragraph(f"<b>{_inline(tokens[index + 1])}</b>", style))
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            numbers.append(int(token.attrs.get("start", 1)) if token.tag == "ol" else None)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            numbers.pop()
        elif token.type in ("blockquote_open", "blockquote_close"):
            quotes += 1 if token.nesting > 0 else -1
        elif token.type == "list_item_open":
            marker = "• " if numbers[-1] is None else f"{numbers[-1]}. "
            numbers[-1] = None if numbers[-1] is None else numbers[-1] + 1
        elif token.type == "inline" and tokens[index - 1].type == "paragraph_open":
            style = _indented(depth) if depth else css["body"]
            story.append(paragraph(paragraph_text(marker) + _inline(token), style))
            marker = ""
        elif token.type in ("fence", "code_block"):
            text = paragraph_text(token.content.rstrip("\n"))
            story.append(paragraph(text, _indented(depth + 1)))
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
