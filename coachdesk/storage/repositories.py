"""All repositories of one store, built together so services get them in one argument."""

from __future__ import annotations

from dataclasses import dataclass

from coachdesk.domain.agreements import Agreement, Goal
from coachdesk.domain.competences import CompetenceScan
from coachdesk.domain.consents import Consent
from coachdesk.domain.experiences import Experience
from coachdesk.domain.questions import Question
from coachdesk.domain.referrals import Referral
from coachdesk.domain.reflections import Reflection, ReflectionTemplate, ReflectionVersion
from coachdesk.domain.students import Contact
from coachdesk.domain.timeline import ProgrammeSwitch
from coachdesk.storage.caseload_repo import CaseloadRepository
from coachdesk.storage.conversations_repo import (
    ClosingDraftsRepository,
    ConversationPartsRepository,
    ConversationsRepository,
    NotesRepository,
    ParticipantsRepository,
)
from coachdesk.storage.database import Store
from coachdesk.storage.repository import Repository
from coachdesk.storage.scan_forms_repo import ScanFormsRepository
from coachdesk.storage.students_repo import StudentsRepository


@dataclass(frozen=True)
class Repositories:
    """The repositories over one open store."""

    store: Store
    students: StudentsRepository
    contacts: Repository[Contact]
    consents: ConversationPartsRepository[Consent]
    experiences: Repository[Experience]
    conversations: ConversationsRepository
    participants: ParticipantsRepository
    notes: NotesRepository
    agreements: ConversationPartsRepository[Agreement]
    goals: ConversationPartsRepository[Goal]
    closing_drafts: ClosingDraftsRepository
    reflections: Repository[Reflection]
    scans: Repository[CompetenceScan]
    referrals: Repository[Referral]
    switches: Repository[ProgrammeSwitch]
    questions: Repository[Question]
    reflection_versions: Repository[ReflectionVersion]
    reflection_templates: Repository[ReflectionTemplate]
    caseload: CaseloadRepository
    scan_forms: ScanFormsRepository

    @classmethod
    def for_store(cls, store: Store) -> Repositories:
        """Build every repository over ``store``."""
        return cls(
            store=store,
            students=StudentsRepository(store),
            contacts=Repository(store, "contacts", Contact),
            consents=ConversationPartsRepository(store, "consents", Consent),
            experiences=Repository(store, "experiences", Experience),
            conversations=ConversationsRepository(store),
            participants=ParticipantsRepository(store),
            notes=NotesRepository(store),
            agreements=ConversationPartsRepository(store, "agreements", Agreement),
            goals=ConversationPartsRepository(store, "goals", Goal),
            closing_drafts=ClosingDraftsRepository(store),
            reflections=Repository(store, "reflections", Reflection),
            scans=Repository(store, "competence_scans", CompetenceScan),
            referrals=Repository(store, "referrals", Referral),
            switches=Repository(store, "programme_switches", ProgrammeSwitch),
            questions=Repository(store, "questions", Question),
            reflection_versions=Repository(store, "reflection_versions", ReflectionVersion),
            reflection_templates=Repository(store, "reflection_templates", ReflectionTemplate),
            caseload=CaseloadRepository(store),
            scan_forms=ScanFormsRepository(store),
        )
