"""The scan chart: per competence, each rater's view over time; the student's line stands out.

Small multiples, no radar; shapes as well as colours, so it reads in black and white too.
Growth is shown against the student's own earlier scans, never as a grade.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from coachdesk.domain.competences import SCAN_SCALE, Competence
from coachdesk.domain.people import Person
from coachdesk.i18n import _
from coachdesk.i18n.dates import compact_date
from coachdesk.services.competence_scan import ScanHistory
from coachdesk.ui.theme import colours

ROW_HEIGHT = 62
LEGEND_HEIGHT = 26
RATERS = (Person.STUDENT, Person.COACH, Person.WORKPLACE_TRAINER)


def rater_style(rater: Person) -> tuple[QColor, float]:
    """Return the colour (from the theme) and line width of a rater; the student's is widest."""
    theme = colours()
    return {
        Person.STUDENT: (QColor(theme.rater_student), 2.6),
        Person.COACH: (QColor(theme.rater_coach), 1.2),
        Person.WORKPLACE_TRAINER: (QColor(theme.rater_trainer), 1.2),
    }[rater]


def _marker(painter: QPainter, rater: Person, at: QPointF, size: float = 5.0) -> None:
    colour, _width = rater_style(rater)
    painter.setBrush(colour)
    painter.setPen(QPen(colour, 1))
    if rater is Person.STUDENT:
        painter.drawEllipse(at, size, size)
    elif rater is Person.COACH:
        painter.drawRect(QRectF(at.x() - size, at.y() - size, 2 * size, 2 * size))
    else:
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(at.x(), at.y() - size - 1),
                    QPointF(at.x() - size, at.y() + size),
                    QPointF(at.x() + size, at.y() + size),
                ]
            )
        )


class ScanChart(QWidget):
    """Draws a student's scan history; empty when there is no scan yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = ScanHistory([], [])
        self.setMinimumHeight(2 * LEGEND_HEIGHT + ROW_HEIGHT * len(Competence) + 24)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Competence scan over time"))

    def set_history(self, history: ScanHistory) -> None:
        """Show this history."""
        self.history = history
        self.setAccessibleDescription(self._describe())
        self.update()

    def _describe(self) -> str:
        """A text version of the chart for screen readers."""
        latest = self.history.latest()
        parts = [
            f"{scan.rater.label}: "
            + ", ".join(f"{c.label} {scan.ratings.get(c, '-')}" for c in Competence)
            for scan in latest
        ]
        return "; ".join(parts) or _("No scan yet.")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(self.foregroundRole())
        moments = self.history.moments
        if not moments:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("No scan yet."))
            return
        metrics = painter.fontMetrics()
        x, legend_y = 8.0, 12.0
        for rater in RATERS:
            needed = 20 + metrics.horizontalAdvance(rater.label)
            if x + needed > self.width():
                x, legend_y = 8.0, legend_y + 18
            _marker(painter, rater, QPointF(x + 5, legend_y))
            painter.setPen(text)
            painter.drawText(QPointF(x + 14, legend_y + 5), rater.label)
            x += needed + 16
        label_width = 8 + max(metrics.horizontalAdvance(c.label) for c in Competence)
        legend_height = legend_y + 14
        plot_left, plot_right = label_width + 10, self.width() - 20
        step = (plot_right - plot_left) / max(len(moments) - 1, 1)
        xs = [
            plot_left + step * i if len(moments) > 1 else (plot_left + plot_right) / 2
            for i in range(len(moments))
        ]
        for row, competence in enumerate(Competence):
            top = legend_height + row * ROW_HEIGHT
            bottom = top + ROW_HEIGHT - 14

            def y(value: int, top: float = top, bottom: float = bottom) -> float:
                return bottom - (value - 1) / (len(SCAN_SCALE) - 1) * (bottom - top - 6)

            painter.setPen(text)
            painter.drawText(
                QRectF(0, top, label_width - 8, ROW_HEIGHT - 14),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                competence.label,
            )
            painter.setPen(QPen(QColor(colours().grid), 1, Qt.PenStyle.DotLine))
            for value in SCAN_SCALE:
                painter.drawLine(QPointF(plot_left, y(value)), QPointF(plot_right, y(value)))
            for rater in RATERS:
                colour, width = rater_style(rater)
                points = [
                    QPointF(x, y(rating))
                    for x, moment in zip(xs, moments, strict=True)
                    if (rating := self.history.rating(moment, rater, competence))
                ]
                if len(points) > 1:
                    style = (
                        Qt.PenStyle.SolidLine if rater is Person.STUDENT else Qt.PenStyle.DashLine
                    )
                    painter.setPen(QPen(colour, width, style))
                    painter.drawPolyline(QPolygonF(points))
                for point in points:
                    _marker(painter, rater, point, 5.5 if rater is Person.STUDENT else 4.0)
        painter.setPen(text)
        baseline = legend_height + len(Competence) * ROW_HEIGHT + 4
        for x, moment in zip(xs, moments, strict=True):
            painter.drawText(
                QRectF(x - 50, baseline, 100, 18),
                Qt.AlignmentFlag.AlignHCenter,
                compact_date(moment, moments[-1]),
            )
