"""What the main window is given: the open store's facts and the use cases its screens call.

Also the names of the screens (never a bare index) and how long a status message stays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from coachdesk.i18n import _
from coachdesk.services.caseload import CaseloadService
from coachdesk.services.competence_scan import CompetenceScans
from coachdesk.services.conversation_flow import ConversationFlow
from coachdesk.services.conversation_log import ConversationLog
from coachdesk.services.dossier import Dossiers
from coachdesk.services.draft_writer import DraftWriter
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
from coachdesk.ui.dialogs.change_passphrase_dialog import ChangePassphrase
from coachdesk.ui.passphrase_form import Unlock

STATUS_MESSAGE_MS = 10_000
"""How long a message in the status bar stays: long enough to read twice."""


class Screen(IntEnum):
    """The screens of the main window, in the order of the navigation (Ctrl+1…4)."""

    CASELOAD = 0
    STUDENT = 1
    CONVERSATION = 2
    PRACTICE = 3
    WELCOME = 4
    """Only for a new coach with an empty store; not in the navigation."""


@dataclass(frozen=True)
class StoreInfo:
    """What the window tells about the open store."""

    path: Path
    data_dir: Path
    is_demo: bool
    is_empty: bool
    read_only: bool = False
    """A damaged store's quarantine copy, shown for reading only."""


def store_kind(store: StoreInfo) -> str:
    """Say in the status bar which store this window shows."""
    if store.read_only:
        return _("Read-only copy of the damaged store")
    if store.is_demo:
        return _("Demo store (fictional students)")
    return _("Your own store")


@dataclass(frozen=True)
class ConversationServices:
    """The use cases behind the conversation screen."""

    flow: ConversationFlow
    log: ConversationLog
    bank: QuestionBank
    settings: SettingsService
    student_file: StudentFileService
    reports: SummaryContent
    forms: ScanForms


@dataclass(frozen=True)
class WindowServices:
    """The use cases the window's screens call."""

    caseload: CaseloadService
    student_file: StudentFileService
    settings: SettingsService
    importer: Callable[[], StudentImport]
    """Makes an importer; raises ``UserFacingError`` for the demo store."""
    student_entry: StudentEntry
    """Adds one student typed in by hand."""
    conversation: ConversationServices
    progress: ProgressReports
    reflections: ReflectionService
    scans: CompetenceScans
    forms: ScanForms
    dossiers: Dossiers
    privacy: Privacy
    backup_before_import: Callable[[], object]
    """Makes a checked backup of the coach's own store (nothing for the demo)."""
    drafts: DraftWriter
    """Writes reflection drafts in the background; closed with the window."""
    unlock: Unlock | None = None
    """Checks the passphrase on the lock screen; ``None`` when the store is not encrypted."""
    change_passphrase: ChangePassphrase | None = None
    """Rewraps the store key under a new passphrase; ``None`` when the store is not encrypted."""
