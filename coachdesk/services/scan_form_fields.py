"""Read the fields of a filled-in scan form (PDF) and refuse, in one sentence, what is not one.

Only the file is judged here: its size, whether it opens, whether it has CoachDesk's fields
and whether they are as CoachDesk made them. Which student and store it belongs to is
decided by ``scan_forms.ScanForms``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from coachdesk.domain.people import Person
from coachdesk.domain.scan_forms import (
    AGREED_FIELD,
    AGREED_ON,
    CHECK_FIELD,
    FORM_ID_FIELD,
    FORM_RATERS,
    RATER_FIELD,
    SCALE_STATES,
    STATEMENT_PREFIX,
    STORE_FIELD,
    check_sum,
    field_names,
)
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.services.competence_scan import statements

MAX_FORM_BYTES = 5 * 1024 * 1024
"""A filled form is a few hundred kilobytes; anything this large is another file."""

_UNREADABLE = (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError, IndexError)
_EMPTY = ("", "Off", "/Off", "None")


@dataclass(frozen=True)
class FilledFields:
    """The values of a CoachDesk form as found in the PDF, checked against its own check sum."""

    form_id: str
    fingerprint: str
    rater: Person
    answers: dict[str, int]
    texts: dict[str, str]
    agreed: bool


def _value(raw: object) -> str:
    text = "" if raw is None else str(raw)
    if text in _EMPTY:
        return ""
    return text.removeprefix("/").replace("\r\n", "\n").replace("\r", "\n")


def _open(path: Path) -> PdfReader:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ValidationError(
            _("The file {name} cannot be read: {reason}").format(
                name=path.name, reason=error.strerror
            )
        ) from error
    if size > MAX_FORM_BYTES:
        raise ValidationError(
            _(
                "The file {name} is larger than 5 MB; a filled-in CoachDesk form is much "
                "smaller, so this is another file."
            ).format(name=path.name)
        )
    damaged = ValidationError(
        _("The file {name} is not a readable PDF (it is damaged or incomplete).").format(
            name=path.name
        )
    )
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings say what we say here
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):  # 0: not even with no password
            raise ValidationError(
                _(
                    "The PDF {name} is locked with a password; ask for a copy without a "
                    "password, or type the answers in."
                ).format(name=path.name)
            )
        if not reader.pages:
            raise damaged
    except ValidationError:
        raise
    except _UNREADABLE as error:
        raise damaged from error
    return reader


def _fields(reader: PdfReader, name: str) -> dict[str, str]:
    try:
        fields = reader.get_fields() or {}
        found = {key: _value(field.get("/V")) for key, field in fields.items()}
        text = "" if found else "".join(page.extract_text() or "" for page in reader.pages[:3])
    except _UNREADABLE as error:
        raise ValidationError(
            _("The file {name} is not a readable PDF (it is damaged or incomplete).").format(
                name=name
            )
        ) from error
    if not found and (not text.strip() or "CoachDesk" in text):
        raise ValidationError(
            _(
                "This PDF has no fields to read (it was probably printed and scanned); type "
                "the answers in as before, under Competence scan."
            )
        )
    if FORM_ID_FIELD not in found:
        raise ValidationError(_("The file {name} is not a CoachDesk form.").format(name=name))
    return found


def read_filled_fields(path: Path) -> FilledFields:
    """Return the answers in a filled-in CoachDesk form; refuse any other file in one sentence."""
    found = _fields(_open(path), path.name)
    tampered = ValidationError(
        _(
            "The fields of this form were renamed or changed after CoachDesk made it, so it is "
            "not read in; type the answers in, or make a new form."
        )
    )
    try:
        rater = Person(found[RATER_FIELD])
    except (KeyError, ValueError):
        raise tampered from None
    ids = [s.id for s in statements()]
    names = sorted(set(found) - {CHECK_FIELD})
    form_id, fingerprint = found[FORM_ID_FIELD], found.get(STORE_FIELD, "")
    if (
        rater not in FORM_RATERS
        or names != sorted(field_names(rater, ids))
        or found.get(CHECK_FIELD) != check_sum(form_id, fingerprint, rater, names)
    ):
        raise tampered
    answers: dict[str, int] = {}
    for statement_id in ids:
        value = found[STATEMENT_PREFIX + statement_id]
        if value and value not in SCALE_STATES:
            raise tampered
        if value:
            answers[statement_id] = SCALE_STATES[value]
    agreed = found.get(AGREED_FIELD, "")
    if agreed not in ("", AGREED_ON):
        raise tampered
    own = {FORM_ID_FIELD, STORE_FIELD, RATER_FIELD, AGREED_FIELD}
    texts = {
        key: value.strip()
        for key, value in found.items()
        if key not in own and key != CHECK_FIELD and not key.startswith(STATEMENT_PREFIX)
    }
    return FilledFields(form_id, fingerprint, rater, answers, texts, agreed == AGREED_ON)
