"""Fillable scan forms: made by CoachDesk, filled in by a program, read back without typing.

The filler knows only the field names it finds in the PDF, as any PDF reader or script of a
praktijkopleider would. Every bad file is refused with one Dutch sentence and the store
stays as it was.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from coachdesk.domain.competences import Competence, scale_label
from coachdesk.domain.conversations import ConversationKind
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.people import Person
from coachdesk.domain.timeline import TimelineKind
from coachdesk.errors import ValidationError
from coachdesk.export.progress_pdf import write_progress
from coachdesk.export.scan_form_pdf import write_scan_form
from coachdesk.services.competence_scan import CompetenceScans, statements
from coachdesk.services.conversation_flow import ConversationFlow
from coachdesk.services.progress_report import ProgressReports
from coachdesk.services.scan_forms import ScanForms
from coachdesk.services.student_file import StudentFileService
from coachdesk.storage.database import open_store
from coachdesk.storage.repositories import Repositories
from coachdesk.storage.rows import to_row
from tests.helpers import make_student, plain_store, run_cli

TODAY = dt.date(2026, 12, 6)
STUDENT_DAY = dt.date(2026, 11, 30)
VIEW = "Zoë pakt het werk goed op.\nZe mag vaker zelf om feedback vragen."
POINTS = "Haar planning op drukke dagen."
PROPOSALS = "Elke vrijdag een kort evaluatiemoment."


def fill_form(
    source: Path,
    target: Path,
    *,
    skip: int = 0,
    texts: dict[str, str] | None = None,
    tick: bool = True,
) -> None:
    """Fill a form as a praktijkopleider's program would: by the field names it finds.

    Every choice group gets one of the states the PDF offers (leaving the last ``skip``
    open); text fields get ``texts`` by name; check boxes are ticked.
    """
    reader = PdfReader(source)
    writer = PdfWriter(clone_from=reader)
    values: dict[str, str] = {}
    groups = [
        (name, field)
        for name, field in reader.get_fields().items()
        if field.get("/FT") == "/Btn" and len(field.get("/_States_", [])) > 2
    ]
    for index, (name, field) in enumerate(groups[: len(groups) - skip]):
        states = [s for s in field["/_States_"] if s != "/Off"]
        values[name] = states[index % len(states)]
    for name, field in reader.get_fields().items():
        if field.get("/FT") == "/Tx" and name in (texts or {}):
            values[name] = (texts or {})[name]
        elif field.get("/FT") == "/Btn" and tick and len(field.get("/_States_", [])) <= 2:
            values[name] = "/Yes"
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.write(target)


TRAINER_TEXTS = {
    "visie": VIEW,
    "bespreken": POINTS,
    "voorstellen_afspraken": PROPOSALS,
    "naam": "Karin Bosman",
    "datum": "2-12-2026",
}


@pytest.fixture
def zoe(repos: Repositories) -> str:
    """A student who rated herself last week, with a praktijkopleider and a trialoog planned."""
    student = repos.students.add(make_student())
    CompetenceScans(repos).record(
        student.id, Person.STUDENT, {s.id: 2 for s in statements()}, STUDENT_DAY
    )
    return student.id


def _trialoog(repos: Repositories, student_id: str) -> str:
    return (
        ConversationFlow(repos)
        .start(
            student_id,
            ConversationKind.TRIALOGUE,
            dt.date(2026, 12, 10),
            [
                (Person.STUDENT, "Zoë van der Meer", None),
                (Person.COACH, "Coach", None),
                (Person.WORKPLACE_TRAINER, "Karin Bosman", None),
            ],
        )
        .id
    )


def _form(
    repos: Repositories, student_id: str, folder: Path, rater: Person = Person.WORKPLACE_TRAINER
) -> Path:
    content = ScanForms(repos).make(student_id, rater, TODAY)
    return write_scan_form(content, folder / f"formulier-{rater.value}.pdf")


def _filled(repos: Repositories, student_id: str, folder: Path) -> Path:
    """A praktijkopleider's form for ``student_id``, filled in as the trainer would."""
    filled = folder / "ingevuld.pdf"
    fill_form(_form(repos, student_id, folder), filled, texts=TRAINER_TEXTS)
    return filled


