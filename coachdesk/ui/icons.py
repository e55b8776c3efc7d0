"""Icons shipped in resources/icons, loaded once."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from coachdesk.domain.timeline import TimelineKind
from coachdesk.paths import resource_path


@cache
def timeline_icon(kind: TimelineKind) -> QIcon:
    """Return the icon that marks ``kind`` on the timeline."""
    return QIcon(str(resource_path("icons", f"{kind.value}.svg")))
