"""Shown when the coach's own store is still empty: offers the demo, or an empty start."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from coachdesk.i18n import _
from coachdesk.ui.widgets import hint, screen_title


class WelcomeScreen(QWidget):
    """First start: look around in the demo, or begin with an empty caseload.

    Signals:
        demo_chosen(): open the separate demo store.
        import_chosen(): import a class list into the coach's own store.
        add_chosen(): add one student by hand to the coach's own store.
        empty_chosen(): stay in the coach's own, empty store.
    """

    demo_chosen = Signal()
    import_chosen = Signal()
    add_chosen = Signal()
    empty_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.demo_button = QPushButton(_("View the demo"), self)
        self.demo_button.setProperty("role", "primary")
        self.demo_button.setDefault(True)
        self.demo_button.clicked.connect(self.demo_chosen)
        self.import_button = QPushButton(_("Import class list…"), self)
        self.import_button.clicked.connect(self.import_chosen)
        self.add_button = QPushButton(_("&Add student…"), self)
        self.add_button.clicked.connect(self.add_chosen)
        self.empty_button = QPushButton(_("Start empty"), self)
        self.empty_button.clicked.connect(self.empty_chosen)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.empty_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addWidget(screen_title(_("Welcome to CoachDesk"), self))
        layout.addWidget(
            hint(
                _(
                    "There are no students in CoachDesk yet. Look around in the demo first: "
                    "thirty fictional students with their experiences, conversations and "
                    "agreements. The demo is kept apart from your own data."
                ),
                self,
            )
        )
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
