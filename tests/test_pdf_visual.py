"""Each report type looks as it was reviewed: rendered to PNG and held against a reference.

A layout change shows up here, in review, instead of in a parent's hands. The documents are
made from one fixed, fictional fixture; pdftoppm renders every page in grey and each page
must stay within a small mean difference of the committed image in tests/data/pdf_references.

After an intended change, make new references with one command and look at them before
committing:

    bash scripts/update_pdf_references.sh
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from coachdesk.domain.agreements import Agreement, Goal
from coachdesk.domain.competences import Competence
from coachdesk.domain.conversations import ConversationKind
from coachdesk.domain.experiences import Experience, ExperienceKind
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.people import Person
from coachdesk.domain.reflections import Reflection, ReflectionAuthor
from coachdesk.export.prep_card_pdf import write_prep_card
from coachdesk.export.progress_pdf import write_progress
from coachdesk.export.reflection_pdf import write_reflection
from coachdesk.export.scan_pdf import write_scan_paper
from coachdesk.export.summary_pdf import write_summary
from coachdesk.services.closing import Closing, SharedText
from coachdesk.services.competence_scan import CompetenceScans, statements
from coachdesk.services.conversation_flow import ConversationFlow
from coachdesk.services.progress_report import ProgressReports
from coachdesk.services.summary_content import SummaryContent
from coachdesk.storage.repositories import Repositories
from tests.helpers import make_student

REFERENCES = Path(__file__).parent / "data" / "pdf_references"
UPDATE = os.environ.get("COACHDESK_UPDATE_PDF_REFERENCES") == "1"
DPI = 40
TOLERANCE = 1.5
"""Mean grey difference per pixel (0-255) a page may have: rendering noise, not a moved block.