def _read_in(repos: Repositories, student_id: str, folder: Path) -> Path:
    """The filled form, read in and stored as the coach confirms it."""
    filled = _filled(repos, student_id, folder)
    forms = ScanForms(repos)
    forms.store(forms.read(filled, TODAY), TODAY)
    return filled


def _state(repos: Repositories) -> list[object]:
    """Everything reading a form may change: scans, forms, notes."""
    return [
        sorted(str(to_row(s)) for s in repos.scans.select()),
        sorted(str(to_row(f)) for f in repos.scan_forms.select()),
        sorted(str(to_row(n)) for n in repos.notes.select()),
    ]


def test_in_english_the_whole_form_is_english_and_still_reads_back(
    repos: Repositories, zoe: str, tmp_path: Path
) -> None:
    """Not English headings around Dutch statements: the form follows the language, as the
    scan paper does; the fields, and so reading it back, stay the same."""
    from coachdesk.i18n import set_language
    from coachdesk.services.competence_scan import statements

    set_language("en")
    for rater in (Person.WORKPLACE_TRAINER, Person.STUDENT):
        text = " ".join(
            " ".join(
                page.extract_text() for page in PdfReader(_form(repos, zoe, tmp_path, rater)).pages
            ).split()
        )
        first = statements()[0]
        assert first.text(rater) in text, rater
        assert first.for_others not in text and first.for_student not in text, rater
    filled = _filled(repos, zoe, tmp_path)
    assert ScanForms(repos).read(filled, TODAY, zoe).missing == []


def test_a_form_filled_by_a_program_comes_back_as_the_trainers_scan_and_view(
    repos: Repositories, zoe: str, tmp_path: Path
) -> None:
    conversation_id = _trialoog(repos, zoe)
    content = ScanForms(repos).make(zoe, Person.WORKPLACE_TRAINER, TODAY, conversation_id)
    empty = write_scan_form(content, tmp_path / "leeg.pdf")
    filled = tmp_path / "ingevuld.pdf"
    fill_form(empty, filled, texts=TRAINER_TEXTS)

    forms = ScanForms(repos)
    reading = forms.read(filled, TODAY, zoe)
    assert reading.missing == []
    assert reading.questions() == []
    assert reading.known == {}  # no earlier scan by the trainer: nothing to show beside it
    forms.store(reading, TODAY)

    history = CompetenceScans(repos).history(zoe)
    trainer = [s for s in history.scans if s.rater is Person.WORKPLACE_TRAINER]
    assert len(trainer) == 1
    assert trainer[0].rater_name == "Karin Bosman"
    assert trainer[0].date == STUDENT_DAY  # the moment the student rated, as when typed in
    assert trainer[0].answers == {s.id: i % 4 + 1 for i, s in enumerate(statements())}
    timeline = StudentFileService(repos).open(zoe).events
    scans = [e for e in timeline if e.kind is TimelineKind.SCAN]
    assert [e.detail for e in scans] == ["Student, Praktijkopleider"]

    preparation = ConversationFlow(repos).prepare(conversation_id)
    assert [(f.view, f.points, f.proposals) for f in preparation.trainer_forms] == [
        (VIEW, POINTS, PROPOSALS)
    ]
    closing = ConversationFlow(repos).closing(conversation_id)
    assert closing.views[NoteKind.VIEW_COMPANY].text == VIEW


def test_a_form_read_in_before_the_trialoog_was_planned_goes_to_the_next_one(
    repos: Repositories, zoe: str, tmp_path: Path
) -> None:
    _read_in(repos, zoe, tmp_path)
    conversation_id = _trialoog(repos, zoe)
    assert [f.view for f in ConversationFlow(repos).prepare(conversation_id).trainer_forms] == [
        VIEW
    ]


