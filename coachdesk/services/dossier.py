"""Overdrachtsdossier: one or more students' whole thread in one encrypted, documented file.

The file is ``MAGIC`` + scrypt salt + AES-GCM nonce + ciphertext; the plaintext is the JSON
described in docs/dossier-format.md. Importing checks everything first and writes all or
nothing; records merge by their UUIDs, and a student already in the store is matched by
student number, so importing the same dossier twice duplicates nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coachdesk.domain.consents import Consent, ConsentSubject, consent_giver
from coachdesk.domain.passphrases import MIN_LENGTH
from coachdesk.domain.people import COACH_ONLY, SHARED_READERS, Person
from coachdesk.domain.records import utc_now
from coachdesk.errors import UserFacingError, ValidationError
from coachdesk.i18n import _
from coachdesk.savefile import save_bytes
from coachdesk.services.audit import audit_store
from coachdesk.storage.person_words import current_word
from coachdesk.storage.repositories import Repositories
from coachdesk.storage.rows import from_row, to_row
from coachdesk.storage.table_repo import Repository

MAGIC = b"COACHDESK-DOSSIER\x01"
FORMAT = "coachdesk-dossier"
VERSION = 2
"""Version 2 names every person with one word: parents are "ouders", a private text's
audience is "coach" (version 1 said "ouder" and "prive_coach"; see ``_from_version_1``)."""
READABLE_VERSIONS = (1, VERSION)
SALT_BYTES, NONCE_BYTES = 16, 12
SCRYPT_N = 2**15
MIN_PASSPHRASE = MIN_LENGTH
MAX_FILE_BYTES = 200 * 1024 * 1024

SECTIONS = (
    "contacts",
    "consents",
    "experiences",
    "conversations",
    "participants",
    "notes",
    "agreements",
    "goals",
    "reflections",
    "scans",
    "switches",
    "referrals",
)
"""Record lists per student, in an order that satisfies every reference on import."""

PRIVATE_SECTIONS = ("referrals",)
"""Care information, like coach-private notes, travels only when explicitly included."""


class DossierError(ValidationError):
    """A dossier that cannot be read: wrong passphrase, damaged, tampered or not a dossier."""


@dataclass(frozen=True)
class ImportSummary:
    """What an import wrote."""

    students: int
    records: int


def _key(passphrase: str, salt: bytes) -> bytes:
    # The ciphers load with the first dossier, not with every start of the app.
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # noqa: PLC0415 - see above

    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=8, p=1).derive(passphrase.encode("utf-8"))


def encrypt(plaintext: bytes, passphrase: str) -> bytes:
    """Return the dossier file bytes for ``plaintext`` under ``passphrase``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415 - as _key

    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    return MAGIC + salt + nonce + AESGCM(_key(passphrase, salt)).encrypt(nonce, plaintext, MAGIC)


def decrypt(data: bytes, passphrase: str) -> bytes:
    """Return the plaintext; any damage, tampering or a wrong passphrase is a ``DossierError``."""
    from cryptography.exceptions import InvalidTag  # noqa: PLC0415 - as _key
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415 - as _key

    header = len(MAGIC) + SALT_BYTES + NONCE_BYTES
    if not data.startswith(MAGIC):
        raise DossierError(_("This file is not a CoachDesk dossier."))
    if len(data) < header + 16:
        raise DossierError(_("The dossier is incomplete (cut off). Nothing was imported."))
    salt = data[len(MAGIC) : len(MAGIC) + SALT_BYTES]
    nonce = data[len(MAGIC) + SALT_BYTES : header]
    try:
        return AESGCM(_key(passphrase, salt)).decrypt(nonce, data[header:], MAGIC)
    except InvalidTag:
        raise DossierError(
            _(
                "The passphrase is wrong, or the dossier was changed or damaged. "
                "Nothing was imported."
            )
        ) from None


