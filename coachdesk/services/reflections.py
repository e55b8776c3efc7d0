"""Reflections: writing them, saving them safely, their history and structure templates.

The text is stored as Markdown (headings, emphasis, lists): readable anywhere, diffable,
and rendered faithfully by the PDF export. While typing, the editor's drafts go through
``DraftWriter``; the Markdown body is written when the writer pauses, leaves or quits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from functools import cache

from coachdesk.domain.people import COACH_ONLY, Person
from coachdesk.domain.records import utc_now
from coachdesk.domain.reflections import (
    Reflection,
    ReflectionAuthor,
    ReflectionTemplate,
    ReflectionVersion,
)
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.paths import resource_path
from coachdesk.services.audit import audit_store
from coachdesk.storage.drafts import Draft
from coachdesk.storage.repositories import Repositories

VERSION_INTERVAL = dt.timedelta(minutes=10)
"""While writing, at most one kept version per ten minutes; leaving the editor keeps one too."""

MAX_VERSIONS = 20


@cache
def builtin_templates() -> tuple[ReflectionTemplate, ...]:
    """Return the templates that ship with CoachDesk (STARR, the five competences, …)."""
    data = json.loads(
        resource_path("templates", "reflectie_sjablonen.json").read_text(encoding="utf-8")
    )
    return tuple(ReflectionTemplate(name=t["name"], body=t["body"]) for t in data["templates"])


@dataclass(frozen=True)
class OpenedReflection:
    """A reflection as the editor opens it, with the draft a crash left behind (if any)."""

    reflection: Reflection
    recovered: Draft | None


class ReflectionService:
    """Use cases of the reflection editor and of "Mijn praktijk"."""

    def __init__(self, repos: Repositories) -> None:
        self._repos = repos
        self._drafts = repos.drafts()

    def create(
        self,
        author: ReflectionAuthor,
        title: str,
        *,
        student_id: str | None = None,
        experience_id: str | None = None,
        conversation_id: str | None = None,
        body: str = "",
    ) -> Reflection:
        """Start a reflection; a coach's own practice reflection has no student."""
        if not title.strip():
            raise ValidationError(_("A reflection needs a title."))
        audience = COACH_ONLY if student_id is None else Person.STUDENT
        return self._repos.reflections.add(
            Reflection(
                author=author,
                title=title.strip(),
                body=body,
                student_id=student_id,
                experience_id=experience_id,
                conversation_id=conversation_id,
                audience=audience,
            )
        )

    def for_export(self, reflection_id: str) -> Reflection:
        """Return the saved reflection for a PDF; logged, as it leaves the app."""
        reflection = self.open(reflection_id).reflection
        audit_store(self._repos.store, "export-reflection", reflection=reflection_id)
        return reflection

    def open(self, reflection_id: str) -> OpenedReflection:
        """Return the reflection and, after a crash, the newer draft to restore."""
        reflection = self._repos.reflections.get(reflection_id)
        if reflection is None:
            raise ValidationError(_("This reflection no longer exists."))
        return OpenedReflection(reflection, self._drafts.load(reflection_id))

    def save(
        self, reflection_id: str, title: str, body: str, *, keep_version: bool = False
    ) -> Reflection:
        """Store the Markdown text, forget the draft and keep a version now and then."""
        reflection = self.open(reflection_id).reflection
        with self._repos.store.atomic():
            saved = self._repos.reflections.update(
                dataclasses.replace(reflection, title=title.strip() or reflection.title, body=body)
            )
            self._drafts.clear(reflection_id)
            self._keep_version(saved, force=keep_version)
        return saved

    def _keep_version(self, reflection: Reflection, *, force: bool) -> None:
        versions = self.versions(reflection.id)
        if versions and versions[0].body == reflection.body:
            return
        if not force and versions and utc_now() - versions[0].created_at < VERSION_INTERVAL:
            return
        self._repos.reflection_versions.add(
            ReflectionVersion(
                reflection_id=reflection.id, title=reflection.title, body=reflection.body
            )
        )
        for old in self.versions(reflection.id)[MAX_VERSIONS:]:
            self._repos.reflection_versions.delete(old.id)

    def versions(self, reflection_id: str) -> list[ReflectionVersion]:
        """Return the kept versions, newest first."""
        return self._repos.reflection_versions.for_reflection(reflection_id)

    def restore(self, version_id: str) -> Reflection:
        """Put an earlier version back; the current text is kept as a version first."""
        version = self._repos.reflection_versions.get(version_id)
        if version is None:
            raise ValidationError(_("This version no longer exists."))
        current = self.open(version.reflection_id).reflection
        with self._repos.store.atomic():
            self._keep_version(current, force=True)
            return self.save(version.reflection_id, version.title, version.body)

    def coach_reflections(self) -> list[Reflection]:
        """Return "Mijn praktijk": the coach's own reflections, newest first."""
        return self._repos.reflections.coach_own()

    def templates(self) -> list[ReflectionTemplate]:
        """Return the built-in templates and the coach's own."""
        own = self._repos.reflection_templates.by_name()
        return [*builtin_templates(), *own]

    def add_template(self, name: str, body: str) -> ReflectionTemplate:
        """Keep a structure of the coach's own for later reflections."""
        if not name.strip():
            raise ValidationError(_("A template needs a name."))
        return self._repos.reflection_templates.add(
            ReflectionTemplate(name=name.strip(), body=body)
        )
