"""How fast reports render, against a one-paragraph PDF and a one-paragraph command in the same run.

Targets (issue 15): a 15,000-word summary renders in under 0.5 s in process and in under
1.5 s as a whole ``coachdesk summary`` command; a normal trialogue report in under 150 ms.

Run: .venv/bin/python benchmarks/report_bench.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Paragraph

from coachdesk.domain.conversations import ConversationKind
from coachdesk.domain.roles import Role
from coachdesk.domain.students import Student
from coachdesk.export.pdf_styles import styles, write_pdf
from coachdesk.export.prep_card_pdf import write_prep_card
from coachdesk.export.summary_pdf import write_summary
from coachdesk.services.closing import Closing
from coachdesk.services.conversation_flow import ConversationFlow
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.summary_content import Reader, SummaryContent
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.storage.repositories import Repositories

REPEAT = 10
WORDS = 15_000
SENTENCE = "Op mijn stage bij de bakker leerde ik veel over klanten, samenwerken en mezelf."


def _median_s(action: Callable[[], object], repeat: int = REPEAT) -> float:
    action()  # warm up fonts and caches, as a running app has
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def _closed_conversation(repos: Repositories, summary: str) -> str:
    """Return the id of a closed dialogue whose summary is ``summary``."""
    student = repos.students.add(
        Student(
            student_number=f"99{len(summary)}",
            given_name="Mila 🌻",
            family_name="Jansen",
            group="VIG3-2A",
        )
    )
    flow = ConversationFlow(repos)
    day = dt.date(2026, 11, 22)
    conversation = flow.start(
        student.id, ConversationKind.DIALOGUE, day, [(Role.STUDENT, student.full_name, None)]
    )
    flow.close(conversation.id, Closing(summary=summary), day)
    return conversation.id


def _long_summary() -> str:
    """About 15,000 words in paragraphs of about 120 words, as a long written summary has."""
    words_per_sentence = len(SENTENCE.split())
    paragraph = " ".join([SENTENCE] * (120 // words_per_sentence))
    return "\n\n".join([paragraph] * (WORDS // len(paragraph.split())))


def _command_s(folder: Path, conversation: str, target: Path) -> float:
    """Median wall time of the whole ``coachdesk summary`` command (a fresh Python each time)."""
    command = [sys.executable, "-m", "coachdesk", "--data-dir", str(folder), "--demo"]
    command += ["summary", conversation, "--out", str(target)]

    def run() -> None:
        subprocess.run(command, check=True, capture_output=True)

    return _median_s(run, repeat=5)


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        workspace = Workspace.open(StoreLocation(folder, demo=True))
        repos = workspace.repos
        fill_with_demo(repos, students=30, today=dt.date(2026, 11, 23))
        trialogue = repos.conversations.select("kind = 'trialoog' AND state = 'afgerond'")[0]
        long_id = _closed_conversation(repos, _long_summary())
        short_id = _closed_conversation(repos, SENTENCE)
        content = SummaryContent(repos)

        def summary(conversation: str) -> Callable[[], object]:
            return lambda: write_summary(
                content.build(conversation, Reader.STUDENT, "ROC Demostad"), folder / "v.pdf"
            )

        def prep_card() -> None:
            write_prep_card(ConversationFlow(repos).prepare(trialogue.id), folder / "kaart.pdf")

        def baseline() -> None:
            write_pdf(folder / "leeg.pdf", [Paragraph("Hallo", styles()["body"])], "x", "y")

        report_s, card_s, base_s = (
            _median_s(summary(trialogue.id)),
            _median_s(prep_card),
            _median_s(baseline),
        )
        long_s, short_s = _median_s(summary(long_id)), _median_s(summary(short_id))
        workspace.close()
        long_cmd_s = _command_s(folder, long_id, folder / "lang.pdf")
        short_cmd_s = _command_s(folder, short_id, folder / "kort.pdf")
    ms = 1000
    print(f"report (trialoog, incl. queries)        {report_s * ms:7.1f} ms  (target < 150 ms)")
    print(f"prep card (incl. queries)               {card_s * ms:7.1f} ms")
    print(f"baseline: one-paragraph PDF             {base_s * ms:7.1f} ms")
    print(f"summary of {WORDS:,} words, in process   {long_s * ms:7.1f} ms  (target < 500 ms)")
    print(f"summary of one paragraph, in process    {short_s * ms:7.1f} ms  (baseline)")
    print(f"`coachdesk summary`, {WORDS:,} words      {long_cmd_s * ms:7.1f} ms  (< 1500 ms)")
    print(f"`coachdesk summary`, one paragraph      {short_cmd_s * ms:7.1f} ms  (baseline)")


if __name__ == "__main__":
    main()
