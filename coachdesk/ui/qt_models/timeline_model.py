"""The timeline as a tree: school year → period → events, newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from coachdesk.domain.competences import Competence
from coachdesk.domain.timeline import TimelineEvent, TimelineKind
from coachdesk.i18n import _
from coachdesk.i18n.dates import short_date
from coachdesk.ui.icons import timeline_icon


class TimelineModel(QStandardItemModel):
    """Events grouped by school year and period, filtered by kind and competence."""

    EVENT_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self) -> None:
        super().__init__()
        self._events: list[TimelineEvent] = []
        self._kind: TimelineKind | None = None
        self._competence: Competence | None = None
        self.setHorizontalHeaderLabels([_("Date"), _("What happened")])

    def set_events(
        self,
        events: list[TimelineEvent],
        kind: TimelineKind | None = None,
        competence: Competence | None = None,
    ) -> None:
        """Show these events (already newest first), filtered as ``set_filter`` does.

        Events and filter in one call build the tree once: opening a student shows both.
        """
        self._events = events
        self.set_filter(kind, competence)

    def set_filter(self, kind: TimelineKind | None, competence: Competence | None) -> None:
        """Show only one kind of event and/or events tagged with one competence."""
        self._kind, self._competence = kind, competence
        self._rebuild()

    def visible_events(self) -> list[TimelineEvent]:
        """Return the events that pass the filter, in display order."""
        return [
            event
            for event in self._events
            if (self._kind is None or event.kind is self._kind)
            and (self._competence is None or self._competence in event.competences)
        ]

    def _rebuild(self) -> None:
        """Build each school year's subtree whole before adding it: one insert per year.

        Adding rows one by one to a model the view shows costs a view update per row.
        """
        self.removeRows(0, self.rowCount())
        bold = QFont()
        bold.setBold(True)
        root = self.invisibleRootItem()
        year_item: QStandardItem | None = None
        period_item: QStandardItem | None = None
        current: tuple[str, int] | None = None
        for event in self.visible_events():
            if year_item is None or current is None or current[0] != event.school_year:
                if year_item is not None:
                    root.appendRow([year_item, QStandardItem()])
                year_item = QStandardItem(_("School year {year}").format(year=event.school_year))
                year_item.setFont(bold)
                current = None
            if current != (event.school_year, event.period):
                current = (event.school_year, event.period)
                period_item = QStandardItem(_("Period {n}").format(n=event.period))
                year_item.appendRow([period_item, QStandardItem()])
            date_item = QStandardItem(timeline_icon(event.kind), short_date(event.date))
            date_item.setData(event, self.EVENT_ROLE)
            text = f"{event.title} — {event.detail}" if event.detail else event.title
            what_item = QStandardItem(text)
            what_item.setToolTip(f"{event.kind.label}\n{text}")
            assert period_item is not None
            period_item.appendRow([date_item, what_item])
        if year_item is not None:
            root.appendRow([year_item, QStandardItem()])
