"""A text field that keeps structure and drops foreign styling when text is pasted."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextEdit, QWidget


def clean_markdown(html: str) -> str:
    """Return pasted HTML as Markdown: lists, headings and emphasis kept; fonts and colours gone."""
    document = QTextDocument()
    document.setHtml(html)
    return document.toMarkdown()


class CleanPasteTextEdit(QTextEdit):
    """A rich-text editor whose paste from Word, a browser or a PDF arrives as clean text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        if source.hasHtml():
            self.textCursor().insertMarkdown(clean_markdown(source.html()))
        elif source.hasText():
            self.textCursor().insertText(source.text())
        else:
            super().insertFromMimeData(source)