def test_the_student_fills_in_the_scan_at_home(repos: Repositories, tmp_path: Path) -> None:
    student = repos.students.add(make_student())
    filled = tmp_path / "ingevuld.pdf"
    fill_form(
        _form(repos, student.id, tmp_path, Person.STUDENT),
        filled,
        texts={"naam": "Zoë", "datum": "4 dec 2026"},
    )
    fields = set(PdfReader(filled).get_fields())
    assert "visie" not in fields
    assert "akkoord" not in fields
    forms = ScanForms(repos)
    forms.store(forms.read(filled, TODAY), TODAY)
    scans = CompetenceScans(repos).history(student.id).scans
    assert [(s.rater, s.date) for s in scans] == [(Person.STUDENT, dt.date(2026, 12, 4))]


def test_the_form_shows_only_what_the_trainer_may_see(
    repos: Repositories, zoe: str, tmp_path: Path
) -> None:
    text = "".join(page.extract_text() for page in PdfReader(_form(repos, zoe, tmp_path)).pages)
    assert "Zoë van der Meer" in text
    assert "Verzorgende-IG" in text
    assert "Hoe kijkt u naar Zoë?" in text
    assert "Wat wilt u in het gesprek bespreken?" in text
    assert "2024001" not in text  # no student number, class or date of birth
    assert "VIG3-2A" not in text
    assert "2009" not in text
    form_id = repos.scan_forms.select()[0].id
    assert form_id not in text  # the id is in a hidden field, and random
    assert "2024001" not in form_id


def test_no_trainer_form_when_sharing_with_the_trainer_was_refused(
    repos: Repositories, zoe: str
) -> None:
    from coachdesk.domain.consents import Consent, ConsentSubject

    repos.consents.add(
        Consent(
            student_id=zoe,
            subject=ConsentSubject.SUMMARY,
            recipient=Person.WORKPLACE_TRAINER,
            granted=False,
            given_by=Person.STUDENT,
            date=TODAY,
        )
    )
    with pytest.raises(ValidationError, match="geweigerd"):
        ScanForms(repos).make(zoe, Person.WORKPLACE_TRAINER, TODAY)
    ScanForms(repos).make(zoe, Person.STUDENT, TODAY)  # the student's own form still can


def _refused(repos: Repositories, path: Path, match: str, student_id: str | None = None) -> None:
    before = _state(repos)
    with pytest.raises(ValidationError, match=match) as refused:
        ScanForms(repos).read(path, TODAY, student_id)
    assert "\n" not in refused.value.message
    assert _state(repos) == before


def test_a_pdf_that_is_not_a_coachdesk_form_is_refused(
    repos: Repositories, zoe: str, tmp_path: Path
) -> None:
    other = tmp_path / "ander-formulier.pdf"
    canvas = Canvas(str(other), pagesize=A4)
    canvas.drawString(72, 760, "Aanvraag parkeervergunning")
    canvas.acroForm.textfield(name="naam", x=72, y=700, width=200, height=20)
    canvas.save()
    _refused(repos, other, "geen CoachDesk-formulier")
    report = ProgressReports(repos).build("2024001", None, TODAY, "")
    _refused(repos, write_progress(report, tmp_path / "voortgang.pdf"), "geen CoachDesk-formulier")


def test_a_form_for_another_student_is_refused(
    repos: Repositories, zoe: str, tmp_path: Path
) -> None:
    other = repos.students.add(make_student("2024002", given_name="Fatima", family_name="Bakker"))
    filled = _filled(repos, zoe, tmp_path)
    _refused(repos, filled, "voor Zoë van der Meer, niet voor", other.id)


