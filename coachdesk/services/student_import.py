"""Importing a class list: map the columns, validate every row, then write all or nothing.

Nothing is written until the whole file has been checked. Re-importing updates students
by student number and never duplicates them. Values are kept as text exactly as in the
file (leading zeros, every diacritic and tussenvoegsel); nothing is evaluated.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from coachdesk.domain.labels import LabelledEnum
from coachdesk.domain.students import Pathway, Student
from coachdesk.errors import ValidationError
from coachdesk.i18n import N_, _, ngettext
from coachdesk.services.audit import audit_store
from coachdesk.services.csv_files import CsvRow, CsvTable
from coachdesk.storage.repositories import Repositories


class ImportField(LabelledEnum):
    """A student attribute that a class-list column can fill."""

    STUDENT_NUMBER = "student_number"
    GIVEN_NAME = "given_name"
    NAME_PREFIX = "name_prefix"
    FAMILY_NAME = "family_name"
    GROUP = "group"
    PROGRAMME = "programme"
    PATHWAY = "pathway"
    LEVEL = "level"
    DATE_OF_BIRTH = "date_of_birth"
    EMAIL = "email"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "student_number": N_("Student number"),
            "given_name": N_("Given name"),
            "name_prefix": N_("Name prefix"),
            "family_name": N_("Family name"),
            "group": N_("Class"),
            "programme": N_("Programme"),
            "pathway": N_("Pathway"),
            "level": N_("Level"),
            "date_of_birth": N_("Date of birth"),
            "email": N_("E-mail"),
        }


HEADER_ALIASES: dict[str, ImportField] = {
    **dict.fromkeys(
        (
            "stamnummer",
            "leerlingnummer",
            "studentnummer",
            "deelnemernummer",
            "studentnr",
            "leerlingnr",
            "deelnemernr",
            "stamnr",
            "ovnummer",
        ),
        ImportField.STUDENT_NUMBER,
    ),
    **dict.fromkeys(
        ("roepnaam", "voornaam", "voornamen", "roepnaamvoornaam"), ImportField.GIVEN_NAME
    ),
    **dict.fromkeys(
        ("tussenvoegsel", "tussenvoegsels", "voorvoegsel", "voorvoegsels"), ImportField.NAME_PREFIX
    ),
    **dict.fromkeys(
        ("achternaam", "familienaam", "geslachtsnaam", "achternaamzondervoorvoegsel"),
        ImportField.FAMILY_NAME,
    ),
    **dict.fromkeys(
        ("klas", "groep", "klasgroep", "stamgroep", "stamklas", "lesgroep", "basisgroep"),
        ImportField.GROUP,
    ),
    **dict.fromkeys(
        ("opleiding", "opleidingsnaam", "opleidingnaam", "studie"), ImportField.PROGRAMME
    ),
    **dict.fromkeys(("leerweg", "leerwegcode"), ImportField.PATHWAY),
    **dict.fromkeys(("niveau", "opleidingsniveau", "kwalificatieniveau"), ImportField.LEVEL),
    **dict.fromkeys(("geboortedatum", "gebdatum", "gebdat", "geboren"), ImportField.DATE_OF_BIRTH),
    **dict.fromkeys(
        ("email", "emailadres", "mail", "emailschool", "emailadresschool"), ImportField.EMAIL
    ),
}
"""Dutch column names (lowercase, letters only) and the field each fills."""

_PREFERRED_GIVEN = "roepnaam"
_LEVEL = re.compile(r"^(?:niveau|n)?\s*([1-4])$", re.IGNORECASE)
_DATE_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_STUDENT_NUMBER = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
_PATHWAYS = {
    "BOL": Pathway.BOL,
    "BOLVT": Pathway.BOL,
    "BOLDT": Pathway.BOL,
    "BBL": Pathway.BBL,
    "BB": Pathway.VMBO_BB,
    "BASIS": Pathway.VMBO_BB,
    "BASISBEROEPSGERICHT": Pathway.VMBO_BB,
    "KB": Pathway.VMBO_KB,
    "KADER": Pathway.VMBO_KB,
    "KADERBEROEPSGERICHT": Pathway.VMBO_KB,
    "GL": Pathway.VMBO_GL,
    "GEMENGD": Pathway.VMBO_GL,
    "TL": Pathway.VMBO_TL,
    "THEORETISCH": Pathway.VMBO_TL,
    "MAVO": Pathway.VMBO_TL,
}
_REQUIRED = (ImportField.STUDENT_NUMBER,)


def normalise_header(name: str) -> str:
    """Return a header reduced to lowercase ASCII letters: "E-mail adres" → "emailadres"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", plain.lower())


