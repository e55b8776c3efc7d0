"""The conversation report (gespreksverslag) on paper: short, plain Dutch, signed by everyone."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable

from coachdesk.export.blocks_pdf import logo_flowables, render_blocks
from coachdesk.export.pdf_styles import write_pdf
from coachdesk.export.report_blocks import summary_blocks, summary_footer
from coachdesk.services.summary_content import Summary


def summary_story(summary: Summary, logo: Path | None = None) -> list[Flowable]:
    """Return the report's content for one reader."""
    return [*logo_flowables(logo), *render_blocks(summary_blocks(summary))]


def write_summary(summary: Summary, target: Path, logo: Path | None = None) -> Path:
    """Write one reader's report as a PDF at ``target`` (atomically)."""
    return write_pdf(target, summary_story(summary, logo), summary.title, summary_footer(summary))
