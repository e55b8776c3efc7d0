"""In gesprek: a full-screen, calm view the coach can turn towards the student.

It shows the student's first name, one chosen question at a time in large type and a
small field for keywords. Nothing else: no other student, no lists, no menus. The field
has the keyboard from the first moment, so no typed word is ever taken for a command;
changing question uses keys that never type (PageUp/PageDown, Alt+arrows).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from coachdesk.i18n import _
from coachdesk.services.conversation_flow import CalmView
from coachdesk.ui.autosave import AutosavePolicy

_NEXT_KEYS = {Qt.Key.Key_PageDown}
_PREVIOUS_KEYS = {Qt.Key.Key_PageUp}
_ALT_NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down}
_ALT_PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up}


class CalmConversationView(QWidget):
    """Questions one at a time, keywords per question saved continuously, Esc leaves.

    Signals:
        left(): the coach left calm mode; the keywords are saved.
    """

    left = Signal()

    def __init__(self, view: CalmView, save_keywords: Callable[[str, str], None]) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("calmView")
        self.setWindowTitle("CoachDesk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._save_keywords = save_keywords
        self.keywords = dict(view.keywords)
        self.questions = view.questions or [
            _("What do you want to get out of this conversation today?")
        ]
        self.index = 0
        self._started = time.monotonic()
        self.name_label = QLabel(view.first_name, self)
        self.name_label.setObjectName("calmName")
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("calmClock")
        self.clock_label.hide()
        self.question_label = QLabel(self)
        self.question_label.setObjectName("calmQuestion")
        self.question_label.setWordWrap(True)
        self.question_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter_label = QLabel(self)
        self.counter_label.setObjectName("calmCounter")
        self.counter_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("calmNotes")
        self.notes_edit.setPlaceholderText(_("A few keywords or a quote…"))
        self.notes_edit.setAccessibleName(_("Keywords for this question"))
        self.notes_edit.setFixedHeight(110)
        self.notes_edit.setTabChangesFocus(False)
        self.notes_edit.installEventFilter(self)
        hint = QLabel(_("PgUp/PgDn or Alt+←/→ question · Ctrl+T time · Esc close together"), self)
        hint.setObjectName("calmHint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.autosave = AutosavePolicy(self._save_current, self)
        self.notes_edit.textChanged.connect(self.autosave.changed)
        self._clock_timer = QTimer(self, interval=1000)
        self._clock_timer.timeout.connect(self._tick)

        top = QVBoxLayout()
        top.addWidget(self.name_label)
        top.addWidget(self.clock_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 40, 64, 32)
        layout.addLayout(top)
        layout.addStretch(1)
        layout.addWidget(self.question_label)
        layout.addSpacing(12)
        layout.addWidget(self.counter_label)
        layout.addStretch(1)
        layout.addWidget(self.notes_edit)
        layout.addWidget(hint)
        self.setFocusProxy(self.notes_edit)
        self._show_question()

    @property
    def question(self) -> str:
        """Return the question on screen."""
        return self.questions[self.index]

    def _show_question(self) -> None:
        self.question_label.setText(self.question)
        self.counter_label.setText(
            _("Question {number} of {total}").format(
                number=self.index + 1, total=len(self.questions)
            )
        )
        self.notes_edit.blockSignals(True)
        self.notes_edit.setPlainText(self.keywords.get(self.question, ""))
        self.notes_edit.blockSignals(False)
        self.notes_edit.moveCursor(self.notes_edit.textCursor().MoveOperation.End)

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) question; its keywords come with it."""
        self.save_now()
        self.index = max(0, min(len(self.questions) - 1, self.index + delta))
        self._show_question()

    def toggle_clock(self) -> None:
        """Show or hide the elapsed time."""
        visible = not self.clock_label.isVisible()
        self.clock_label.setVisible(visible)
        if visible:
            self._tick()
            self._clock_timer.start()
        else:
            self._clock_timer.stop()

    def _tick(self) -> None:
        minutes, seconds = divmod(int(time.monotonic() - self._started), 60)
        self.clock_label.setText(f"{minutes:02d}:{seconds:02d}")

    def _save_current(self) -> None:
        text = self.notes_edit.toPlainText()
        if text != self.keywords.get(self.question, ""):
            self._save_keywords(self.question, text)
            self.keywords[self.question] = text

    def save_now(self) -> None:
        """Store the keywords of the question on screen if they changed."""
        self.autosave.save_now()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.notes_edit.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self._handle_key(event):
            return
        if event.text().isprintable() and event.text():
            # A key that reached the window instead of the field still becomes text.
            self.notes_edit.setFocus()
            QApplication.sendEvent(self.notes_edit, event)
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.notes_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._handle_key(event)
        return super().eventFilter(watched, event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        """Handle the few keys that never type: question, clock and leave."""
        key, modifiers = event.key(), event.modifiers()
        alt = modifiers & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key in _NEXT_KEYS or (alt and key in _ALT_NEXT_KEYS):
            self.step(1)
        elif key in _PREVIOUS_KEYS or (alt and key in _ALT_PREVIOUS_KEYS):
            self.step(-1)
        elif key == Qt.Key.Key_T and modifiers & Qt.KeyboardModifier.ControlModifier:
            self.toggle_clock()
        else:
            return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_now()
        self._clock_timer.stop()
        super().closeEvent(event)
        self.left.emit()
