"""The printable voorbereidingskaart: Dutch, one page, safe with any text a coach types."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader

from coachdesk.domain.agreements import Agreement
from coachdesk.domain.competences import Competence
from coachdesk.domain.conversations import ConversationKind
from coachdesk.domain.people import Person
from coachdesk.export.prep_card_pdf import write_prep_card
from coachdesk.services.closing import Closing
from coachdesk.services.conversation_flow import ConversationFlow
from coachdesk.storage.repositories import Repositories
from tests.helpers import make_student


def _prepared(repos: Repositories, question: str, agreement: str):
    student = repos.students.add(
        make_student(given_name="Łucja", family_name="Wiśniewska-Şahin", name_prefix="")
    )
    flow = ConversationFlow(repos)
    people = [(Person.STUDENT, student.full_name, None), (Person.COACH, "Mirjam de Haan", None)]
    first = flow.start(student.id, ConversationKind.DIALOGUE, dt.date(2026, 9, 1), people)
    flow.close(
        first.id,
        Closing(
            agreements=[
                Agreement(student_id=student.id, description=agreement, owner=Person.STUDENT)
            ]
        ),
        dt.date(2026, 9, 1),
    )
    second = flow.start(
        student.id,
        ConversationKind.TRIALOGUE,
        dt.date(2026, 11, 22),
        [*people, (Person.WORKPLACE_TRAINER, "Karin Bosman", None)],
    )
    flow.choose(second.id, [Competence.NETWORKING], [question, "Hoe vond je dit gesprek?"])
    return flow.prepare(second.id)


def _text(path: Path) -> tuple[str, int]:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def test_the_card_has_the_student_date_agenda_agreements_and_questions(
    repos: Repositories, tmp_path: Path
) -> None:
    preparation = _prepared(repos, "Wie kent het werk dat jij wilt doen?", "Meeloopdag regelen")
    target = write_prep_card(preparation, tmp_path / "kaart.pdf")
    text, pages = _text(target)
    assert pages == 1
    for expected in (
        "Voorbereiding: Trialoog",
        "Łucja Wiśniewska-Şahin",
        "22 november 2026",
        "Agenda",
        "Openen",
        "Verkennen",
        "Afspreken",
        "Afsluiten",
        "Afspraken van vorige keer",
        "Meeloopdag regelen",
        "Focus",
        "Netwerken",
        "Vragen",
        "Wie kent het werk dat jij wilt doen?",
        "Aantekeningen",
        "Vertrouwelijk",
        "pagina 1",
        "Karin Bosman (praktijkopleider)",
    ):
        assert expected in text, expected
    assert not list(tmp_path.glob("*.partial"))


def test_markup_emoji_and_a_huge_word_do_not_break_the_card(
    repos: Repositories, tmp_path: Path
) -> None:
    preparation = _prepared(repos, 'Wat betekent <b>trots</b> & "lef" voor jou? 🙂', "x" * 5000)
    target = write_prep_card(preparation, tmp_path / "kaart.pdf")
    text, _pages = _text(target)
    assert "<b>trots</b> &" in text


def test_the_card_renders_to_an_image_for_review(repos: Repositories, tmp_path: Path) -> None:
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "poppler-utils is installed by scripts/setup.sh"
    target = write_prep_card(
        _prepared(repos, "Welke stap zet je zelf?", "Bellen"), tmp_path / "k.pdf"
    )
    subprocess.run([pdftoppm, "-png", "-r", "40", str(target), str(tmp_path / "kaart")], check=True)
    assert (tmp_path / "kaart-1.png").stat().st_size > 1000