def test_a_form_made_in_one_store_is_refused_by_another(
    repos: Repositories, zoe: str, tmp_path: Path
) -> None:
    filled = _filled(repos, zoe, tmp_path)
    other = open_store(tmp_path / "andere-coach" / "coachdesk.sqlite")
    try:
        other_repos = Repositories.for_store(other)
        other_repos.students.add(make_student())  # even the same student number
        _refused(other_repos, filled, "andere CoachDesk-opslag")
    finally:
        other.close()


def test_a_form_read_in_again_is_replaced_never_doubled(
    repos: Repositories, zoe: str, tmp_path: Path
) -> None:
    filled = _read_in(repos, zoe, tmp_path)
    forms = ScanForms(repos)
    before = _state(repos)
    again = forms.read(filled, TODAY)
    assert again.already_read
    with pytest.raises(ValidationError, match=r"al ingelezen.*vervangt"):
        forms.store(again, TODAY)
    assert _state(repos) == before
    changed = tmp_path / "later-datum.pdf"
    fill_form(_form_copy(filled, tmp_path), changed, texts={**TRAINER_TEXTS, "datum": "5-12-2026"})
    forms.store(forms.read(changed, TODAY), TODAY, confirmed=True)
    trainer = [s for s in repos.scans.select() if s.rater is Person.WORKPLACE_TRAINER]
    assert len(trainer) == 1
    assert len(repos.scan_forms.select()) == 1


def _form_copy(filled: Path, folder: Path) -> Path:
    copy = folder / "kopie.pdf"
    shutil.copy(filled, copy)
    return copy


def test_an_unfinished_form_says_what_is_missing_and_reads_the_rest(
    repos: Repositories, zoe: str, tmp_path: Path
) -> None:
    filled = tmp_path / "half.pdf"
    fill_form(_form(repos, zoe, tmp_path), filled, skip=2, texts=TRAINER_TEXTS)
    forms = ScanForms(repos)
    reading = forms.read(filled, TODAY)
    assert reading.missing == [14, 15]
    before = _state(repos)
    with pytest.raises(ValidationError, match="Stellingen 14, 15 zijn niet ingevuld"):
        forms.store(reading, TODAY)
    assert _state(repos) == before
    forms.store(reading, TODAY, confirmed=True)
    trainer = [s for s in repos.scans.select() if s.rater is Person.WORKPLACE_TRAINER]
    assert len(trainer[0].answers) == 13


def _retitle(source: Path, target: Path, old: str, new: str) -> None:
    writer = PdfWriter(clone_from=PdfReader(source))
    for page in writer.pages:
        for annotation in page.get("/Annots", []):
            widget = annotation.get_object()
            field = widget.get("/Parent", widget).get_object()
            if field.get("/T") == old:
                field[NameObject("/T")] = TextStringObject(new)
    writer.write(target)


def test_a_form_whose_fields_were_renamed_or_changed_is_refused(
    repos: Repositories, zoe: str, tmp_path: Path
) -> None:
    filled = _filled(repos, zoe, tmp_path)
    renamed = tmp_path / "hernoemd.pdf"
    _retitle(filled, renamed, "stelling_kw1", "vraag_1")
    _refused(repos, renamed, "hernoemd of veranderd")
    retargeted = tmp_path / "ander-soort.pdf"
    writer = PdfWriter(clone_from=PdfReader(filled))
    writer.update_page_form_field_values(
        writer.pages[0], {"coachdesk_voor": "student"}, auto_regenerate=False
    )
    writer.write(retargeted)
    _refused(repos, retargeted, "hernoemd of veranderd")


def test_a_printed_and_scanned_form_is_typed_in_as_before(
    repos: Repositories, zoe: str, tmp_path: Path
) -> None:
    filled = _filled(repos, zoe, tmp_path)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(filled), str(tmp_path / "scan")],
        check=True,
    )
    scanned = tmp_path / "gescand.pdf"
    canvas = Canvas(str(scanned), pagesize=A4)
    canvas.drawImage(str(next(tmp_path.glob("scan*.png"))), 0, 0, *A4)
    canvas.save()
    _refused(repos, scanned, r"geprint en gescand.*typ de antwoorden")


