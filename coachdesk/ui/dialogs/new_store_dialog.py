"""First start: choose a passphrase, then keep the recovery key; the new store is encrypted."""

from __future__ import annotations

from html import escape as html_escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserFacingError
from coachdesk.i18n import _
from coachdesk.services.encryption import KeyStrength, StoreOpener, encrypt, unlock
from coachdesk.ui.busy_note import saying_while_busy
from coachdesk.ui.new_passphrase_fields import NewPassphraseFields
from coachdesk.ui.printing import print_html
from coachdesk.ui.widgets import hint, screen_title


class NewStoreDialog(QDialog):
    """Two steps: a passphrase (with a strength hint), then the recovery key to keep safe.

    Cancelling the first step leaves nothing on disk; there is no unencrypted way round.
    """

    def __init__(
        self,
        store_path: Path,
        params: KeyStrength | None = None,
        *,
        existing: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("CoachDesk")
        self.setMinimumWidth(560)
        self.opener: StoreOpener | None = None
        self._store_path = store_path
        self._params = params
        self._existing = existing
        self.fields = NewPassphraseFields(self)
        self.fields.changed.connect(self._update)
        self.problem_label = QLabel(self)
        self.problem_label.setProperty("state", "problem")
        self.problem_label.setWordWrap(True)
        self.recovery_label = QLabel(self)
        self.recovery_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.recovery_label.setStyleSheet("font-size: 16pt; padding: 8px;")
        self.recovery_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kept_check = QCheckBox(_("I wrote the recovery key down or printed it"), self)
        self.kept_check.toggled.connect(self._update)
        self.steps = QStackedWidget(self)
        self.steps.addWidget(self._choose_step())
        self.steps.addWidget(self._recovery_step())
        self.cancel_button = QPushButton(_("Not now") if existing else _("Cancel"), self)
        self.cancel_button.clicked.connect(self.reject)
        self.next_button = QPushButton(_("Encrypt and continue"), self)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self._next)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addLayout(buttons)
        self._update()

    def _choose_step(self) -> QWidget:
        step = QWidget(self)
        layout = QVBoxLayout(step)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(screen_title(_("Protect your data"), step))
        explanation = _(
            "CoachDesk encrypts everything you record on this laptop. Choose a "
            "passphrase you will remember: a sentence of a few words works best. "
            "Without it (or the recovery key) nobody can open your data, not even "
            "the school."
        )
        if self._existing:
            explanation = " ".join((_("Your data is not encrypted yet."), explanation))
        layout.addWidget(hint(explanation, step))
        layout.addWidget(self.fields)
        layout.addWidget(self.problem_label)
        return step

    def _recovery_step(self) -> QWidget:
        step = QWidget(self)
        copy_button = QPushButton(_("Copy"), step)
        copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.recovery_label.text())
        )
        print_button = QPushButton(_("Print…"), step)
        print_button.clicked.connect(self._print_recovery_key)
        row = QHBoxLayout()
        row.addWidget(copy_button)
        row.addWidget(print_button)
        row.addStretch(1)
        layout = QVBoxLayout(step)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(screen_title(_("Your recovery key"), step))
        layout.addWidget(
            hint(
                _(
                    "Write this key down or print it, and give it to the school to keep "
                    "safe. It opens your data when the passphrase is forgotten. CoachDesk "
                    "shows it only now."
                ),
                step,
            )
        )
        layout.addWidget(self.recovery_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(row)
        layout.addWidget(self.kept_check)
        layout.addStretch(1)
        return step

    def _print_recovery_key(self) -> None:
        """A sheet for the school's safe: the key, what it opens, and no student data."""
        html = (
            "<h2>{title}</h2><p style='font-size:20pt; font-family:monospace'>{key}</p>"
            "<p>{text}</p>".format(
                title=html_escape(_("CoachDesk recovery key")),
                key=html_escape(self.recovery_label.text()),
                text=html_escape(
                    _(
                        "This key opens a coach's encrypted CoachDesk data when the passphrase "
                        "is forgotten. Keep it locked away; whoever holds it and the laptop can "
                        "read everything."
                    )
                ),
            )
        )
        print_html(self, html, _("CoachDesk recovery key"))

    def _update(self) -> None:
        if self.steps.currentIndex() == 0:
            problem = self.fields.problem()
            # Too short is already said by the strength hint; an empty field says nothing yet.
            repeated = problem and problem != self.fields.strength_label.text()
            self.problem_label.setText(problem if self.fields.passphrase() and repeated else "")
            self.next_button.setEnabled(not problem)
        else:
            self.next_button.setEnabled(self.kept_check.isChecked())

    def _next(self) -> None:
        if self.steps.currentIndex() == 1:
            self.accept()
            return
        passphrase = self.fields.passphrase()
        try:
            with saying_while_busy(self.problem_label, _("Encrypting your data…")):
                recovery = encrypt(self._store_path, passphrase, self._params)
                self.opener = unlock(self._store_path, passphrase)
        except UserFacingError as error:
            self.problem_label.setText(error.message)
            return
        self.recovery_label.setText(recovery)
        self.cancel_button.hide()
        self.next_button.setText(_("Continue"))
        self.steps.setCurrentIndex(1)
        self._update()

    def reject(self) -> None:
        """Once the store is encrypted, only go on after the recovery key is kept safe."""
        if self.opener is None or self.kept_check.isChecked():
            super().reject()

    @classmethod
    def ask(cls, store_path: Path, *, existing: bool = False) -> StoreOpener | None:
        """Encrypt the coach's new (or older, plain) store; ``None`` when they cancel.

        Cancelling changes nothing on disk.
        """
        dialog = cls(store_path, existing=existing)
        dialog.exec()
        return dialog.opener
