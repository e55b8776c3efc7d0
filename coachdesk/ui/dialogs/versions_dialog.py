"""Versies: bring back an earlier version of a reflection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.domain.reflections import ReflectionVersion
from coachdesk.i18n import _, ngettext
from coachdesk.ui.widgets import dialog_buttons, hint

VERSION_ROLE = Qt.ItemDataRole.UserRole + 1


class VersionsDialog(QDialog):
    """The kept versions, newest first, with their length; the chosen one is restored."""

    def __init__(self, versions: list[ReflectionVersion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Versions"))
        self.setMinimumSize(480, 360)
        self.list = QListWidget(self)
        for version in versions:
            words = len(version.body.split())
            when = version.created_at.astimezone().strftime("%d-%m-%Y %H:%M")
            item = QListWidgetItem(
                f"{when} · {version.title} · "
                + ngettext("{n} word", "{n} words", words).format(n=words)
            )
            item.setData(VERSION_ROLE, version.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(_("The current text is kept as a version before another comes back."), self)
        )
        layout.addWidget(self.list, 1)
        layout.addWidget(dialog_buttons(self, QDialogButtonBox.StandardButton.Ok))

    @classmethod
    def ask(cls, parent: QWidget | None, versions: list[ReflectionVersion]) -> str | None:
        """Return the id of the version to restore, or ``None``."""
        dialog = cls(versions, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = dialog.list.currentItem()
        if chosen is None:
            return None
        version_id: str = chosen.data(VERSION_ROLE)
        return version_id
