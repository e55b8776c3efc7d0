"""All repositories of one store, built together so services get them in one argument."""

from __future__ import annotations

from dataclasses import dataclass

from coachdesk.domain.agreements import Goal
from coachdesk.domain.referrals import Referral
from coachdesk.domain.timeline import ProgrammeSwitch
from coachdesk.storage.caseload_repo import CaseloadRepository
from coachdesk.storage.conversations_repo import (
    AgreementsRepository,
    ClosingDraftsRepository,
    ConsentsRepository,
    ConversationPartsRepository,
    ConversationsRepository,
    NotesRepository,
    ParticipantsRepository,
)
from coachdesk.storage.database import Store
from coachdesk.storage.drafts import DraftStore
from coachdesk.storage.scan_forms_repo import ScanFormsRepository
from coachdesk.storage.student_records_repo import (
    ContactsRepository,
    ExperiencesRepository,
    QuestionsRepository,
    ReflectionsRepository,
    ReflectionTemplatesRepository,
    ReflectionVersionsRepository,
    ScansRepository,
)
from coachdesk.storage.students_repo import StudentsRepository
from coachdesk.storage.table_repo import Repository


@dataclass(frozen=True)
class Repositories:
    """The repositories over one open store."""

    store: Store
    students: StudentsRepository
    contacts: ContactsRepository
    consents: ConsentsRepository
    experiences: ExperiencesRepository
    conversations: ConversationsRepository
    participants: ParticipantsRepository
    notes: NotesRepository
    agreements: AgreementsRepository
    goals: ConversationPartsRepository[Goal]
    closing_drafts: ClosingDraftsRepository
    reflections: ReflectionsRepository
    scans: ScansRepository
    referrals: Repository[Referral]
    switches: Repository[ProgrammeSwitch]
    questions: QuestionsRepository
    reflection_versions: ReflectionVersionsRepository
    reflection_templates: ReflectionTemplatesRepository
    caseload: CaseloadRepository
    scan_forms: ScanFormsRepository

    @classmethod
    def for_store(cls, store: Store) -> Repositories:
        """Build every repository over ``store``."""
        return cls(
            store=store,
            students=StudentsRepository(store),
            contacts=ContactsRepository(store),
            consents=ConsentsRepository(store),
            experiences=ExperiencesRepository(store),
            conversations=ConversationsRepository(store),
            participants=ParticipantsRepository(store),
            notes=NotesRepository(store),
            agreements=AgreementsRepository(store),
            goals=ConversationPartsRepository(store, "goals", Goal),
            closing_drafts=ClosingDraftsRepository(store),
            reflections=ReflectionsRepository(store),
            scans=ScansRepository(store),
            referrals=Repository(store, "referrals", Referral),
            switches=Repository(store, "programme_switches", ProgrammeSwitch),
            questions=QuestionsRepository(store),
            reflection_versions=ReflectionVersionsRepository(store),
            reflection_templates=ReflectionTemplatesRepository(store),
            caseload=CaseloadRepository(store),
            scan_forms=ScanFormsRepository(store),
        )

    def drafts(self) -> DraftStore:
        """Return the reflection drafts on the store's own connection (interface thread)."""
        return DraftStore(self.store.conn)