def test_an_encrypted_damaged_or_huge_file_is_refused(
    repos: Repositories, zoe: str, tmp_path: Path
) -> None:
    filled = _filled(repos, zoe, tmp_path)
    locked = tmp_path / "beveiligd.pdf"
    writer = PdfWriter(clone_from=PdfReader(filled))
    writer.encrypt("geheim", algorithm="AES-256")
    writer.write(locked)
    _refused(repos, locked, "wachtwoord")
    damaged = tmp_path / "kapot.pdf"
    damaged.write_bytes(filled.read_bytes()[:2000])
    _refused(repos, damaged, "geen leesbaar PDF")
    nonsense = tmp_path / "geen-pdf.pdf"
    nonsense.write_text("Dit is een tekstbestand.", encoding="utf-8")
    _refused(repos, nonsense, "geen leesbaar PDF")
    huge = tmp_path / "groot.pdf"
    with huge.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(50 * 1024 * 1024)
    _refused(repos, huge, "groter dan 5 MB")


def _dark_pixels(png: Path) -> int:
    from PySide6.QtGui import QImage

    image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
    return sum(
        1
        for y in range(image.height())
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).lightness() < 100
    )


def test_the_filled_form_renders_its_answers(repos: Repositories, zoe: str, tmp_path: Path) -> None:
    empty = _form(repos, zoe, tmp_path)
    filled = tmp_path / "ingevuld.pdf"
    fill_form(empty, filled, texts=TRAINER_TEXTS)
    for pdf in (empty, filled):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / pdf.stem)], check=True
        )
    pages = [
        (tmp_path / f"leeg-{n}.png", tmp_path / f"ingevuld-{n}.png")
        for n in (1, 2)
        if (tmp_path / f"ingevuld-{n}.png").exists()
    ]
    assert len(pages) == 2, "the form has two pages"
    # Page 1: twelve chosen answers; page 2: three more, the typed words and the tick.
    for empty_png, filled_png in pages:
        assert _dark_pixels(filled_png) > _dark_pixels(empty_png) + 40


