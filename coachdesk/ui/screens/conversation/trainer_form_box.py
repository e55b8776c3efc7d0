"""In the trialoog's preparation: what the praktijkopleider sent back, and the form to send."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coachdesk.domain.people import Person
from coachdesk.i18n import _
from coachdesk.i18n.dates import short_date
from coachdesk.services.closing import needs_party_views
from coachdesk.services.preparation import Preparation
from coachdesk.ui.widgets import hint


class TrainerFormBox(QWidget):
    """The praktijkopleider's view, points and proposals from their form, with its two buttons.

    Signals:
        form_requested(): save a fillable form for the praktijkopleider for this trialoog.
        import_requested(): read a filled-in form back in.
    """

    form_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel("<b>" + _("From the workplace trainer") + "</b>", self)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.words = QLabel(self)
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty_hint = hint(
            _(
                "Nothing yet. Send the workplace trainer a fillable form: the scan, their view "
                "and what they want to talk about come back without typing."
            ),
            self,
        )
        self.form_button = QPushButton(_("Form for the workplace trainer (PDF)…"), self)
        self.form_button.clicked.connect(self.form_requested)
        self.import_button = QPushButton(_("Read in a filled-in form…"), self)
        self.import_button.clicked.connect(self.import_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.form_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.words)
        layout.addLayout(buttons)

    def show_forms(self, preparation: Preparation) -> None:
        """Show the latest form sent back; shown only for a trialoog or internship visit."""
        self.setVisible(needs_party_views(preparation.conversation.kind))
        forms = preparation.trainer_forms
        self.empty_hint.setVisible(not forms)
        self.words.setVisible(bool(forms))
        if not forms:
            return
        latest = forms[0]
        name = preparation.student.given_name
        parts = [
            _("{who}, {date}").format(
                who=latest.filled_by or Person.WORKPLACE_TRAINER.label,
                date=short_date(latest.filled_on) if latest.filled_on else _("no date"),
            )
        ]
        for label, text in (
            (_("How they see {name}").format(name=name), latest.view),
            (_("To talk about"), latest.points),
            (_("Proposals for agreements"), latest.proposals),
        ):
            if text:
                parts.append(f"{label}:\n{text}")
        self.words.setText("\n\n".join(parts))