Measured: a paragraph that reflows by one line moves everything below it (7.2); one changed
word in a line stays at 0.25 (the text tests catch those). Twice, on a busy machine, whole
pages differed by a uniform 0.58-0.68 with the same PDF content; that is not what this test
is for, so the bound sits between the two."""
DAY = dt.date(2026, 11, 22)
Maker = Callable[[Repositories, Path], Path]


def _trialogue(repos: Repositories) -> str:
    student = repos.students.add(
        make_student(given_name="Fatima", name_prefix="", family_name="El Amrani")
    )
    flow = ConversationFlow(repos)
    people = [
        (Person.STUDENT, student.full_name, None),
        (Person.COACH, "Mirjam de Haan", None),
        (Person.WORKPLACE_TRAINER, "Karin Bosman", None),
    ]
    talk = flow.start(student.id, ConversationKind.TRIALOGUE, DAY, people)
    closing = Closing(
        summary=SharedText(
            "Ik ben trots op mijn stage bij de bakker 🙂. Mijn opa محمد العلي komt kijken.\n\n"
            "Zie https://www.s-bb.nl/studenten voor wat ik nog wil weten.",
            (Person.PARENTS, Person.WORKPLACE_TRAINER),
        ),
        insights={Competence.MOTIVES: SharedText("Ik word blij van klanten.", (Person.PARENTS,))},
        views={
            NoteKind.VIEW_COMPANY: SharedText(
                "Fatima pakt taken zelf op.", (Person.WORKPLACE_TRAINER,)
            )
        },
        agreements=[
            Agreement(
                student_id=student.id,
                description="maakt elke maandag een weekplanning",
                owner=Person.STUDENT,
                owner_name="Fatima",
                due_date=dt.date(2026, 12, 18),
            )
        ],
        next_time=dt.time(14, 30),
        next_place="Bakkerij Van Dam",
        next_appointment=dt.date(2027, 1, 20),
        share_with_parents=True,
        share_with_trainer=True,
    )
    flow.close(talk.id, closing, DAY)
    return talk.id


def _summary(reader: Person) -> Maker:
    def make(repos: Repositories, folder: Path) -> Path:
        summary = SummaryContent(repos).build(_trialogue(repos), reader, "ROC Demostad")
        return write_summary(summary, folder / f"verslag-{reader.value}.pdf")

    return make


def _prep_card(repos: Repositories, folder: Path) -> Path:
    talk = _trialogue(repos)
    flow = ConversationFlow(repos)
    student_id = repos.conversations.get(talk).student_id  # type: ignore[union-attr]
    people = [(Person.STUDENT, "Fatima El Amrani", None), (Person.COACH, "Mirjam de Haan", None)]
    next_talk = flow.start(student_id, ConversationKind.DIALOGUE, dt.date(2027, 1, 20), people)
    flow.choose(next_talk.id, [Competence.NETWORKING], ["Wie kent het werk dat jij wilt doen?"])
    return write_prep_card(flow.prepare(next_talk.id), folder / "kaart.pdf")


def _progress(repos: Repositories, folder: Path) -> Path:
    student_id = repos.conversations.get(_trialogue(repos)).student_id  # type: ignore[union-attr]
    for number, kind in enumerate(ExperienceKind):
        repos.experiences.add(
            Experience(
                student_id=student_id,
                kind=kind,
                title=f"Ervaring {number + 1}",
                start_date=dt.date(2026, 9, 1) + dt.timedelta(days=7 * number),
            )
        )
    moment = dt.datetime(2026, 9, 2, 12, tzinfo=dt.UTC)
    repos.goals.add(
        Goal(
            student_id=student_id,
            description="Ik bezoek twee bedrijven.",
            created_at=moment,
            updated_at=moment,
        )
    )
    for offset, day in enumerate((dt.date(2025, 10, 11), dt.date(2026, 2, 3), DAY)):
        answers = {s.id: 1 + (i + offset) % 4 for i, s in enumerate(statements())}
        CompetenceScans(repos).record(student_id, Person.STUDENT, answers, day)
    report = ProgressReports(repos).build(
        "2024001", dt.date(2025, 8, 1), DAY, school_name="ROC Demostad"
    )
    return write_progress(report, folder / "voortgang.pdf")


def _reflection(_repos: Repositories, folder: Path) -> Path:
    body = (
        "## Situatie\n\nOp stage moest ik **snel** en *netjes* werken. 1\\. punt.\n\n"
        "### Wat ging goed\n\n1. Deeg afwegen\n2. Oven voorverwarmen\n   - op 220 graden\n\n"
        "> Je werkt netjes, zei mijn praktijkopleider."
    )
    moment = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
    reflection = Reflection(
        author=ReflectionAuthor.COACH, title="STARR stage", body=body, updated_at=moment
    )
    return write_reflection(reflection, "Fatima El Amrani", folder / "reflectie.pdf")


def _scan_form(_repos: Repositories, folder: Path) -> Path:
    student = make_student(given_name="Fatima", name_prefix="", family_name="El Amrani")
    return write_scan_paper(student, DAY, folder / "scan.pdf")


DOCUMENTS: dict[str, Maker] = {
    "summary-student": _summary(Person.STUDENT),
    "summary-parents": _summary(Person.PARENTS),
    "summary-trainer": _summary(Person.WORKPLACE_TRAINER),
    "prep-card": _prep_card,
    "progress": _progress,
    "reflection": _reflection,
    "scan-form": _scan_form,
}


def _pages(pdf: Path, name: str, folder: Path) -> list[Path]:
    """Render every page to a grey PNG: name-1.png, name-2.png, …"""
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), str(folder / name)], check=True
    )
    return sorted(folder.glob(f"{name}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def _difference(actual: Path, reference: Path) -> float:
    """Return the mean grey difference per pixel, or infinity when the sizes differ."""
    first, second = (
        QImage(str(path)).convertToFormat(QImage.Format.Format_Grayscale8)
        for path in (actual, reference)
    )
    if first.size() != second.size():
        return float("inf")
    one, two = bytes(first.constBits()), bytes(second.constBits())
    return sum(abs(a - b) for a, b in zip(one, two, strict=True)) / len(one)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_each_report_looks_like_its_reference(
    repos: Repositories, tmp_path: Path, name: str
) -> None:
    pdf = DOCUMENTS[name](repos, tmp_path)
    pages = _pages(pdf, name, tmp_path)
    if UPDATE:
        for old in REFERENCES.glob(f"{name}-*.png"):
            old.unlink()
        REFERENCES.mkdir(parents=True, exist_ok=True)
        for page in pages:
            page.replace(REFERENCES / page.name)
        return
    references = sorted(REFERENCES.glob(f"{name}-*.png"))
    assert len(pages) == len(references), f"{name}: {len(pages)} pages, reference has more/less"
    for page in pages:
        difference = _difference(page, REFERENCES / page.name)
        assert difference <= TOLERANCE, (
            f"{page.name} differs from its reference by {difference:.2f} (see {page}); "
            "if the change is intended: bash scripts/update_pdf_references.sh"
        )
