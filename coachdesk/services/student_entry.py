"""Adding one student by hand: the fields a class list has, read by the import's own rules.

A coach with one newcomer should not need a class-list file. What is typed is read exactly as
the import reads a cell (``read_fields``); by hand a student also needs both names, since the
app speaks to and about the student by name. Nothing is written unless all of it is sound.
"""

from __future__ import annotations

from collections.abc import Mapping

from coachdesk.domain.students import Student
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.services.audit import audit_store
from coachdesk.services.student_import import ImportField, read_fields
from coachdesk.storage.repositories import Repositories


class StudentEntryError(ValidationError):
    """What is wrong with a student typed in by hand: one plain sentence per field."""

    def __init__(self, problems: dict[ImportField, str]) -> None:
        super().__init__(" ".join(problems.values()))
        self.problems = problems


def _sentence(reason: str) -> str:
    """Turn one of the import's reasons ("level '7' must be 1 to 4") into a sentence."""
    return reason[:1].upper() + reason[1:] + "."


class StudentEntry:
    """Adds a student typed in by the coach to the caseload."""

    def __init__(self, repos: Repositories, *, demo_store: bool) -> None:
        self._repos = repos
        self._demo_store = demo_store

    def add(self, texts: Mapping[ImportField, str]) -> Student:
        """Check what was typed and add the student in one transaction.

        Raises ``StudentEntryError`` naming every problem, in the order of the form; nothing
        is written then.
        """
        if self._demo_store:
            raise ValidationError(
                _(
                    "This is the demo store with fictional students. Add your own students "
                    "in your own store."
                )
            )
        typed = {target: text.strip() for target, text in texts.items()}
        values, unreadable = read_fields(typed)
        required = {
            ImportField.STUDENT_NUMBER: _("Fill in the student number."),
            ImportField.GIVEN_NAME: _("Fill in the given name."),
            ImportField.FAMILY_NAME: _("Fill in the family name."),
        }
        problems: dict[ImportField, str] = {}
        for target in ImportField:
            if target in unreadable:
                problems[target] = _sentence(unreadable[target])
            elif target in required and not typed.get(target):
                problems[target] = required[target]
        number = values.get(ImportField.STUDENT_NUMBER)
        if ImportField.STUDENT_NUMBER not in problems and isinstance(number, str):
            other = self._repos.students.by_number(number)
            if other is not None:
                problems = {
                    ImportField.STUDENT_NUMBER: _(
                        "Student number {number} already belongs to {name}."
                    ).format(number=number, name=other.full_name),
                    **problems,
                }
        if problems:
            raise StudentEntryError(problems)
        student = Student(**{target.value: value for target, value in values.items()})  # type: ignore[arg-type]
        self._repos.students.add(student)
        audit_store(self._repos.store, "add-student", student=student.id)
        return student