def auto_mapping(header: list[str]) -> dict[int, ImportField]:
    """Map column positions to fields by their Dutch names; the first column of a field wins.

    When both "Roepnaam" and "Voornamen" exist, the roepnaam is the given name.
    """
    mapping: dict[int, ImportField] = {}
    for index, name in enumerate(header):
        key = normalise_header(name)
        target = HEADER_ALIASES.get(key)
        if target is None:
            continue
        existing = next((i for i, f in mapping.items() if f is target), None)
        if existing is None:
            mapping[index] = target
        elif target is ImportField.GIVEN_NAME and key == _PREFERRED_GIVEN:
            del mapping[existing]
            mapping[index] = target
    return mapping


@dataclass(frozen=True)
class Problem:
    """Why one row cannot be imported."""

    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        if not self.column:
            return _("Line {line}: {reason}").format(line=self.line, reason=self.reason)
        return _("Line {line}, column {column}: {reason}").format(
            line=self.line, column=self.column, reason=self.reason
        )


@dataclass
class ImportPlan:
    """The checked file: which rows can be written, what is wrong, what would change."""

    table: CsvTable
    mapping: dict[int, ImportField]
    valid: dict[str, dict[ImportField, object]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    new_count: int = 0
    update_count: int = 0

    @property
    def invalid_lines(self) -> int:
        """Return how many rows have at least one problem."""
        return len({problem.line for problem in self.problems})


@dataclass(frozen=True)
class ImportResult:
    """What the import wrote."""

    created: int
    updated: int
    skipped: int


class ImportRejectedError(ValidationError):
    """The file has invalid rows and the coach did not choose to skip them."""

    def __init__(self, plan: ImportPlan) -> None:
        super().__init__(
            ngettext(
                "The class list was not imported: {count} row has a problem. Nothing was "
                "saved. Correct the file, or choose to import only the valid rows.",
                "The class list was not imported: {count} rows have a problem. Nothing was "
                "saved. Correct the file, or choose to import only the valid rows.",
                plan.invalid_lines,
            ).format(count=plan.invalid_lines)
        )
        self.plan = plan


def _parse_date(text: str) -> dt.date:
    text = text.split(" ", maxsplit=1)[0]
    if match := _DATE_ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DATE_DMY.match(text):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise ValueError(text)
    value = dt.date(year, month, day)
    if not 1900 <= value.year <= dt.date.today().year:
        raise ValueError(text)
    return value


def _convert(target: ImportField, text: str) -> object:
    """Turn a cell into a field value; ``ValueError`` carries the Dutch reason."""
    if target is ImportField.STUDENT_NUMBER and not _STUDENT_NUMBER.match(text):
        raise ValueError(
            _("student number '{value}' contains characters that are not allowed").format(
                value=text
            )
        )
    if target is ImportField.LEVEL:
        if text.lower() == "entree":
            return 1
        match = _LEVEL.match(text)
        if not match:
            raise ValueError(_("level '{value}' must be 1 to 4").format(value=text))
        return int(match.group(1))
    if target is ImportField.PATHWAY:
        pathway = _PATHWAYS.get(re.sub(r"[^A-Z]", "", text.upper()))
        if pathway is None:
            raise ValueError(
                _("unknown pathway '{value}' (BOL, BBL, BB, KB, GL or TL)").format(value=text)
            )
        return pathway
    if target is ImportField.DATE_OF_BIRTH:
        try:
            return _parse_date(text)
        except ValueError:
            raise ValueError(
                _("unreadable date '{value}' (use e.g. 14-03-2009)").format(value=text)
            ) from None
    if target is ImportField.EMAIL and not _EMAIL.match(text):
        raise ValueError(_("'{value}' is not an e-mail address").format(value=text))
    return text


def read_fields(
    texts: Mapping[ImportField, str],
) -> tuple[dict[ImportField, object], dict[ImportField, str]]:
    """Read each filled-in text as its field's value: one set of rules for a class list and a
    student added by hand. Return the values and, per field, why its text could not be read.
    """
    values: dict[ImportField, object] = {}
    unreadable: dict[ImportField, str] = {}
    for target, text in texts.items():
        if not text:
            continue
        try:
            values[target] = _convert(target, text)
        except ValueError as error:
            unreadable[target] = str(error)
    return values, unreadable


class StudentImport:
    """Checks a class list against the store and writes it in one transaction."""

    def __init__(self, repos: Repositories, *, demo_store: bool) -> None:
        if demo_store:
            raise ValidationError(
                _(
                    "This is the demo store with fictional students. Import your class list "
                    "into your own store."
                )
            )
        self._repos = repos

    def prepare(
        self, table: CsvTable, mapping: Mapping[int, ImportField] | None = None
    ) -> ImportPlan:
        """Validate every row of ``table``; nothing is written."""
        chosen = dict(auto_mapping(table.header) if mapping is None else mapping)
        fields = set(chosen.values())
        missing = [f.label for f in _REQUIRED if f not in fields]
        if not fields & {ImportField.GIVEN_NAME, ImportField.FAMILY_NAME}:
            missing.append(_("Given name or family name"))
        if missing:
            raise ValidationError(
                _("No column found for: {fields}. Choose the columns by hand.").format(
                    fields=", ".join(missing)
                )
            )
        plan = ImportPlan(table=table, mapping=chosen)
        first_line: dict[str, int] = {}
        for row in table.rows:
            values, problems = self._check_row(row, table.header, chosen)
            number = values.get(ImportField.STUDENT_NUMBER)
            if isinstance(number, str):
                if number in first_line:
                    column = _column_of(table.header, chosen, ImportField.STUDENT_NUMBER)
                    problems.append(
                        Problem(
                            row.line,
                            column,
                            _("student number {number} is also on line {other}").format(
                                number=number, other=first_line[number]
                            ),
                        )
                    )
                else:
                    first_line[number] = row.line
            if problems:
                plan.problems.extend(problems)
            elif isinstance(number, str):
                plan.valid[number] = values
        existing = self._repos.students.numbers()
        plan.update_count = sum(1 for number in plan.valid if number in existing)
        plan.new_count = len(plan.valid) - plan.update_count
        return plan

    def _check_row(
        self, row: CsvRow, header: list[str], mapping: Mapping[int, ImportField]
    ) -> tuple[dict[ImportField, object], list[Problem]]:
        if row.garbled:
            return {}, [Problem(row.line, "", _("unreadable characters; is this line text?"))]
        problems: list[Problem] = []
        if any(cell for cell in row.cells[len(header) :]):
            problems.append(Problem(row.line, "", _("more columns than the header line")))
        texts = {
            target: row.cells[index] for index, target in mapping.items() if index < len(row.cells)
        }
        values, unreadable = read_fields(texts)
        problems.extend(
            Problem(row.line, _column_of(header, mapping, target), reason)
            for target, reason in unreadable.items()
        )
        if ImportField.STUDENT_NUMBER not in values and not any(
            p.column == _column_of(header, mapping, ImportField.STUDENT_NUMBER) for p in problems
        ):
            problems.append(
                Problem(
                    row.line,
                    _column_of(header, mapping, ImportField.STUDENT_NUMBER),
                    _("student number is missing"),
                )
            )
        if not (values.get(ImportField.GIVEN_NAME) or values.get(ImportField.FAMILY_NAME)):
            problems.append(Problem(row.line, _("name"), _("the name is missing")))
        return values, problems

    def apply(self, plan: ImportPlan, *, skip_invalid: bool = False) -> ImportResult:
        """Write the plan in one transaction; refuse if rows are invalid and not skipped."""
        if plan.problems and not skip_invalid:
            raise ImportRejectedError(plan)
        existing = {s.student_number: s for s in self._repos.students.by_numbers(list(plan.valid))}
        students = []
        for number, values in plan.valid.items():
            changes: dict[str, Any] = {target.value: value for target, value in values.items()}
            current = existing.get(number)
            if current is None:
                changes.setdefault("given_name", "")
                changes.setdefault("family_name", "")
                students.append(Student(**changes))
            else:
                students.append(dataclasses.replace(current, **changes))
        self._repos.students.save_many(students)
        updated = sum(1 for number in plan.valid if number in existing)
        audit_store(
            self._repos.store, "import-students", created=len(students) - updated, updated=updated
        )
        return ImportResult(
            created=len(students) - updated, updated=updated, skipped=plan.invalid_lines
        )


def _column_of(header: list[str], mapping: Mapping[int, ImportField], target: ImportField) -> str:
    index = next((i for i, f in mapping.items() if f is target), None)
    return header[index] if index is not None else target.label