class Dossiers:
    """Exports and imports handover dossiers."""

    def __init__(self, repos: Repositories) -> None:
        self._repos = repos

    def _repositories(self) -> dict[str, Repository[Any]]:
        r = self._repos
        return {
            "contacts": r.contacts,
            "consents": r.consents,
            "experiences": r.experiences,
            "conversations": r.conversations,
            "participants": r.participants,
            "notes": r.notes,
            "agreements": r.agreements,
            "goals": r.goals,
            "reflections": r.reflections,
            "scans": r.scans,
            "switches": r.switches,
            "referrals": r.referrals,
        }

    # -- export --------------------------------------------------------------------------

    def content(
        self, student_numbers: list[str], *, include_private: bool = False
    ) -> dict[str, Any]:
        """Return the dossier's JSON content for these students."""
        students = []
        for number in student_numbers:
            student = self._repos.students.by_number(number)
            if student is None:
                raise ValidationError(
                    _("There is no student with student number {number}.").format(number=number)
                )
            students.append(self._student_content(student.id, include_private))
        return {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": utc_now().isoformat(),
            "includes_private": include_private,
            "students": students,
        }

    def _student_content(self, student_id: str, include_private: bool) -> dict[str, Any]:
        repos = self._repositories()
        conversation_ids = [c.id for c in self._repos.conversations.for_student(student_id)]
        entry: dict[str, Any] = {"student": to_row(self._repos.students.get(student_id))}
        for section in SECTIONS:
            if section in PRIVATE_SECTIONS and not include_private:
                entry[section] = []
                continue
            if section == "participants":
                records = [
                    p
                    for cid in conversation_ids
                    for p in self._repos.participants.for_conversation(cid)
                ]
            else:
                records = repos[section].for_student(student_id)
            if not include_private:
                records = [r for r in records if getattr(r, "audience", None) is not COACH_ONLY]
            entry[section] = [to_row(record) for record in records]
        return entry

    def export(
        self,
        student_numbers: list[str],
        passphrase: str,
        target: Path,
        *,
        include_private: bool = False,
        consent_given: bool,
        today: dt.date | None = None,
    ) -> Path:
        """Write an encrypted dossier; the student's consent to the handover is recorded first."""
        if not consent_given:
            raise ValidationError(
                _(
                    "A handover needs the student's consent (or a parent's, below 16). "
                    "Record it and export again."
                )
            )
        if len(passphrase) < MIN_PASSPHRASE:
            raise ValidationError(
                _("Choose a passphrase of at least {n} characters for the dossier.").format(
                    n=MIN_PASSPHRASE
                )
            )
        day = today or dt.date.today()
        with self._repos.store.atomic():
            for number in student_numbers:
                student = self._repos.students.by_number(number)
                if student is None:
                    raise ValidationError(
                        _("There is no student with student number {number}.").format(number=number)
                    )
                self._repos.consents.add(
                    Consent(
                        student_id=student.id,
                        subject=ConsentSubject.HANDOVER,
                        recipient=Person.COACH,
                        granted=True,
                        given_by=consent_giver(student.age_on(day)),
                        date=day,
                        basis=_("Recorded at the export of the handover dossier"),
                    )
                )
        audit_store(self._repos.store, "consent", subject="handover", students=len(student_numbers))
        plaintext = json.dumps(
            self.content(student_numbers, include_private=include_private),
            ensure_ascii=False,
            indent=1,
        ).encode("utf-8")
        try:
            save_bytes(target, encrypt(plaintext, passphrase))
        except OSError as error:
            raise UserFacingError(
                _("The dossier could not be written to {path}: {reason}").format(
                    path=target, reason=error.strerror
                )
            ) from error
        audit_store(
            self._repos.store,
            "export-dossier",
            students=len(student_numbers),
            private=include_private,
        )
        return target

    # -- import --------------------------------------------------------------------------

    def read(self, path: Path, passphrase: str) -> dict[str, Any]:
        """Decrypt and parse a dossier file, refusing anything that is not one."""
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise DossierError(_("This file is too large to be a dossier."))
            data = path.read_bytes()
        except OSError as error:
            raise DossierError(
                _("The file {path} cannot be read: {reason}").format(
                    path=path, reason=error.strerror
                )
            ) from error
        return parse(decrypt(data, passphrase))

    def import_dossier(self, content: dict[str, Any]) -> ImportSummary:
        """Write a parsed dossier in one transaction, merging by UUID and student number."""
        plan = self._plan(content)
        repos = self._repositories()
        records = 0
        with self._repos.store.atomic():
            for student, sections in plan:
                self._repos.students.save_many([student], touch=False)
                for section in SECTIONS:
                    repos[section].save_many(sections[section], touch=False)
                    records += len(sections[section])
        audit_store(self._repos.store, "import-dossier", students=len(plan))
        return ImportSummary(students=len(plan), records=records + len(plan))

    def _plan(self, content: dict[str, Any]) -> list[tuple[Any, dict[str, list[Any]]]]:
        """Build every record before writing any; a bad record refuses the whole dossier."""
        repos = self._repositories()
        plan = []
        for entry in content["students"]:
            try:
                student = from_row(self._repos.students.record_type, entry["student"])
                existing = self._repos.students.by_number(student.student_number)
                remap = {student.id: existing.id} if existing and existing.id != student.id else {}
                if existing is not None:
                    student = dataclasses.replace(student, id=existing.id)
                sections = {}
                for section in SECTIONS:
                    rows = [_remapped(row, remap) for row in entry.get(section, [])]
                    if content["version"] == 1:
                        rows = [_from_version_1(row) for row in rows]
                    if section == "notes":
                        rows = [_with_readers(row) for row in rows]
                    sections[section] = [from_row(repos[section].record_type, row) for row in rows]
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                raise DossierError(
                    _(
                        "The dossier holds a record that is not valid ({reason}). Nothing was "
                        "imported."
                    ).format(reason=type(error).__name__)
                ) from error
            plan.append((student, sections))
        return plan


_PERSON_COLUMNS = ("role", "recipient", "given_by", "owner", "audience")


def _from_version_1(row: dict[str, Any]) -> dict[str, Any]:
    """A record from a version-1 dossier, with the words of version 2 (schema 10) for people."""
    return {
        column: current_word(value) if column in _PERSON_COLUMNS else value
        for column, value in row.items()
    }


def _with_readers(row: dict[str, Any]) -> dict[str, Any]:
    """A note from a dossier made before schema 8 names one audience: it becomes its reader."""
    if "readers" in row:
        return row
    shared = row.get("audience") in SHARED_READERS
    return {**row, "readers": json.dumps([row["audience"]] if shared else [])}


def _remapped(row: Any, remap: dict[str, str]) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise TypeError("record is not an object")
    if row.get("student_id") in remap:
        return {**row, "student_id": remap[row["student_id"]]}
    return row


def parse(plaintext: bytes) -> dict[str, Any]:
    """Parse and check the dossier JSON's shape (see docs/dossier-format.md)."""
    try:
        content = json.loads(plaintext.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise DossierError(
            _("The dossier's content is not readable. Nothing was imported.")
        ) from error
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise DossierError(_("This file is not a CoachDesk dossier."))
    if content.get("version") not in READABLE_VERSIONS:
        raise DossierError(
            _(
                "This dossier was made by another version of CoachDesk (format "
                "version {found}); this one reads version {known}."
            ).format(found=content.get("version"), known=VERSION)
        )
    students = content.get("students")
    if not isinstance(students, list) or not all(
        isinstance(s, dict) and isinstance(s.get("student"), dict) for s in students
    ):
        raise DossierError(_("The dossier's content is not readable. Nothing was imported."))
    return content
