"""The keywords typed during the talk, beside the close to draw the student's words from."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QWidget

from coachdesk.i18n import _


class KeywordsPanel(QTextBrowser):
    """Read-only and out of the Tab order: the close is typed, the keywords are only read."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("keywordsPanel")
        self.setAccessibleName(_("Keywords from the conversation"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumWidth(260)
        self.setMaximumWidth(360)

    def show_keywords(self, keywords: Sequence[tuple[str, str]]) -> None:
        """Show the keywords grouped under the question that was on screen when typed."""
        if not keywords:
            nothing = _("No keywords were typed during the conversation.")
            self.setHtml(f"<p>{escape(nothing)}</p>")
            return
        parts = []
        for question, text in keywords:
            title = question or _("During the conversation")
            body = escape(text).replace("\n", "<br>")
            parts.append(f"<p><b>{escape(title)}</b><br>{body}</p>")
        self.setHtml("".join(parts))
