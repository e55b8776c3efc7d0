"""Handing a student's thread to the next coach: encrypted, complete, all or nothing, no duplicates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coachdesk.domain.audience import Note, readable_by
from coachdesk.domain.consents import ConsentSubject
from coachdesk.domain.people import COACH_ONLY, Person
from coachdesk.errors import ValidationError
from coachdesk.services.demo_data import fill_with_demo
from coachdesk.services.dossier import DossierError, Dossiers, decrypt, encrypt, parse
from coachdesk.storage.database import open_store
from coachdesk.storage.repositories import Repositories
from tests.helpers import make_student, plain_store, run_cli

PASSPHRASE = "lange wachtwoordzin 2026"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def source(repos: Repositories) -> Repositories:
    fill_with_demo(repos, students=3, today=TODAY)
    return repos


@pytest.fixture
def other(tmp_path: Path):
    store = open_store(tmp_path / "ander" / "coachdesk.sqlite")
    yield Repositories.for_store(store)
    store.close()


def _number(repos: Repositories) -> str:
    return repos.students.caseload(include_archived=True)[0].student_number


def _comparable(content: dict) -> dict:
    return {**content, "exported_at": None}


def test_export_import_export_gives_the_same_content(
    source: Repositories, other: Repositories, tmp_path: Path
) -> None:
    number = _number(source)
    target = Dossiers(source).export(
        [number], PASSPHRASE, tmp_path / "d.cddossier", consent_given=True
    )
    assert target.read_bytes()[:17] == b"COACHDESK-DOSSIER"
    student = source.students.by_number(number)
    assert (
        b"Meer" not in target.read_bytes()
        and student.family_name.encode() not in target.read_bytes()
    )  # type: ignore[union-attr]
    content = Dossiers(other).read(target, PASSPHRASE)
    summary = Dossiers(other).import_dossier(content)
    assert summary.students == 1 and summary.records > 50
    again = Dossiers(other).content([number])
    original = Dossiers(source).content([number])
    assert _comparable(again) == _comparable(original)
    handover = source.consents.select("subject = ?", [ConsentSubject.HANDOVER.value])
    assert len(handover) == 1


def test_importing_twice_duplicates_nothing(
    source: Repositories, other: Repositories, tmp_path: Path
) -> None:
    target = Dossiers(source).export(
        [_number(source)], PASSPHRASE, tmp_path / "d", consent_given=True
    )
    for _round in range(2):
        Dossiers(other).import_dossier(Dossiers(other).read(target, PASSPHRASE))
    assert other.students.count() == 1
    assert other.conversations.count() == source.conversations.count(
        "student_id = ?", [source.students.by_number(_number(source)).id]
    )  # type: ignore[union-attr]


def test_an_existing_student_is_matched_by_student_number(
    source: Repositories, other: Repositories, tmp_path: Path
) -> None:
    number = _number(source)
    original = source.students.by_number(number)
    assert original is not None
    from tests.helpers import make_student

    local = other.students.add(make_student(number))
    target = Dossiers(source).export([number], PASSPHRASE, tmp_path / "d", consent_given=True)
    Dossiers(other).import_dossier(Dossiers(other).read(target, PASSPHRASE))
    assert other.students.count() == 1
    assert other.conversations.count("student_id = ?", [local.id]) > 0
    assert other.students.by_number(number).given_name == original.given_name  # type: ignore[union-attr]


def test_private_notes_and_referrals_stay_unless_included(
    source: Repositories, tmp_path: Path
) -> None:
    student = source.students.by_number(_number(source))
    assert student is not None
    source.notes.add(Note(student_id=student.id, body="Alleen voor mij", audience=COACH_ONLY))
    without = json.dumps(Dossiers(source).content([student.student_number]))
    assert "Alleen voor mij" not in without
    with_private = json.dumps(
        Dossiers(source).content([student.student_number], include_private=True)
    )
    assert "Alleen voor mij" in with_private


def test_no_export_without_consent_or_with_a_short_passphrase(
    source: Repositories, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError, match="toestemming"):
        Dossiers(source).export([_number(source)], PASSPHRASE, tmp_path / "d", consent_given=False)
    with pytest.raises(ValidationError, match="minstens 8"):
        Dossiers(source).export([_number(source)], "kort", tmp_path / "d", consent_given=True)
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize(
    "damage", ["wrong-passphrase", "flipped-byte", "truncated", "empty", "foreign"]
)
def test_damaged_or_foreign_files_are_refused_and_nothing_is_written(
    source: Repositories, other: Repositories, tmp_path: Path, damage: str
) -> None:
    target = Dossiers(source).export(
        [_number(source)], PASSPHRASE, tmp_path / "d", consent_given=True
    )
    data = bytearray(target.read_bytes())
    passphrase = PASSPHRASE
    if damage == "wrong-passphrase":
        passphrase = "een andere wachtwoordzin"
    elif damage == "flipped-byte":
        data[len(data) // 2] ^= 0x01
    elif damage == "truncated":
        data = data[: len(data) // 3]
    elif damage == "empty":
        data = bytearray()
    else:
        data = bytearray(b"%PDF-1.7 dit is een pdf")
    target.write_bytes(bytes(data))
    with pytest.raises(DossierError):
        Dossiers(other).read(target, passphrase)
    assert other.students.count() == 0


def test_a_valid_looking_dossier_with_a_bad_record_writes_nothing(other: Repositories) -> None:
    content = parse(
        json.dumps(
            {
                "format": "coachdesk-dossier",
                "version": 1,
                "students": [
                    {
                        "student": {
                            "id": "x",
                            "student_number": "1",
                            "given_name": "A",
                            "family_name": "B",
                            "status": "active",
                            "created_at": "2026-01-01T00:00:00+00:00",
                            "updated_at": "2026-01-01T00:00:00+00:00",
                        },
                        "conversations": [{"id": "c", "kind": "geen-soort"}],
                    }
                ],
            }
        ).encode()
    )
    with pytest.raises(DossierError, match="ongeldig"):
        Dossiers(other).import_dossier(content)
    assert other.students.count() == 0


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    payload=st.one_of(
        st.binary(max_size=400),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=20),
            lambda children: (
                st.lists(children, max_size=4)
                | st.dictionaries(st.text(max_size=10), children, max_size=4)
            ),
            max_leaves=20,
        ).map(
            lambda value: json.dumps(
                {"format": "coachdesk-dossier", "version": 1, "students": value}
            ).encode()
        ),
    )
)
def test_fuzzed_dossiers_fail_only_with_our_own_dutch_error(
    other: Repositories, payload: bytes
) -> None:
    sealed = encrypt(payload, PASSPHRASE)
    before = other.students.count()
    try:
        Dossiers(other).import_dossier(parse(decrypt(sealed, PASSPHRASE)))
    except ValidationError as error:  # DossierError included: our own Dutch message
        assert error.message
        assert other.students.count() == before  # nothing written


def test_the_commands_export_and_import(tmp_path: Path) -> None:
    env = {"COACHDESK_DOSSIER_PASSPHRASE": PASSPHRASE}
    first, second = tmp_path / "a", plain_store(tmp_path / "b")
    assert run_cli("demo", "--students", "2", data_dir=first).returncode == 0
    number = json.loads(run_cli("students", "--json", data_dir=first).stdout)[0]["student_number"]
    refused = run_cli(
        "export-dossier", number, "--out", str(tmp_path / "d"), data_dir=first, env=env
    )
    assert refused.returncode == 1 and "toestemming" in refused.stderr
    done = run_cli(
        "export-dossier", number, "--out", str(tmp_path / "d"), "--consent", data_dir=first, env=env
    )
    assert done.returncode == 0, done.stderr
    imported = run_cli("import-dossier", str(tmp_path / "d"), data_dir=second, env=env)
    assert imported.returncode == 0, imported.stderr
    assert "1 studenten" in imported.stdout
    wrong = run_cli(
        "import-dossier",
        str(tmp_path / "d"),
        data_dir=second,
        env={"COACHDESK_DOSSIER_PASSPHRASE": "fout fout fout"},
    )
    assert wrong.returncode == 1 and "wachtwoordzin klopt niet" in wrong.stderr


def test_the_handover_dialog_waits_for_a_matching_passphrase_and_consent(qtbot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from coachdesk.ui.dialogs.handover_dialog import HandoverDialog
    from tests.accessibility import clipped_texts, unnamed_controls

    dialog = HandoverDialog(3)
    qtbot.addWidget(dialog)
    dialog.show()
    assert clipped_texts(dialog) == []
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    qtbot.keyClicks(dialog.fields.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(dialog.fields.repeat_edit, PASSPHRASE)
    assert not save.isEnabled() and "toestemming" in dialog.problem_label.text()
    dialog.consent_check.setChecked(True)
    assert save.isEnabled()
    assert unnamed_controls(dialog) == []


def test_a_note_for_the_parents_in_a_dossier_from_before_version_8_still_reaches_them(
    repos: Repositories, tmp_path: Path
) -> None:
    student = repos.students.add(make_student())
    repos.notes.add(Note(student_id=student.id, body="Voor de ouders", audience=Person.PARENTS))
    content = Dossiers(repos).content([student.student_number])
    for entry in content["students"]:
        for row in entry["notes"]:
            del row["readers"], row["question"]  # as the app wrote them before schema 8
    other_store = open_store(tmp_path / "andere" / "coachdesk.sqlite")
    try:
        other = Repositories.for_store(other_store)
        Dossiers(other).import_dossier(content)
        (note,) = other.notes.select()
        assert readable_by(note, Person.PARENTS)
        assert not readable_by(note, Person.WORKPLACE_TRAINER)
    finally:
        other_store.close()


OLD_DOSSIER = Path(__file__).parent / "data" / "dossier_v1" / "student-202600003.coachdesk-dossier"
"""Exported by CoachDesk at format version 1 (demo data, private parts included)."""


def test_a_dossier_of_format_version_1_imports_with_one_word_per_person(
    other: Repositories,
) -> None:
    """Version 1 said "ouder" for a parent and "prive_coach" for a private text."""
    content = Dossiers(other).read(OLD_DOSSIER, "overdracht-2026")
    assert content["version"] == 1
    summary = Dossiers(other).import_dossier(content)
    assert summary.students == 1
    (student,) = other.students.caseload()
    assert student.student_number == "202600003"
    contacts = {c.role for c in other.contacts.for_student(student.id)}
    assert contacts == {Person.PARENTS, Person.WORKPLACE_TRAINER}
    consents = {(c.recipient, c.given_by) for c in other.consents.for_student(student.id)}
    assert (Person.WORKPLACE_TRAINER, Person.PARENTS) in consents
    assert (Person.PARENTS, Person.PARENTS) in consents
    roles = {
        p.role
        for c in other.conversations.for_student(student.id)
        for p in other.participants.for_conversation(c.id)
    }
    assert roles == {Person.STUDENT, Person.COACH, Person.PARENTS}
    audiences = {n.audience for n in other.notes.for_student(student.id)}
    assert audiences == {Person.STUDENT, COACH_ONLY}
    again = Dossiers(other).content([student.student_number], include_private=True)
    assert again["version"] == 2
    words = json.dumps(again)
    assert '"ouder"' not in words and "prive_coach" not in words
    counts = [
        sum(len(rows) for rows in dossier["students"][0].values() if isinstance(rows, list))
        for dossier in (content, again)
    ]
    assert counts[0] == counts[1] == 97  # every record came in


def test_the_dossier_refuses_a_version_it_does_not_know(other: Repositories) -> None:
    content = {"format": "coachdesk-dossier", "version": 3, "students": []}
    with pytest.raises(DossierError, match="versie 3"):
        parse(json.dumps(content).encode())
