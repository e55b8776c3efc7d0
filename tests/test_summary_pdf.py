"""Conversation reports on paper: the right content for each reader, and text that survives."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from coachdesk.domain.agreements import Agreement, Goal
from coachdesk.domain.competences import Competence
from coachdesk.domain.conversations import ConversationKind
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.people import SUMMARY_READERS, Person
from coachdesk.domain.referrals import Referral, SupportLine
from coachdesk.errors import ValidationError
from coachdesk.export.summary_html import summary_html
from coachdesk.export.summary_pdf import write_summary
from coachdesk.services.closing import Closing, SharedText
from coachdesk.services.conversation_flow import ConversationFlow
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.settings import SettingsService
from coachdesk.services.summary_content import SummaryContent
from coachdesk.storage.repositories import Repositories
from tests.helpers import make_student, run_cli

DAY = dt.date(2026, 11, 22)
PRIVATE = "Privé: thuis speelt een scheiding"
REFERRAL_REASON = "Somberheid, gesprek met zorgcoördinator"


def _conversation(
    repos: Repositories, kind: ConversationKind, closing: Closing, **student_changes: object
) -> str:
    student = repos.students.add(make_student(**student_changes))
    repos.referrals.add(
        Referral(
            student_id=student.id,
            line=SupportLine.SECOND,
            to_whom="ZAT",
            reason=REFERRAL_REASON,
            date=DAY,
        )
    )
    people = [(Person.STUDENT, student.full_name, None), (Person.COACH, "Mirjam de Haan", None)]
    if kind is ConversationKind.TRIALOGUE:
        people.append((Person.WORKPLACE_TRAINER, "Karin Bosman", None))
    flow = ConversationFlow(repos)
    conversation = flow.start(student.id, kind, DAY, people)
    flow.choose(conversation.id, list(closing.insights), [])
    flow.save_keywords(conversation.id, "", "live: moe vandaag")
    flow.close(conversation.id, closing, DAY)
    return conversation.id


def _closing(**changes: object) -> Closing:
    values: dict[str, object] = {
        "summary": SharedText("Ik ben trots op mijn stage bij de bakker.", (Person.PARENTS,)),
        "insights": {
            Competence.QUALITIES: SharedText("Ik werk netjes en precies."),
            Competence.MOTIVES: SharedText("Ik word blij van klanten.", (Person.PARENTS,)),
        },
        "views": {
            NoteKind.VIEW_COMPANY: SharedText(
                "Zoë pakt taken zelf op.", (Person.WORKPLACE_TRAINER,)
            )
        },
        "agreements": [
            Agreement(
                student_id="",
                description="Ik vraag feedback aan de chef.",
                owner=Person.STUDENT,
                due_date=dt.date(2026, 12, 15),
            )
        ],
        "next_appointment": dt.date(2027, 1, 20),
        "private_note": PRIVATE,
        "share_with_parents": True,
        "share_with_trainer": True,
    }
    values.update(changes)
    return Closing(**values)  # type: ignore[arg-type]


@pytest.fixture
def trialogue(repos: Repositories) -> str:
    """A closed trialogue with content for every reader, and things no report may show."""
    return _conversation(repos, ConversationKind.TRIALOGUE, _closing())


def _pdf_text(repos: Repositories, conversation_id: str, reader: Person, tmp_path: Path) -> str:
    summary = SummaryContent(repos).build(conversation_id, reader, "ROC Demostad")
    target = write_summary(summary, tmp_path / f"{reader.value}.pdf")
    return "\n".join(page.extract_text() for page in PdfReader(target).pages)


def test_the_student_version_has_every_section_and_two_signatures(
    repos: Repositories, tmp_path: Path
) -> None:
    conversation = _conversation(repos, ConversationKind.DIALOGUE, _closing())
    text = _pdf_text(repos, conversation, Person.STUDENT, tmp_path)
    for expected in (
        "ROC Demostad",
        "Verslag loopbaangesprek",
        "Zoë van der Meer",
        "VIG3-2A",
        "Verzorgende-IG",
        "22 november 2026",
        "versie voor de student",
        "Mirjam de Haan (coach)",
        "In de woorden van de student",
        "Ik ben trots op mijn stage bij de bakker.",
        "Wat de student ontdekte",
        "Ik werk netjes en precies.",
        "Ik word blij van klanten.",
        "Afspraken",
        "Zoë: Ik vraag feedback aan de chef. — uiterlijk 15 december",
        "Volgende afspraak",
        "woensdag 20 januari 2027",
        "Vertrouwelijk",
        "pagina 1 van 1",
    ):
        assert expected in text, expected
    assert len(re.findall(r"Handtekening (student|coach|praktijkopleider|ouder)", text)) == 2


def test_a_trialogue_report_has_three_signature_lines(
    repos: Repositories, tmp_path: Path, trialogue: str
) -> None:
    text = _pdf_text(repos, trialogue, Person.STUDENT, tmp_path)
    assert "Verslag trialoog" in text
    signatures = re.findall(r"Handtekening (student|coach|praktijkopleider)", text)
    assert signatures == ["student", "coach", "praktijkopleider"]
    assert "Zoë pakt taken zelf op." in text


@pytest.mark.parametrize("reader", SUMMARY_READERS)
def test_no_version_ever_holds_private_notes_live_keywords_or_referrals(
    repos: Repositories, tmp_path: Path, trialogue: str, reader: Person
) -> None:
    text = _pdf_text(repos, trialogue, reader, tmp_path)
    for secret in (PRIVATE, "moe vandaag", REFERRAL_REASON, "ZAT"):
        assert secret not in text


def test_parents_and_trainer_read_only_what_is_labelled_for_them(
    repos: Repositories, tmp_path: Path, trialogue: str
) -> None:
    parents = _pdf_text(repos, trialogue, Person.PARENTS, tmp_path)
    assert "versie voor de ouders" in parents
    assert "Ik word blij van klanten." in parents  # labelled for parents
    assert "Ik werk netjes en precies." not in parents  # labelled for the student only
    assert "Zoë pakt taken zelf op." not in parents  # labelled for the workplace
    trainer = _pdf_text(repos, trialogue, Person.WORKPLACE_TRAINER, tmp_path)
    assert "Zoë pakt taken zelf op." in trainer
    assert "Ik word blij van klanten." not in trainer
    assert "Ik ben trots op mijn stage" not in trainer  # the summary was for parents


def test_without_consent_there_is_no_parent_version(repos: Repositories, tmp_path: Path) -> None:
    conversation = _conversation(
        repos, ConversationKind.DIALOGUE, _closing(share_with_parents=False)
    )
    with pytest.raises(ValidationError, match="geen toestemming"):
        SummaryContent(repos).build(conversation, Person.PARENTS)
    assert not list(tmp_path.glob("*.pdf"))


def test_long_text_huge_words_markup_arabic_and_emoji_never_crash(
    repos: Repositories, tmp_path: Path
) -> None:
    thirty_pages = ("Ik leerde veel over klanten en over mezelf. " * 40 + "\n\n") * 60
    closing = _closing(
        summary=SharedText(thirty_pages + "<b>vet</b> & " + "x" * 5000 + " 🙂 中文"),
        share_with_parents=True,
    )
    conversation = _conversation(
        repos,
        ConversationKind.DIALOGUE,
        closing,
        given_name="محمد",
        family_name="Yılmaz-Łukasiewicz",
    )
    summary = SummaryContent(repos).build(conversation, Person.STUDENT)
    target = write_summary(summary, tmp_path / "lang.pdf")
    reader = PdfReader(target)
    assert len(reader.pages) >= 20
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Yılmaz-Łukasiewicz" in text
    assert "<b>vet</b> &" in text
    assert "🙂" in text  # the emoji prints as its monochrome glyph
    assert "\ufffd" in text  # Chinese (no shipped font) is marked, not silently dropped


def test_every_demo_conversation_renders_for_every_allowed_reader(
    repos: Repositories, tmp_path: Path
) -> None:
    fill_with_demo(repos, students=4, today=dt.date(2026, 11, 23))
    content = SummaryContent(repos)
    rendered = refused = 0
    for conversation, _number in repos.conversations.with_student_numbers():
        for reader in SUMMARY_READERS:
            try:
                summary = content.build(conversation.id, reader)
            except ValidationError:
                refused += 1
                continue
            write_summary(summary, tmp_path / "demo.pdf")
            rendered += 1
    assert rendered > 20
    assert refused < rendered


def test_the_printout_holds_the_same_report_as_the_pdf(repos: Repositories) -> None:
    conversation = _conversation(repos, ConversationKind.TRIALOGUE, _closing())
    html = summary_html(SummaryContent(repos).build(conversation, Person.PARENTS, "ROC <Demo>"))
    assert "ROC &lt;Demo&gt;" in html
    assert "Verslag trialoog" in html and "versie voor de ouders" in html
    assert "Ik word blij van klanten." in html
    assert html.count("Handtekening ") == 3
    assert PRIVATE not in html and "Ik werk netjes" not in html


def test_the_school_logo_and_name_from_settings_are_printed(
    repos: Repositories, tmp_path: Path
) -> None:
    from PySide6.QtGui import QColor, QImage

    logo = tmp_path / "logo.png"
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f6f73"))
    assert image.save(str(logo))
    settings = SettingsService(repos.store)
    settings.set_school("ROC Demostad", logo)
    conversation = _conversation(repos, ConversationKind.DIALOGUE, _closing())
    summary = SummaryContent(repos).build(conversation, Person.STUDENT, settings.school_name())
    target = write_summary(summary, tmp_path / "met-logo.pdf", settings.school_logo())
    page = PdfReader(target).pages[0]
    assert "ROC Demostad" in page.extract_text()
    assert len(page.images) == 1


def test_the_summary_command_writes_each_allowed_version(tmp_path: Path) -> None:
    folder = tmp_path / "gegevens"
    assert run_cli("demo", "--students", "3", data_dir=folder).returncode == 0
    listing = json.loads(run_cli("conversations", "--json", data_dir=folder).stdout)
    conversation = listing[0]["id"]  # the intake, long closed
    result = run_cli("summary", conversation, "--out", str(tmp_path / "v.pdf"), data_dir=folder)
    assert result.returncode == 0, result.stderr
    assert "Verslag opgeslagen" in result.stdout
    assert PdfReader(tmp_path / "v.pdf").pages
    missing = run_cli("summary", "bestaat-niet", "--out", str(tmp_path / "x.pdf"), data_dir=folder)
    assert missing.returncode == 1
    assert "Er is geen gesprek met id bestaat-niet." in missing.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_a_conversation_not_yet_closed_has_no_report(repos: Repositories) -> None:
    student = repos.students.add(make_student())
    conversation = ConversationFlow(repos).start(
        student.id, ConversationKind.DIALOGUE, DAY, [(Person.STUDENT, student.full_name, None)]
    )
    with pytest.raises(ValidationError, match="nog niet afgerond"):
        SummaryContent(repos).build(conversation.id, Person.STUDENT)


def test_every_page_names_the_student_the_date_and_page_x_of_y(
    repos: Repositories, tmp_path: Path
) -> None:
    long = "\n\n".join(["Ik leerde veel over klanten en over mezelf. " * 30] * 12)
    conversation = _conversation(
        repos, ConversationKind.DIALOGUE, _closing(summary=SharedText(long))
    )
    summary = SummaryContent(repos).build(conversation, Person.STUDENT)
    pages = [p.extract_text() for p in PdfReader(write_summary(summary, tmp_path / "v.pdf")).pages]
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"pagina {number} van {len(pages)}" in text
        assert "Zoë van der Meer" in text
        assert "22 november 2026" in text


def test_the_signatures_stay_together_with_the_names_of_the_signers(
    repos: Repositories, tmp_path: Path, trialogue: str
) -> None:
    summary = SummaryContent(repos).build(trialogue, Person.STUDENT)
    pages = [p.extract_text() for p in PdfReader(write_summary(summary, tmp_path / "v.pdf")).pages]
    signing = next(text for text in pages if "Handtekeningen" in text)
    for name in ("Handtekening student", "Handtekening coach", "Handtekening praktijkopleider"):
        assert name in signing
    for name in ("Zoë van der Meer", "Mirjam de Haan", "Karin Bosman"):
        assert name in signing.split("Handtekeningen", 1)[1]


def test_parents_and_the_trainer_are_addressed_as_u_the_student_as_je(
    repos: Repositories, tmp_path: Path, trialogue: str
) -> None:
    student = _pdf_text(repos, trialogue, Person.STUDENT, tmp_path)
    assert "Ruimte voor je eigen reactie" in student
    for reader in (Person.PARENTS, Person.WORKPLACE_TRAINER):
        text = _pdf_text(repos, trialogue, reader, tmp_path)
        assert "Ruimte voor uw eigen reactie" in text
        assert not re.search(r"\b(je|jij|jouw)\b", text), reader


def test_parents_and_the_trainer_are_told_which_coach_to_ask(
    repos: Repositories, tmp_path: Path, trialogue: str
) -> None:
    for reader in (Person.PARENTS, Person.WORKPLACE_TRAINER):
        text = " ".join(_pdf_text(repos, trialogue, reader, tmp_path).split())
        assert "contact op met Mirjam de Haan, de coach." in text, reader


def test_parents_and_the_trainer_read_how_to_reach_the_coach_the_student_does_not_need_it(
    repos: Repositories, tmp_path: Path, trialogue: str
) -> None:
    """Set once in Instellingen; a parent holding the paper can write or call without asking."""
    SettingsService(repos.store).set_coach_contact("m.dehaan@roc-demostad.nl · 06-12345678 (ma-do)")
    for reader in (Person.PARENTS, Person.WORKPLACE_TRAINER):
        text = " ".join(_pdf_text(repos, trialogue, reader, tmp_path).split())
        assert (
            "contact op met Mirjam de Haan, de coach. "
            "Contactgegevens: m.dehaan@roc-demostad.nl · 06-12345678 (ma-do)." in text
        ), reader
    assert "06-12345678" not in _pdf_text(repos, trialogue, Person.STUDENT, tmp_path)


def test_a_conversation_held_by_another_coach_does_not_print_this_coachs_contact(
    repos: Repositories, tmp_path: Path, trialogue: str
) -> None:
    """From a handover dossier: Mirjam held it; Jan, who has the store now, is not her."""
    settings = SettingsService(repos.store)
    settings.set_coach_contact("j.visser@roc-demostad.nl")
    settings.set_coach_name("Jan Visser")
    text = " ".join(_pdf_text(repos, trialogue, Person.PARENTS, tmp_path).split())
    assert "contact op met Mirjam de Haan, de coach." in text
    assert "j.visser" not in text
    settings.set_coach_name("Mirjam de Haan")
    text = " ".join(_pdf_text(repos, trialogue, Person.PARENTS, tmp_path).split())
    assert "Mirjam de Haan, de coach. Contactgegevens: j.visser@roc-demostad.nl." in text


def test_each_goal_says_which_career_competence_it_serves(
    repos: Repositories, tmp_path: Path
) -> None:
    """The five competences are the thread of the talks; the goal on paper keeps to it."""
    closing = _closing(
        goals=[
            Goal(
                student_id="",
                description="Ik loop een dag mee bij een installateur.",
                competence=Competence.WORK_EXPLORATION,
            ),
            Goal(student_id="", description="Ik plan elke week mijn huiswerk."),
        ]
    )
    conversation = _conversation(repos, ConversationKind.DIALOGUE, closing)
    text = " ".join(_pdf_text(repos, conversation, Person.STUDENT, tmp_path).split())
    assert "• Ik loop een dag mee bij een installateur. (werkexploratie)" in text
    assert "• Ik plan elke week mijn huiswerk." in text  # no competence, nothing added
    summary = SummaryContent(repos).build(conversation, Person.STUDENT)
    assert "installateur. (werkexploratie)" in summary_html(summary)  # read back the same


def test_contact_details_are_one_short_line_or_refused_whole(repos: Repositories) -> None:
    """A pasted e-mail signature becomes one line; a letter is refused and changes nothing."""
    settings = SettingsService(repos.store)
    settings.set_coach_contact("Mirjam de Haan\r\nm.dehaan@roc-demostad.nl\u2028\n06-12345678\n")
    assert settings.coach_contact() == "Mirjam de Haan · m.dehaan@roc-demostad.nl · 06-12345678"
    for wrong in ("x" * 121, "x" * 60 + "\n" + "y" * 60):
        with pytest.raises(ValidationError, match="contactgegevens"):
            settings.set_coach_contact(wrong)
    assert settings.coach_contact().endswith("06-12345678")  # left as it was


def test_the_summary_command_takes_the_words_of_the_summary_readers_only(tmp_path: Path) -> None:
    """``--for`` takes student, ouders and praktijkopleider, as before; no other person."""
    folder = tmp_path / "gegevens"
    assert run_cli("demo", "--students", "3", data_dir=folder).returncode == 0
    conversation = json.loads(run_cli("conversations", "--json", data_dir=folder).stdout)[0]["id"]
    for word in ("ouders", "praktijkopleider"):
        out = str(tmp_path / f"{word}.pdf")
        result = run_cli("summary", conversation, "--for", word, "--out", out, data_dir=folder)
        assert result.returncode in (0, 1), result.stderr  # 1: no consent to share, said so
        assert ("Verslag opgeslagen" in result.stdout) != ("toestemming" in result.stderr)
    for word in ("coach", "anders"):
        out = str(tmp_path / f"{word}.pdf")
        result = run_cli("summary", conversation, "--for", word, "--out", out, data_dir=folder)
        assert result.returncode == 2, result.stderr
