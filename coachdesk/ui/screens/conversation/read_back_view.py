"""Samen nakijken: the student's version, full screen in large type, to turn toward them.

It shows exactly the blocks the student's PDF is made of (``summary_blocks``), so what is
read back together is what the student takes home.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from coachdesk.export.summary_html import summary_html
from coachdesk.i18n import _
from coachdesk.services.summary_content import Summary
from coachdesk.ui.widgets import hint


class ReadBackView(QWidget):
    """The student's version on the whole screen; Esc goes back, Ctrl+Enter closes.

    Signals:
        confirmed(): "Klopt, afronden": read back together, close the conversation.
        left(): the view closed (either way).
    """

    confirmed = Signal()
    left = Signal()

    def __init__(self, summary: Summary) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("CoachDesk")  # no names in window titles
        # While it is up, the close underneath takes no keys: Ctrl+Enter here is this one's.
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.text_view = QTextBrowser(self)
        self.text_view.setObjectName("readBackText")
        self.text_view.setOpenLinks(False)
        self.text_view.setAccessibleName(_("The student's version"))
        self.text_view.setHtml(summary_html(summary))
        back = QPushButton(_("Back to the close (Esc)"), self)
        back.clicked.connect(self.close)
        confirm = QPushButton(_("This is right: close the conversation (Ctrl+Enter)"), self)
        confirm.setProperty("role", "primary")
        confirm.clicked.connect(self._confirm)
        QShortcut(QKeySequence("Esc"), self, self.close)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._confirm)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self._confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(
            hint(_("Read it together: this is exactly what the student's version says."), self), 1
        )
        buttons.addWidget(back)
        buttons.addWidget(confirm)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(96, 32, 96, 24)
        layout.addWidget(self.text_view, 1)
        layout.addLayout(buttons)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.text_view.setFocus()  # arrows and PageDown scroll the text

    def _confirm(self) -> None:
        self.close()  # first out of the way: a question about a date is asked on the window
        self.confirmed.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        super().closeEvent(event)
        self.left.emit()
