"""How fast reports render, against a one-paragraph PDF and a one-paragraph command in the same run.

Targets (issue 15): a 15,000-word summary renders in under 0.5 s in process and in under
1.5 s as a whole ``coachdesk summary`` command; a normal trialogue report in under 150 ms.
Issue 18, with ``--stores DIR``: at 20,000 students a trialogue summary in process in under
20 ms, and the whole ``coachdesk summary`` command (a plain demo store: no key derivation) in
under 0.35 s, beside ``coachdesk --version`` (the interpreter and the entry point) in the same run.
The first command after the store changed reads the whole store for the quick check; the next
ones find it unchanged (``storage/checked_state.py``): both are shown.

Run: .venv/bin/python benchmarks/report_bench.py [--stores DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Paragraph
from stores import demo_store
from verdict import against

from coachdesk.domain.conversations import ConversationKind
from coachdesk.domain.people import Person
from coachdesk.domain.students import Student
from coachdesk.export.pdf_styles import styles, write_pdf
from coachdesk.export.prep_card_pdf import write_prep_card
from coachdesk.export.summary_pdf import write_summary
from coachdesk.services.closing import Closing, SharedText
from coachdesk.services.conversation_flow import ConversationFlow
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.summary_content import SummaryContent
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.storage.checked_state import NOTE_NAME
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
        student.id, ConversationKind.DIALOGUE, day, [(Person.STUDENT, student.full_name, None)]
    )
    flow.close(conversation.id, Closing(summary=SharedText(summary)), day)
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


def _at_scale(stores: Path, students: int) -> None:
    """The summary of a trialogue in a store of ``students`` students: in process and command."""
    data_dir = demo_store(stores, students, dt.date(2026, 11, 23))
    workspace = Workspace.open(StoreLocation(data_dir, demo=True))
    content = SummaryContent(workspace.repos)
    conversation = workspace.repos.conversations.select("kind = 'trialoog' AND state = 'afgerond'")[
        0
    ].id
    target = data_dir / "v.pdf"
    in_process = _median_s(
        lambda: write_summary(content.build(conversation, Person.STUDENT, "ROC"), target)
    )
    workspace.close()
    store = StoreLocation(data_dir, demo=True).path
    (store.parent / NOTE_NAME).unlink(missing_ok=True)
    changed = store.stat().st_mtime_ns - 3600 * 10**9  # written an hour ago, not just now
    os.utime(store, ns=(changed, changed))
    command = [sys.executable, "-m", "coachdesk", "--data-dir", str(data_dir), "--demo"]
    begin = time.perf_counter()
    summary = [*command, "summary", conversation, "--out", str(target)]
    subprocess.run(summary, check=True, capture_output=True)
    first_s = time.perf_counter() - begin

    def summary_command() -> None:
        subprocess.run(summary, check=True, capture_output=True)

    def version_command() -> None:
        subprocess.run([*command, "--version"], check=True, capture_output=True)

    again_s, version_s = _median_s(summary_command, 5), _median_s(version_command, 5)
    ms, at = 1000, f"{students:,} students"
    verdict = against(in_process * ms, 20, "ms")
    print(f"summary (trialoog) in process, {at}    {in_process * ms:7.1f} ms  ({verdict})")
    print(f"`coachdesk summary`, {at}, store changed   {first_s * ms:7.1f} ms  (quick check)")
    verdict = against(again_s * ms, 350, "ms")
    print(f"`coachdesk summary`, {at}, unchanged   {again_s * ms:7.1f} ms  ({verdict})")
    print(f"baseline: `coachdesk --version`          {version_s * ms:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", type=Path, help="also measure at 20,000 students, store here")
    args = parser.parse_args()
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
                content.build(conversation, Person.STUDENT, "ROC Demostad"), folder / "v.pdf"
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
    verdict = against(report_s * ms, 150, "ms")
    print(f"report (trialoog, incl. queries)        {report_s * ms:7.1f} ms  ({verdict})")
    print(f"prep card (incl. queries)               {card_s * ms:7.1f} ms")
    print(f"baseline: one-paragraph PDF             {base_s * ms:7.1f} ms")
    verdict = against(long_s * ms, 500, "ms")
    print(f"summary of {WORDS:,} words, in process   {long_s * ms:7.1f} ms  ({verdict})")
    print(f"summary of one paragraph, in process    {short_s * ms:7.1f} ms  (baseline)")
    verdict = against(long_cmd_s * ms, 1500, "ms")
    print(f"`coachdesk summary`, {WORDS:,} words      {long_cmd_s * ms:7.1f} ms  ({verdict})")
    print(f"`coachdesk summary`, one paragraph      {short_cmd_s * ms:7.1f} ms  (baseline)")
    if args.stores:
        _at_scale(args.stores, 20_000)


if __name__ == "__main__":
    main()
