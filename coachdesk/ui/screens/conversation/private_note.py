"""The coach's private note in the close, folded away: the screen is turned toward the table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from coachdesk.i18n import _


class _FoldOnLeave(QObject):
    """Calls ``fold`` when the widget it watches loses the keyboard (not to its own menu)."""

    def __init__(self, fold: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._fold = fold

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            isinstance(event, QFocusEvent)
            and event.type() == QEvent.Type.FocusOut
            and event.reason() is not Qt.FocusReason.PopupFocusReason
        ):
            self._fold()
        return False


class PrivateNote(QWidget):
    """One folded line until asked for; never in a summary or an export.

    Alt+P (or a click) unfolds it with the cursor in it; it folds again as soon as the cursor
    leaves it, so what the coach noted is never left in view of the others.

    Signals:
        changed(): the note's text changed.
    """

    changed = Signal()

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setProperty("role", "partHeading")
        self.edit = QPlainTextEdit(text, self)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(74)
        self.edit.setAccessibleName(_("Private note"))
        self.edit.setPlaceholderText(_("Never in a summary or an export"))
        self.edit.textChanged.connect(self.changed)
        self._fold_on_leave = _FoldOnLeave(lambda: self.show_note(False), self)
        self.edit.installEventFilter(self._fold_on_leave)
        self.toggle.toggled.connect(self.show_note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.edit)
        self.show_note(False)

    def text(self) -> str:
        """Return what the coach wrote."""
        return self.edit.toPlainText()

    def show_note(self, shown: bool) -> None:
        """Unfold the note with the cursor in it, or fold it to one line."""
        filled = bool(self.text().strip())
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.toggle.setText(
            _("&Private note — only for you (filled in, folded away)")
            if filled and not shown
            else _("&Private note — only for you")
        )
        self.toggle.setChecked(shown)
        self.edit.setVisible(shown)
        if shown:
            self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
