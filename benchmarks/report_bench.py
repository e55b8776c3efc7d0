"""How fast a conversation report renders in-process, against a one-paragraph PDF in the same run.

Target (issue: PDF summaries): rendering a summary takes under 150 ms.

Run: .venv/bin/python benchmarks/report_bench.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Paragraph

from coachdesk.export.pdf_styles import styles, write_pdf
from coachdesk.export.prep_card_pdf import write_prep_card
from coachdesk.export.summary_pdf import write_summary
from coachdesk.services.conversation_flow import ConversationFlow
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.summary_content import Reader, SummaryContent
from coachdesk.services.workspace import StoreLocation, Workspace

REPEAT = 20


def _median_ms(action: Callable[[], object]) -> float:
    action()  # warm up fonts and caches, as a running app has
    timings = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        workspace = Workspace.open(StoreLocation(folder, demo=True))
        fill_with_demo(workspace.repos, students=30, today=dt.date(2026, 11, 23))
        trialogues = workspace.repos.conversations.select(
            "kind = 'trialoog' AND state = 'afgerond'"
        )
        conversation = trialogues[0]
        content = SummaryContent(workspace.repos)

        def report() -> None:
            write_summary(
                content.build(conversation.id, Reader.STUDENT, "ROC Demostad"),
                folder / "verslag.pdf",
            )

        def prep_card() -> None:
            write_prep_card(
                ConversationFlow(workspace.repos).prepare(conversation.id), folder / "kaart.pdf"
            )

        def baseline() -> None:
            write_pdf(folder / "leeg.pdf", [Paragraph("Hallo", styles()["body"])], "x", "y")

        report_ms, card_ms, base_ms = (
            _median_ms(report),
            _median_ms(prep_card),
            _median_ms(baseline),
        )
        workspace.close()
    print(f"report (trialoog, incl. queries)  {report_ms:6.1f} ms  (target < 150 ms)")
    print(f"prep card (incl. queries)          {card_ms:6.1f} ms")
    print(f"baseline: one-paragraph PDF        {base_ms:6.1f} ms  ratio {report_ms / base_ms:.1f}x")


if __name__ == "__main__":
    main()