def test_the_command_line_makes_and_reads_a_form(tmp_path: Path) -> None:
    data_dir = plain_store(tmp_path / "gegevens")
    store = open_store(data_dir / "coachdesk.sqlite")
    repos = Repositories.for_store(store)
    student = repos.students.add(make_student())
    CompetenceScans(repos).record(
        student.id, Person.STUDENT, {s.id: 3 for s in statements()}, dt.date.today()
    )
    store.close()
    empty = tmp_path / "formulier.pdf"
    made = run_cli(
        "form", "--student", "2024001", "--for", "praktijkopleider", "--out", str(empty),
        data_dir=data_dir,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "Formulier opgeslagen" in made.stdout
    filled = tmp_path / "ingevuld.pdf"
    fill_form(empty, filled, skip=1, texts={**TRAINER_TEXTS, "datum": ""})
    half = run_cli("import-form", str(filled), data_dir=data_dir)
    assert half.returncode == 1
    assert half.stdout == ""
    assert half.stderr.count("\n") == 1
    assert "Stelling 15 is niet ingevuld" in half.stderr
    read = run_cli("import-form", str(filled), "--yes", data_dir=data_dir)
    assert read.returncode == 0, read.stderr
    assert "Karin Bosman" in read.stdout
    again = run_cli("import-form", str(filled), "--student", "2024001", data_dir=data_dir)
    assert again.returncode == 1
    assert "al ingelezen" in again.stderr
    missing = run_cli("import-form", str(tmp_path / "weg.pdf"), data_dir=data_dir)
    assert missing.returncode == 1
    assert missing.stderr.count("\n") == 1


def _choose_file(path: Path, then: object = None):
    from PySide6.QtWidgets import QFileDialog

    def choose(dialog: QFileDialog) -> None:
        if callable(then):
            then()
        dialog.selectFile(str(path))
        dialog.accept()

    return choose


def test_the_coach_sends_a_form_from_the_student_screen_and_reads_it_in_at_the_trialoog(
    qtbot, data_dir: Path, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from coachdesk.app import build_window
    from coachdesk.services.demo_data import fill_with_demo
    from coachdesk.services.workspace import StoreLocation, Workspace
    from coachdesk.ui.dialogs.form_import_dialog import FormImportDialog
    from tests.helpers import answer_next_dialog

    today = dt.date(2026, 11, 23)
    workspace = Workspace.open(StoreLocation(data_dir, demo=True))
    try:
        fill_with_demo(workspace.repos, students=6, today=today)
        window = build_window(workspace, today)
        qtbot.addWidget(window)
        window.show()
        entry = window.caseload_screen.model.entry_at(0)
        student = entry.student
        CompetenceScans(workspace.repos).record(
            student.id, Person.STUDENT, {s.id: 2 for s in statements()}, today
        )
        conversation = ConversationFlow(workspace.repos).start(
            student.id,
            ConversationKind.TRIALOGUE,
            today + dt.timedelta(days=7),
            [(Person.STUDENT, student.full_name, None), (Person.WORKPLACE_TRAINER, "Karin", None)],
        )
        window.open_student(entry)
        menu = window.student_screen.scan_button.menu()
        action = next(
            a for a in menu.actions() if a.text().startswith("Invulbaar formulier voor de praktijk")
        )
        empty = tmp_path / "formulier.pdf"
        seen = answer_next_dialog(QFileDialog, _choose_file(empty))
        action.trigger()
        assert seen
        assert "visie" in PdfReader(empty).get_fields()
        filled = tmp_path / "ingevuld.pdf"
        fill_form(empty, filled, texts=TRAINER_TEXTS)

        window.show_screen(2)
        screen = window.conversation_screen
        screen.show_student(student, select=conversation.id)
        box = screen.prepare_step.trainer_box
        assert box.isVisible()
        assert not box.words.isVisible()
        shown: list[str] = []

        def read_in(dialog: FormImportDialog) -> None:
            shown.append(dialog.table.item(0, 1).text())
            shown.append(dialog.table.item(0, 2).text())
            assert dialog.question_label.isHidden()
            dialog.read_button.click()

        seen = answer_next_dialog(
            QFileDialog,
            _choose_file(filled, then=lambda: answer_next_dialog(FormImportDialog, read_in)),
        )
        earlier = [
            s
            for s in CompetenceScans(workspace.repos).history(student.id).scans
            if s.rater is Person.WORKPLACE_TRAINER
        ]
        before = (
            f"{scale_label(earlier[-1].ratings[Competence.QUALITIES])} (competentie)"
            if earlier
            else "–"
        )  # the demo's earlier trainer scans kept only each competence's rating
        box.import_button.click()
        qtbot.waitUntil(lambda: len(shown) == 2)
        assert shown == ["nog niet", before]
        assert VIEW in box.words.text()
        assert POINTS in box.words.text()
        assert screen.wrap_up_step.isEnabled()
        assert (
            ConversationFlow(workspace.repos)
            .closing(conversation.id)
            .views[NoteKind.VIEW_COMPANY]
            .text
            == VIEW
        )
        window.close()
    finally:
        workspace.close()


def test_inzage_holds_what_came_back_and_erasure_removes_it(
    repos: Repositories, zoe: str, tmp_path: Path
) -> None:
    from coachdesk.services.privacy import Privacy

    _read_in(repos, zoe, tmp_path)
    inzage = Privacy(repos).inzage("2024001", TODAY)
    assert [f["view"] for f in inzage.content["students"][0]["scan_forms"]] == [VIEW]
    Privacy(repos).erase("2024001", TODAY)
    assert repos.scan_forms.select() == []
