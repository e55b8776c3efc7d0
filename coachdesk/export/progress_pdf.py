"""The voortgangsoverzicht on paper."""

from __future__ import annotations

from pathlib import Path

from coachdesk.export.blocks_pdf import logo_flowables, render_blocks
from coachdesk.export.pdf_styles import write_pdf
from coachdesk.export.report_blocks import progress_blocks
from coachdesk.export.scan_pdf import scan_flowables
from coachdesk.i18n import _
from coachdesk.services.progress_report import ProgressReport


def write_progress(report: ProgressReport, target: Path, logo: Path | None = None) -> Path:
    """Write the progress overview as a PDF at ``target`` (atomically)."""
    story = [
        *logo_flowables(logo),
        *render_blocks(progress_blocks(report)),
        *scan_flowables(report.scans),
    ]
    title = _("Progress overview")
    footer = _("Confidential · {title}").format(title=f"{title} · {report.student.full_name}")
    return write_pdf(target, story, title, footer)
