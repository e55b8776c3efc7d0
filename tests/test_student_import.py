"""Importing class lists from school systems: every encoding, every delimiter, every bad file."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from coachdesk.domain.students import Pathway
from coachdesk.errors import ValidationError
from coachdesk.services.csv_files import parse
from coachdesk.services.student_import import (
    ImportField,
    ImportRejectedError,
    StudentImport,
    auto_mapping,
)
from coachdesk.storage.repositories import Repositories
from tests.helpers import make_student

MAGISTER = (
    "Stamnummer;Roepnaam;Voornamen;Tussenvoegsel;Achternaam;Klas;Opleiding;Leerweg;Niveau;"
    "Geboortedatum;E-mail\n"
    "00123;Daniël;Daniël Johannes;van 't;Hek;VIG3A;Verzorgende-IG;BOL;3;14-03-2009;d@school.nl\n"
    "00124;Ümit;;;Yılmaz;VIG3A;Verzorgende-IG;BBL;niveau 2;2009-01-31;\n"
    "00125;Łucja;;de;Wiśniewska-Şahin;VIG3B;Verzorgende-IG;BOL;3;1.2.2008;\n"
)


def _import(repos: Repositories, data: bytes, *, skip_invalid: bool = False):
    importer = StudentImport(repos, demo_store=False)
    plan = importer.prepare(parse(data))
    return plan, importer.apply(plan, skip_invalid=skip_invalid)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16", b""),
        ("utf-16-le", b""),
        ("cp1252", b""),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-no-bom", "cp1252-excel"],
)
@pytest.mark.parametrize("delimiter", [";", ",", "\t"], ids=["semicolon", "comma", "tab"])
def test_exports_in_every_encoding_and_delimiter_import_exactly(
    repos: Repositories, encoding: str, prefix: bytes, delimiter: str
) -> None:
    text = MAGISTER.replace(";", delimiter)
    if encoding == "cp1252":
        text = text.replace("Łucja", "Lucia").replace("Wiśniewska-Şahin", "Wisniewska")
        text = text.replace("Yılmaz", "Yilmaz")
    plan, result = _import(repos, prefix + text.encode(encoding))
    assert plan.problems == []
    assert (result.created, result.updated) == (3, 0)
    daniel = repos.students.by_number("00123")
    assert daniel is not None
    assert daniel.full_name == "Daniël van 't Hek"
    assert daniel.given_name == "Daniël"
    assert daniel.date_of_birth == dt.date(2009, 3, 14)
    assert daniel.pathway is Pathway.BOL
    assert daniel.level == 3
    assert repos.students.by_number("00124").level == 2  # type: ignore[union-attr]


def test_names_keep_every_diacritic_and_numbers_their_leading_zeros(repos: Repositories) -> None:
    _import(repos, MAGISTER.encode("utf-8"))
    names = {s.student_number: s.full_name for s in repos.students.caseload()}
    assert names == {
        "00123": "Daniël van 't Hek",
        "00124": "Ümit Yılmaz",
        "00125": "Łucja de Wiśniewska-Şahin",
    }


def test_re_importing_updates_by_student_number_and_never_duplicates(repos: Repositories) -> None:
    _import(repos, MAGISTER.encode("utf-8"))
    first = repos.students.by_number("00123")
    moved = MAGISTER.replace(
        "00123;Daniël;Daniël Johannes;van 't;Hek;VIG3A", "00123;Daniël;;van 't;Hek;VIG4A"
    )
    plan, result = _import(repos, moved.encode("utf-8"))
    assert (plan.new_count, plan.update_count) == (0, 3)
    assert (result.created, result.updated) == (0, 3)
    assert repos.students.count() == 3
    again = repos.students.by_number("00123")
    assert again is not None and first is not None
    assert again.group == "VIG4A"
    assert again.id == first.id
    assert again.email == "d@school.nl"  # empty cells never erase what the coach has


def test_cell_values_are_stored_as_text_never_evaluated(repos: Repositories) -> None:
    data = 'Studentnummer,Voornaam,Achternaam,Klas\n0001,"=HYPERLINK(""x"")",+31,@SUM(1)\n'
    _import(repos, data.encode())
    student = repos.students.by_number("0001")
    assert student is not None
    assert (student.given_name, student.family_name, student.group) == (
        '=HYPERLINK("x")',
        "+31",
        "@SUM(1)",
    )


BAD_ROWS = {
    "no-number": (";Zoë;Bakker;2;01-01-2009", ", kolom Stamnummer: studentnummer ontbreekt"),
    "no-name": ("00200;;;2;01-01-2009", ", kolom naam: de naam ontbreekt"),
    "bad-date": (
        "00200;Zoë;Bakker;2;31-02-2009",
        ", kolom Geboortedatum: onleesbare datum '31-02-2009' (schrijf bijv. 14-03-2009)",
    ),
    "bad-level": (
        "00200;Zoë;Bakker;5;01-01-2009",
        ", kolom Niveau: niveau '5' moet 1 tot en met 4 zijn",
    ),
    "duplicate": (
        "00100;Daan;Smit;2;01-01-2009",
        ", kolom Stamnummer: studentnummer 00100 staat ook op regel 2",
    ),
    "extra-columns": ("00200;Zoë;Bakker;2;01-01-2009;;extra", ": meer kolommen dan de kopregel"),
}


@pytest.mark.parametrize("kind", list(BAD_ROWS))
def test_any_invalid_row_means_nothing_is_written(repos: Repositories, kind: str) -> None:
    repos.students.add(make_student("bestaand"))
    row, message = BAD_ROWS[kind]
    data = f"Stamnummer;Roepnaam;Achternaam;Niveau;Geboortedatum\n00100;Sem;de Vries;2;02-02-2009\n{row}\n"
    importer = StudentImport(repos, demo_store=False)
    plan = importer.prepare(parse(data.encode()))
    assert [str(p) for p in plan.problems] == [f"Regel 3{message}"]
    with pytest.raises(ImportRejectedError, match="1 regel heeft een probleem"):
        importer.apply(plan)
    assert [s.student_number for s in repos.students.caseload()] == ["bestaand"]
    result = importer.apply(plan, skip_invalid=True)
    assert (result.created, result.skipped) == (1, 1)


def test_a_binary_or_garbled_line_is_reported_by_line_number(repos: Repositories) -> None:
    data = b"Stamnummer;Roepnaam;Achternaam\n001;Zo\xc3\xab;Bakker\n002;\x00\x01\xff\xfe;\x02\n003;Sem;Smit\n"
    plan = StudentImport(repos, demo_store=False).prepare(parse(data))
    assert [str(p) for p in plan.problems] == [
        "Regel 3: onleesbare tekens; is deze regel wel tekst?"
    ]
    assert sorted(plan.valid) == ["001", "003"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Het bestand is leeg"),
        (b"Stamnummer;Roepnaam;Achternaam\n", "alleen een kopregel"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "geen tekstbestand"),
    ],
    ids=["empty", "header-only", "binary"],
)
def test_files_that_are_not_class_lists_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse(data)


def test_a_file_without_a_student_number_column_asks_for_a_manual_mapping(
    repos: Repositories,
) -> None:
    table = parse("Naam;Klas\nZoë Bakker;VIG3A\n".encode())
    with pytest.raises(ValidationError, match="Geen kolom gevonden voor: Studentnummer"):
        StudentImport(repos, demo_store=False).prepare(table)
    plan = StudentImport(repos, demo_store=False).prepare(
        parse("Nr;Naam;Klas\n7;Zoë Bakker;VIG3A\n".encode()),
        {0: ImportField.STUDENT_NUMBER, 1: ImportField.FAMILY_NAME, 2: ImportField.GROUP},
    )
    assert plan.problems == []
    assert plan.valid["7"][ImportField.FAMILY_NAME] == "Zoë Bakker"


def test_roepnaam_wins_over_voornamen_and_headers_are_matched_loosely() -> None:
    header = [
        "Leerlingnummer",
        "Voornamen",
        "Roepnaam",
        "Tussenvoegsels",
        "Achternaam",
        "E-mailadres",
        "Groep",
    ]
    mapping = auto_mapping(header)
    assert mapping == {
        0: ImportField.STUDENT_NUMBER,
        2: ImportField.GIVEN_NAME,
        3: ImportField.NAME_PREFIX,
        4: ImportField.FAMILY_NAME,
        5: ImportField.EMAIL,
        6: ImportField.GROUP,
    }


def test_the_demo_store_refuses_a_real_class_list(repos: Repositories) -> None:
    with pytest.raises(ValidationError, match="demo-opslag"):
        StudentImport(repos, demo_store=True)
