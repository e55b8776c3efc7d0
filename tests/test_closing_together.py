"""Closing a conversation together: sentences, who reads what, dates, read back, calendar."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from coachdesk.domain.agreements import Agreement, AgreementStatus, Goal, agreement_sentence
from coachdesk.domain.audience import Note
from coachdesk.domain.competences import Competence
from coachdesk.domain.conversations import ConversationKind, ConversationState
from coachdesk.domain.notes import NoteKind
from coachdesk.domain.people import COACH_ONLY, Person
from coachdesk.errors import StoreError, ValidationError
from coachdesk.export.calendar_ics import appointment_ics, write_appointment
from coachdesk.export.report_blocks import Block, summary_blocks
from coachdesk.export.summary_pdf import write_summary
from coachdesk.i18n.dates import parse_date, parse_time
from coachdesk.services.closing import Closing, Owner, SharedText
from coachdesk.services.conversation_flow import ConversationFlow
from coachdesk.services.privacy import Privacy
from coachdesk.services.summary_content import SummaryContent
from coachdesk.storage.database import open_store
from coachdesk.storage.repositories import Repositories
from tests.helpers import make_student

TODAY = dt.date(2026, 11, 23)
PRIVATE = "Thuis speelt iets; voorzichtig navragen."


def _trialogue(repos: Repositories) -> tuple[ConversationFlow, str]:
    student = repos.students.add(make_student(given_name="Fatima", family_name="El Amrani"))
    flow = ConversationFlow(repos)
    conversation = flow.start(
        student.id,
        ConversationKind.TRIALOGUE,
        TODAY,
        [
            (Person.STUDENT, student.full_name, None),
            (Person.COACH, "Mirjam de Haan", None),
            (Person.WORKPLACE_TRAINER, "Peter van Houten", None),
        ],
        time=dt.time(14, 30),
        place="Bakkerij Van Dam",
    )
    flow.choose(conversation.id, [Competence.CAREER_STEERING], ["Hoe plan je je week?"])
    flow.calm_view(conversation.id, TODAY)
    flow.save_keywords(conversation.id, "Hoe plan je je week?", "weekplanning, maandag")
    return flow, conversation.id


def _agreement(text: str, owner: Owner, due: dt.date | None = None) -> Agreement:
    return Agreement(
        student_id="", description=text, owner=owner.role, owner_name=owner.name, due_date=due
    )


def _closing(flow: ConversationFlow, conversation_id: str) -> Closing:
    fatima, mirjam, peter = flow.owners(conversation_id)[:3]
    closing = flow.closing(conversation_id)  # the defaults: who reads what, time and place
    return dataclasses.replace(
        closing,
        summary=dataclasses.replace(closing.summary, text="Ik plan mijn week nu zelf."),
        insights={
            Competence.CAREER_STEERING: SharedText("Plannen geeft me rust.", (Person.PARENTS,))
        },
        views={
            kind: dataclasses.replace(part, text=f"Kijk van {kind.value}")
            for kind, part in closing.views.items()
        },
        agreements=[
            _agreement("maakt elke maandag een weekplanning", fatima, dt.date(2026, 12, 18)),
            _agreement("Peter laat Fatima een dag meedraaien met de planner", peter),
            _agreement("stuurt de contactgegevens van de decaan door", mirjam),
        ],
        goals=[
            Goal(
                student_id="",
                description="Ik plan zelf mijn stageweek.",
                competence=Competence.CAREER_STEERING,
            )
        ],
        next_appointment=dt.date(2027, 1, 21),
        private_note=PRIVATE,
        share_with_trainer=True,
    )


def _text(item: Block) -> str:
    return " ".join(item.text.split())


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_agreements_read_as_sentences_a_student_understands() -> None:
    fatima = Owner(Person.STUDENT, "Fatima")
    cases = {
        ("maakt elke maandag een weekplanning", dt.date(2026, 12, 18)): (
            "Fatima maakt elke maandag een weekplanning — uiterlijk 18 december"
        ),
        ("Maakt een cv", None): "Fatima: Maakt een cv",
        ("Fatima belt de decaan", dt.date(2027, 1, 8)): (
            "Fatima belt de decaan — uiterlijk 8 januari 2027"
        ),
        ("CV opsturen", None): "Fatima: CV opsturen",
        ("Ik vraag feedback aan de chef.", None): "Fatima: Ik vraag feedback aan de chef.",
    }
    for (text, due), expected in cases.items():
        assert agreement_sentence(_agreement(text, fatima, due), "Fatima", TODAY) == expected


def test_the_owner_of_an_agreement_is_a_person_at_the_table_by_name(repos: Repositories) -> None:
    flow, conversation_id = _trialogue(repos)
    assert flow.owners(conversation_id) == [
        Owner(Person.STUDENT, "Fatima"),
        Owner(Person.COACH, "Mirjam de Haan"),
        Owner(Person.WORKPLACE_TRAINER, "Peter van Houten"),
        Owner(Person.PARENTS, "de ouders"),
    ]


def test_in_a_trialogue_the_trainer_reads_words_views_and_agreements_once_consent_is_given(
    repos: Repositories, tmp_path: Path
) -> None:
    flow, conversation_id = _trialogue(repos)
    defaults = flow.closing(conversation_id)
    assert set(defaults.summary.readers) == {Person.PARENTS, Person.WORKPLACE_TRAINER}
    assert {part.readers for part in defaults.views.values()} == {(Person.WORKPLACE_TRAINER,)}
    assert (defaults.next_time, defaults.next_place) == (dt.time(14, 30), "Bakkerij Van Dam")
    flow.close(conversation_id, _closing(flow, conversation_id), TODAY)
    reports = SummaryContent(repos)
    trainer = reports.build(conversation_id, Person.WORKPLACE_TRAINER)
    assert trainer.summary == "Ik plan mijn week nu zelf."
    assert [label for label, _text in trainer.views] == [
        "Visie van de student",
        "Visie van de school",
        "Visie van het bedrijf",
    ]
    assert trainer.insights == []  # shared with the parents only
    assert len(trainer.agreements) == 3
    text = "\n".join(
        page.extract_text() for page in PdfReader(write_summary(trainer, tmp_path / "po.pdf")).pages
    )
    assert PRIVATE not in text and "weekplanning, maandag" not in text
    with pytest.raises(ValidationError, match="toestemming"):
        reports.build(conversation_id, Person.PARENTS)  # no consent for the parents


def test_the_read_back_says_exactly_what_the_students_pdf_says(
    repos: Repositories, tmp_path: Path
) -> None:
    flow, conversation_id = _trialogue(repos)
    closing = _closing(flow, conversation_id)
    reports = SummaryContent(repos)
    read_back = summary_blocks(reports.preview(conversation_id, closing))
    flow.close(conversation_id, dataclasses.replace(closing, read_back=True), TODAY)
    stored = reports.build(conversation_id, Person.STUDENT)
    assert summary_blocks(stored) == read_back
    pdf = _flat(
        " ".join(
            page.extract_text()
            for page in PdfReader(write_summary(stored, tmp_path / "student.pdf")).pages
        )
    )
    blocks = [block for block in read_back if isinstance(block, Block)]
    said = [_text(block) for block in blocks]
    assert "Fatima maakt elke maandag een weekplanning — uiterlijk 18 december" in said
    assert "Peter laat Fatima een dag meedraaien met de planner" in said
    assert "Mirjam de Haan stuurt de contactgegevens van de decaan door" in said
    assert "donderdag 21 januari 2027 om 14:30, Bakkerij Van Dam" in said
    for block in blocks:
        assert _text(block) in pdf and block.label in pdf, block
    assert PRIVATE not in pdf
    assert repos.conversations.get(conversation_id).read_back_at is not None  # type: ignore[union-attr]


def test_dates_in_the_past_ask_before_closing(repos: Repositories) -> None:
    flow, conversation_id = _trialogue(repos)
    closing = _closing(flow, conversation_id)
    assert flow.warnings(conversation_id, closing, TODAY) == []
    stale = dataclasses.replace(
        closing,
        agreements=[
            dataclasses.replace(closing.agreements[0], due_date=dt.date(2026, 2, 23)),
            dataclasses.replace(
                closing.agreements[1],
                due_date=dt.date(2026, 2, 23),
                status=AgreementStatus.DONE,  # done already: its date is history, not a mistake
            ),
        ],
        next_appointment=dt.date(2026, 2, 23),
    )
    assert flow.warnings(conversation_id, stale, TODAY) == [
        "De datum bij “maakt elke maandag een weekplanning” (23 februari 2026) is al voorbij.",
        "De volgende afspraak (23 februari 2026) ligt niet na dit gesprek (23 november 2026).",
    ]


def test_typed_dates_are_read_whole_or_refused() -> None:
    assert parse_date("18-12", TODAY) == dt.date(2026, 12, 18)
    assert parse_date("5 jan", TODAY) == dt.date(2027, 1, 5)  # the next one to come
    assert parse_date("23-02-2026", TODAY) == dt.date(2026, 2, 23)  # said, then warned about
    assert parse_date("18 december 2027", TODAY) == dt.date(2027, 12, 18)
    assert parse_date("  ", TODAY) is None
    for wrong in ("31-02-2026", "morgen", "18-13", "2026-12-18x"):
        with pytest.raises(ValueError, match=re.escape(wrong.strip())):
            parse_date(wrong, TODAY)
    assert parse_time("14.30") == dt.time(14, 30)
    assert parse_time("9 uur") == dt.time(9, 0)
    with pytest.raises(ValueError, match="25:00"):
        parse_time("25:00")


def test_dates_and_times_are_read_the_way_dutch_coaches_write_them() -> None:
    """ "18.12." (German-style dot), "9u30" and "14h30" are everyday forms in a Dutch school."""
    assert parse_date("18.12.", TODAY) == dt.date(2026, 12, 18)
    assert parse_date("5.1.", TODAY) == dt.date(2027, 1, 5)
    assert parse_time("9u30") == dt.time(9, 30)
    assert parse_time("14h30") == dt.time(14, 30)
    assert parse_time("9u") == dt.time(9, 0)


def test_29_february_without_a_year_is_the_next_29_february_to_come() -> None:
    """In December 2027, "29-02" means 2028 (a leap year); in a year without one it is no date."""
    assert parse_date("29-02", dt.date(2027, 12, 6)) == dt.date(2028, 2, 29)
    assert parse_date("29-02", dt.date(2028, 2, 10)) == dt.date(2028, 2, 29)
    with pytest.raises(ValueError, match="29-02"):
        parse_date("29-02", TODAY)  # the next one to come would be in 2027, which has none


def test_a_date_from_last_month_is_last_month_also_just_after_new_year() -> None:
    """On 5 January, "20-12" is the 20th of December just past, not eleven months ahead."""
    assert parse_date("20-12", dt.date(2027, 1, 5)) == dt.date(2026, 12, 20)
    assert parse_date("20-11", dt.date(2027, 1, 5)) == dt.date(2027, 11, 20)  # longer ago: next


def test_what_is_typed_in_the_close_survives_a_crash_until_it_is_closed(data_dir: Path) -> None:
    store = open_store(data_dir / "coachdesk.sqlite")
    flow, conversation_id = _trialogue(Repositories.for_store(store))
    typed = _closing(flow, conversation_id)
    flow.save_draft(conversation_id, typed)
    store.close()  # the laptop dies here

    store = open_store(data_dir / "coachdesk.sqlite")
    try:
        repos = Repositories.for_store(store)
        flow = ConversationFlow(repos)
        again = flow.closing(conversation_id)
        assert again == typed
        flow.close(conversation_id, again, TODAY)
        assert repos.closing_drafts.get(conversation_id) is None
        closed = repos.conversations.get(conversation_id)
        assert closed is not None and closed.state is ConversationState.CLOSED
        assert flow.closing(conversation_id).agreements[0].owner_name == "Fatima"
    finally:
        store.close()


def test_f5_opens_the_conversation_in_progress_else_the_next_planned_one(
    repos: Repositories,
) -> None:
    flow, held = _trialogue(repos)
    student_id = repos.conversations.get(held).student_id  # type: ignore[union-attr]
    people = [(Person.STUDENT, "Fatima", None)]
    later = flow.start(student_id, ConversationKind.DIALOGUE, TODAY + dt.timedelta(7), people)
    flow.start(student_id, ConversationKind.DIALOGUE, TODAY + dt.timedelta(30), people)
    assert flow.current(student_id, TODAY).id == held  # type: ignore[union-attr]
    flow.close(held, _closing(flow, held), TODAY)
    assert flow.current(student_id, TODAY).id == later.id  # type: ignore[union-attr]


def test_the_calendar_file_opens_anywhere_and_holds_only_first_name_kind_time_and_place(
    tmp_path: Path,
) -> None:
    now = dt.datetime(2026, 11, 23, 15, 0, tzinfo=dt.UTC)
    ics = appointment_ics(
        "Fatima",
        "Trialoog",
        day=dt.date(2027, 1, 21),
        time=dt.time(14, 30),
        place="Bakkerij Van Dam",
        now=now,
    )
    target = write_appointment(tmp_path / "afspraak.ics", ics)
    (event,) = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Trialoog met Fatima"
    assert event.decoded("DTSTART") == dt.datetime(2027, 1, 21, 14, 30)
    assert event.decoded("DTEND") == dt.datetime(2027, 1, 21, 15, 15)
    assert str(event["LOCATION"]) == "Bakkerij Van Dam"
    assert "El Amrani" not in target.read_text() and "DESCRIPTION" not in target.read_text()
    all_day = appointment_ics("Fatima", "Dialoog", day=dt.date(2027, 1, 21), time=None,
                              place="", now=now)  # fmt: skip
    (event,) = Calendar.from_ical(all_day).walk("VEVENT")
    assert event.decoded("DTSTART") == dt.date(2027, 1, 21)


def test_a_calendar_file_that_cannot_be_written_is_said_in_dutch(tmp_path: Path) -> None:
    in_the_way = tmp_path / "agenda"
    in_the_way.write_text("een bestand, geen map")
    with pytest.raises(StoreError, match="Het agendabestand kon niet worden opgeslagen"):
        write_appointment(in_the_way / "afspraak.ics", b"BEGIN:VCALENDAR")
    assert in_the_way.read_text() == "een bestand, geen map"
    assert [p.name for p in tmp_path.iterdir()] == ["agenda"]


def test_keywords_typed_without_a_question_come_first_of_the_unasked(
    repos: Repositories,
) -> None:
    flow, conversation_id = _trialogue(repos)
    flow.save_keywords(conversation_id, "", "Peter: goed bezig")
    assert flow.keywords(conversation_id) == [
        ("Hoe plan je je week?", "weekplanning, maandag"),
        ("", "Peter: goed bezig"),
    ]
    notes = repos.notes.live_notes(conversation_id)
    assert {n.kind for n in notes} == {NoteKind.LIVE}


def test_a_part_marked_private_before_version_8_stays_private_when_edited_after_closing(
    repos: Repositories,
) -> None:
    flow, conversation_id = _trialogue(repos)
    conversation = repos.conversations.get(conversation_id)
    assert conversation is not None
    repos.conversations.update(
        dataclasses.replace(
            conversation, summary="Samenvatting privé", state=ConversationState.CLOSED
        )
    )
    student_id = conversation.student_id

    def old_private(body: str, kind: NoteKind, competence: Competence | None = None) -> Note:
        return Note(
            student_id=student_id,
            conversation_id=conversation_id,
            body=body,
            audience=COACH_ONLY,
            kind=kind,
            competence=competence,
        )

    repos.notes.add_many(
        [
            old_private("Samenvatting privé", NoteKind.GENERAL),
            old_private("Inzicht privé", NoteKind.INSIGHT, Competence.CAREER_STEERING),
            old_private("Visie privé", NoteKind.VIEW_COMPANY),
            old_private("Echte privénotitie", NoteKind.GENERAL),
        ]
    )
    form = flow.closing(conversation_id)  # what the coach sees on opening it again
    assert form.summary.text == "" and form.insights[Competence.CAREER_STEERING].text == ""
    for private in ("Samenvatting privé", "Inzicht privé", "Visie privé", "Echte privénotitie"):
        assert private in form.private_note
    flow.close(conversation_id, dataclasses.replace(form, share_with_trainer=True), TODAY)
    for reader in (Person.STUDENT, Person.WORKPLACE_TRAINER):
        report = SummaryContent(repos).build(conversation_id, reader)
        assert "privé" not in repr((report.summary, report.insights, report.views))


def test_an_inzage_holds_the_close_still_being_written(repos: Repositories) -> None:
    flow, conversation_id = _trialogue(repos)
    flow.save_draft(conversation_id, _closing(flow, conversation_id))
    student = repos.students.get(repos.conversations.get(conversation_id).student_id)  # type: ignore[union-attr]
    assert student is not None
    inzage = Privacy(repos).inzage(student.student_number, TODAY)
    (draft,) = inzage.content["students"][0]["closing_drafts"]
    assert draft["conversation_id"] == conversation_id
    assert draft["draft"]["private_note"] == PRIVATE
