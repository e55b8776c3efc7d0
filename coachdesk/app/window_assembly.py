"""Opening a workspace and building its window with every service the screens call."""

from __future__ import annotations

import datetime as dt
import functools

from coachdesk.services.backups import Backups
from coachdesk.services.caseload import CaseloadService
from coachdesk.services.competence_scan import CompetenceScans
from coachdesk.services.conversation_flow import ConversationFlow
from coachdesk.services.conversation_log import ConversationLog
from coachdesk.services.dossier import Dossiers
from coachdesk.services.draft_writer import DraftWriter
from coachdesk.services.encryption import StoreOpener, change_passphrase, is_encrypted, unlock
from coachdesk.services.privacy import Privacy
from coachdesk.services.progress_report import ProgressReports
from coachdesk.services.question_bank import QuestionBank
from coachdesk.services.reflections import ReflectionService
from coachdesk.services.scan_forms import ScanForms
from coachdesk.services.settings import SettingsService
from coachdesk.services.student_entry import StudentEntry
from coachdesk.services.student_file import StudentFileService
from coachdesk.services.student_import import StudentImport
from coachdesk.services.summary_content import SummaryContent
from coachdesk.services.workspace import StoreLocation, Workspace
from coachdesk.storage.database import LaterCheck
from coachdesk.ui.main_window import MainWindow, StoreInfo, WindowServices
from coachdesk.ui.window_services import ConversationServices


def open_workspace(
    location: StoreLocation,
    opener: StoreOpener | None = None,
    check_later: LaterCheck | None = None,
) -> Workspace:
    """Open a store; the separate demo store is filled with the demo caseload on first use."""
    workspace = Workspace.open(location, opener, check_later=check_later)
    if location.demo and workspace.is_empty():
        from coachdesk.services.demo_data import fill_with_demo  # noqa: PLC0415 - only when needed

        fill_with_demo(workspace.repos)
    return workspace


def build_window(
    workspace: Workspace, today: dt.date | None = None, *, caseload_after_paint: bool = False
) -> MainWindow:
    """Build the main window over an open workspace, with every service it needs."""
    repos = workspace.repos
    encrypted = is_encrypted(workspace.location.path)
    info = StoreInfo(
        path=repos.store.path,  # for a read-only view: the quarantine copy being shown
        data_dir=workspace.location.data_dir,
        is_demo=workspace.is_demo,
        is_empty=workspace.is_empty(),
        read_only=workspace.read_only,
    )
    services = WindowServices(
        caseload=CaseloadService(repos),
        student_file=StudentFileService(repos),
        settings=SettingsService(repos.store),
        importer=lambda: StudentImport(repos, demo_store=workspace.is_demo),
        student_entry=StudentEntry(repos, demo_store=workspace.is_demo),
        conversation=ConversationServices(
            flow=ConversationFlow(repos),
            log=ConversationLog(repos),
            bank=QuestionBank(repos),
            settings=SettingsService(repos.store),
            student_file=StudentFileService(repos),
            reports=SummaryContent(repos),
            forms=ScanForms(repos),
        ),
        progress=ProgressReports(repos),
        reflections=ReflectionService(repos),
        scans=CompetenceScans(repos),
        forms=ScanForms(repos),
        dossiers=Dossiers(repos),
        privacy=Privacy(repos),
        backup_before_import=lambda: (
            None
            if workspace.is_demo or workspace.read_only
            else Backups(workspace.location.path).make(repos.store, "voor-import")
        ),
        drafts=DraftWriter(
            repos.store.path, workspace.factory, before_write=repos.store.wait_until_checked
        ),
        unlock=(functools.partial(unlock, workspace.location.path) if encrypted else None),
        change_passphrase=(
            functools.partial(change_passphrase, workspace.location.path)
            if encrypted and not workspace.read_only
            else None
        ),
    )
    return MainWindow(services, info, today, caseload_after_paint=caseload_after_paint)
