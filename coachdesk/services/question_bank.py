"""The question bank: built-in open questions from resources/questions plus the coach's own."""

from __future__ import annotations

import dataclasses
import json
import uuid
from functools import cache

from coachdesk.domain.competences import Competence
from coachdesk.domain.questions import Phase, Question
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.paths import resource_path
from coachdesk.storage.repositories import Repositories

_BUILTIN_NAMESPACE = uuid.UUID("6f1d3c52-5d7e-4a51-9a4b-3c1f0e1b8a10")


@cache
def builtin_questions() -> tuple[Question, ...]:
    """Return the questions that ship with CoachDesk; their ids are stable across versions."""
    data = json.loads(resource_path("questions", "vragenbank.json").read_text(encoding="utf-8"))
    return tuple(
        Question(
            id=str(uuid.uuid5(_BUILTIN_NAMESPACE, item["text"])),
            text=item["text"],
            phase=Phase(item["phase"]),
            competence=Competence(item["competence"]) if item.get("competence") else None,
            builtin=True,
        )
        for item in data["questions"]
    )


class QuestionBank:
    """Lists questions for preparing a conversation; the coach's own can be added and edited."""

    def __init__(self, repos: Repositories) -> None:
        self._repos = repos

    def questions(self, focus: list[Competence] | None = None) -> list[Question]:
        """Return the built-in and own questions, general ones and those of the focus first."""
        own = self._repos.questions.oldest_first()
        everything = [*builtin_questions(), *own]
        phases = list(Phase)

        def order(question: Question) -> tuple[int, int, int]:
            in_focus = focus is not None and question.competence in focus
            general = question.competence is None
            return (
                0 if in_focus else 1 if general else 2,
                phases.index(question.phase),
                0 if question.builtin else 1,
            )

        return sorted(everything, key=order)

    def add(self, text: str, phase: Phase, competence: Competence | None) -> Question:
        """Add the coach's own question."""
        if not text.strip():
            raise ValidationError(_("A question needs some text."))
        return self._repos.questions.add(
            Question(text=text.strip(), phase=phase, competence=competence)
        )

    def edit(self, question: Question, text: str) -> Question:
        """Change the wording of one of the coach's own questions."""
        if question.builtin:
            raise ValidationError(_("Built-in questions cannot be changed; add your own version."))
        if not text.strip():
            raise ValidationError(_("A question needs some text."))
        return self._repos.questions.update(dataclasses.replace(question, text=text.strip()))

    def delete(self, question: Question) -> None:
        """Remove one of the coach's own questions (conversations keep the wording they used)."""
        if question.builtin:
            raise ValidationError(_("Built-in questions cannot be removed."))
        self._repos.questions.delete(question.id)
