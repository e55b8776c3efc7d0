"""The close's scroll area: one readable column that follows the keyboard.

Coach and student look at the same column; whatever gets the keyboard (Tab, Alt+letter, a
new agreement row) must be wholly in view without anyone reaching for the scroll bar.
"""

from __future__ import annotations

from typing import cast

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLayout, QScrollArea, QWidget

FORM_WIDTH = 780
"""Wide enough for a sentence per line at 13 pt, narrow enough to read as one column."""


class OneColumnScroller(QScrollArea):
    """Scrolls vertically only; its form is as wide as the space allows, at most FORM_WIDTH."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.viewport().installEventFilter(self)
        cast(QApplication, QApplication.instance()).focusChanged.connect(self._keep_in_view)

    def set_form(self, form: QWidget) -> None:
        """Show ``form`` as the column, at the width that fits."""
        self.setWidget(form)
        self._fit_form()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_form()  # also when the scroll bar comes or goes
        return super().eventFilter(watched, event)

    def _fit_form(self) -> None:
        """One column as wide as the space allows (at most FORM_WIDTH): never wider.

        A long goal or label then wraps instead of pushing the column past the edge, where
        it would need sideways scrolling.
        """
        form = self.widget()
        if form is not None:
            form.setFixedWidth(min(FORM_WIDTH, self.viewport().width()))

    def _keep_in_view(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Whatever gets the keyboard (Tab, Alt+letter, a click) is scrolled into view."""
        form = self.widget()
        if new is None or form is None or not form.isAncestorOf(new):
            return
        part = new
        while (parent := part.parentWidget()) is not form and parent is not None:
            part = parent

        def scroll() -> None:
            if not (shiboken6.isValid(form) and shiboken6.isValid(new)):
                return  # removed before it was laid out
            if form.isAncestorOf(new):  # still there once laid out
                # Every layout between the field and the form, so the row has its real place.
                QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
                cast(QLayout, form.layout()).activate()
                self.ensureWidgetVisible(part, 16, 16)  # the whole part: a row, sharing
                self.ensureWidgetVisible(new, 16, 48)

        # A row that was just added has its place only after the layout ran.
        QTimer.singleShot(0, self, scroll)
