"""Student vult in: one statement at a time, large and simple, nothing else of the file on screen.

The same view serves the coach, and the coach typing in a workplace trainer's paper answers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.domain.competences import SCAN_SCALE, scale_label
from coachdesk.domain.people import Person
from coachdesk.i18n import _
from coachdesk.services.competence_scan import Statement

_KEYS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4}


class ScanEntryView(QWidget):
    """Asks each statement in turn; keys 1–4 or the buttons answer, ← goes back, Esc stops.

    After the last answer it calls ``save`` (statement id → 1–4) and says "Saved" only when
    that returned true; otherwise every answer stays, and Esc still asks before dropping them.
    """

    def __init__(
        self,
        title: str,
        rater: Person,
        items: tuple[Statement, ...],
        save: Callable[[dict[str, int]], bool],
    ) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("scanEntry")
        self.setWindowTitle("CoachDesk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.items, self.rater = items, rater
        self.answers: dict[str, int] = {}
        self.index = 0
        self.done = False
        self._save = save
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("scanTitle")
        self.statement_label = QLabel(self)
        self.statement_label.setObjectName("scanStatement")
        self.statement_label.setWordWrap(True)
        self.statement_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("scanProgress")
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons = []
        row = QHBoxLayout()
        row.addStretch(1)
        for value in SCAN_SCALE:
            button = QPushButton(f"{value} · {scale_label(value)}", self)
            button.setProperty("role", "answer")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys 1-4 go to the view itself
            button.clicked.connect(lambda _checked=False, value=value: self.answer(value))
            self.buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)
        self.hint_label = QLabel(_("Keys 1–4 answer · ← back · Esc stops"), self)
        self.hint_label.setObjectName("scanHint")
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 40, 64, 32)
        layout.addWidget(self.title_label)
        layout.addStretch(1)
        layout.addWidget(self.statement_label)
        layout.addSpacing(28)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(self.progress_label)
        layout.addStretch(1)
        layout.addWidget(self.hint_label)
        self._show()

    def _show(self) -> None:
        statement = self.items[self.index]
        self.statement_label.setText(statement.text(self.rater))
        self.progress_label.setText(
            _("{competence} · statement {number} of {total}").format(
                competence=statement.competence.label, number=self.index + 1, total=len(self.items)
            )
        )
        chosen = self.answers.get(statement.id)
        for value, button in zip(SCAN_SCALE, self.buttons, strict=True):
            button.setChecked(value == chosen)

    def answer(self, value: int) -> None:
        """Answer the current statement and move on; after the last one, finish."""
        self.answers[self.items[self.index].id] = value
        if self.index + 1 < len(self.items):
            self.index += 1
            self._show()
            return
        if not self._save(dict(self.answers)):
            return  # said why; the answers stay
        self.statement_label.setText(
            _("Done, thank you! Hand the laptop back to your coach.")
            if self.rater is Person.STUDENT
            else _("Done: the answers are saved.")
        )
        for button in self.buttons:
            button.hide()
        self.progress_label.setText("")
        self.done = True
        self.hint_label.setText(_("Saved · Esc closes"))

    def back(self) -> None:
        """Return to the previous statement."""
        if self.index > 0:
            self.index -= 1
            self._show()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key in _KEYS and self.buttons[0].isVisible():
            self.answer(_KEYS[Qt.Key(key)])
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Backspace):
            self.back()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Halfway through, ask before the answers given so far are thrown away."""
        if self.answers and not self.done:
            answer = QMessageBox.question(
                self,
                _("Stop the scan?"),
                _(
                    "{count} of {total} statements are answered. If you stop now, these "
                    "answers are not saved."
                ).format(count=len(self.answers), total=len(self.items)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        super().closeEvent(event)
