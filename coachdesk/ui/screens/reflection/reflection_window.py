"""The reflection editor: pleasant to write in, and it never loses a word."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeyEvent, QKeySequence, QTextListFormat
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import UserFacingError
from coachdesk.file_names import name_part
from coachdesk.i18n import _, ngettext
from coachdesk.services.draft_writer import DraftWriter
from coachdesk.services.reflections import ReflectionService
from coachdesk.ui.autosave import AutosavePolicy
from coachdesk.ui.dialogs.versions_dialog import VersionsDialog
from coachdesk.ui.file_choice import save_path
from coachdesk.ui.messages import show_problem
from coachdesk.ui.screens.reflection.rich_text_edit import CleanPasteTextEdit
from coachdesk.ui.widgets import menu_button
from coachdesk.ui.window_services import STATUS_MESSAGE_MS

WORD_COUNT_DELAY_MS = 300
FULL_SCREEN_TEXT_WIDTH = 760


class ReflectionWindow(QMainWindow):
    """One reflection in its own window; drafts are saved while typing, the text on leaving.

    Signals:
        saved(str): the reflection with this id was saved (its title may have changed).
    """

    saved = Signal(str)

    def __init__(
        self,
        service: ReflectionService,
        writer: DraftWriter,
        reflection_id: str,
        context: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service, self._writer = service, writer
        self.reflection_id = reflection_id
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        opened = service.open(reflection_id)
        self.title_edit = QLineEdit(opened.reflection.title, self)
        self.title_edit.setPlaceholderText(_("Title"))
        title_font = QFont(self.title_edit.font())
        title_font.setPointSize(16)
        self.title_edit.setFont(title_font)
        self.editor = CleanPasteTextEdit(self)
        self.editor.setObjectName("reflectionEditor")
        body_font = QFont(self.editor.font())
        body_font.setPointSize(12)
        self.editor.setFont(body_font)
        self.notice_label = QLabel(self)
        self.notice_label.setWordWrap(True)
        self.notice_label.setProperty("role", "notice")
        self.notice_label.hide()
        if opened.recovered is not None:
            self.editor.setHtml(opened.recovered.body_html)
            local = opened.recovered.saved_at.astimezone()
            self.notice_label.setText(
                _(
                    "Restored: CoachDesk closed unexpectedly; your text up to {time} is back."
                ).format(time=local.strftime("%H:%M:%S"))
            )
            self.notice_label.show()
        else:
            self.editor.setMarkdown(opened.reflection.body)
        self.context_label = QLabel(context, self)
        self.context_label.setProperty("role", "context")
        self.words_label = QLabel(self)
        self.state_label = QLabel(self)
        for label in (self.words_label, self.state_label):
            label.setContentsMargins(12, 2, 12, 2)
            label.setMinimumWidth(160)
        # Both permanent: a message (where the PDF went) never hides the word count.
        self.statusBar().addPermanentWidget(self.words_label)
        self.statusBar().addPermanentWidget(self.state_label)
        self.autosave = AutosavePolicy(self._save_draft, self)
        self._word_timer = QTimer(self, singleShot=True, interval=WORD_COUNT_DELAY_MS)
        self._word_timer.timeout.connect(self._count_words)
        self.toolbar = self._build_toolbar()
        # Wide enough for every tool (in either language), so none hides behind "»".
        self.resize(max(900, self.toolbar.sizeHint().width() + 32), 720)
        self.editor.textChanged.connect(self._changed)
        self.title_edit.textChanged.connect(self._changed)
        self.editor.installEventFilter(self)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(24, 12, 24, 8)
        layout.addWidget(self.context_label)
        layout.addWidget(self.title_edit)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.editor, 1)
        self.setCentralWidget(central)
        self._update_title()
        self._count_words()
        if opened.recovered is not None:
            self.autosave.changed()

    # -- toolbar -------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: str | QKeySequence.StandardKey | None,
        slot: object,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip or text)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(_("Formatting"), self)
        bar.setMovable(False)
        self.bold_action = self._action(_("Bold"), QKeySequence.StandardKey.Bold, self.toggle_bold)
        self.italic_action = self._action(
            _("Italic"), QKeySequence.StandardKey.Italic, self.toggle_italic
        )
        for action in (self.bold_action, self.italic_action):
            action.setCheckable(True)
        heading1 = self._action(_("Heading"), "Ctrl+1", lambda: self.set_heading(2))
        heading2 = self._action(_("Subheading"), "Ctrl+2", lambda: self.set_heading(3))
        bullets = self._action(
            _("• List"), "Ctrl+Shift+8", lambda: self.make_list(QTextListFormat.Style.ListDisc)
        )
        numbers = self._action(
            _("1. List"), "Ctrl+Shift+7", lambda: self.make_list(QTextListFormat.Style.ListDecimal)
        )
        undo = self._action("↶", QKeySequence.StandardKey.Undo, self.editor.undo, _("Undo"))
        redo = self._action("↷", QKeySequence.StandardKey.Redo, self.editor.redo, _("Redo"))
        save = self._action(_("Save"), QKeySequence.StandardKey.Save, self.save_text)
        full = self._action(_("Full screen"), "F11", self.toggle_full_screen)
        versions = self._action(_("Versions…"), None, self.show_versions)
        pdf = self._action(_("PDF…"), None, self.save_pdf)
        for item in (
            self.bold_action,
            self.italic_action,
            heading1,
            heading2,
            bullets,
            numbers,
            undo,
            redo,
        ):
            bar.addAction(item)
        bar.addSeparator()
        bar.addWidget(self._template_button())
        bar.addSeparator()
        for item in (save, versions, pdf, full):
            bar.addAction(item)
        self.editor.currentCharFormatChanged.connect(self._sync_format_buttons)
        self.addToolBar(bar)
        return bar

    def _template_button(self) -> QPushButton:
        button, menu = menu_button(_("Template"), self)
        menu.aboutToShow.connect(lambda: self._fill_template_menu(menu))
        return button

    def _fill_template_menu(self, menu: QMenu) -> None:
        menu.clear()
        for template in self._service.templates():
            menu.addAction(template.name, partial(self.insert_template, template.body))
        menu.addSeparator()
        menu.addAction(_("Keep this text as a template…"), self._keep_as_template)

    # -- editing -------------------------------------------------------------------------

    def toggle_bold(self) -> None:
        """Make the selection (or what is typed next) bold, or not."""
        bold = self.editor.fontWeight() != QFont.Weight.Bold
        self.editor.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)

    def toggle_italic(self) -> None:
        """Make the selection (or what is typed next) italic, or not."""
        self.editor.setFontItalic(not self.editor.fontItalic())

    def set_heading(self, level: int) -> None:
        """Turn the current paragraph into a heading (2) or subheading (3), or back."""
        cursor = self.editor.textCursor()
        block = cursor.blockFormat()
        block.setHeadingLevel(0 if block.headingLevel() == level else level)
        cursor.setBlockFormat(block)
        char = cursor.charFormat()
        char.setFontWeight(QFont.Weight.Bold if block.headingLevel() else QFont.Weight.Normal)
        cursor.select(cursor.SelectionType.BlockUnderCursor)
        cursor.mergeCharFormat(char)

    def make_list(self, style: QTextListFormat.Style) -> None:
        """Turn the current paragraph(s) into a bullet or numbered list."""
        self.editor.textCursor().createList(style)

    def insert_template(self, body: str) -> None:
        """Insert a template's prompts at the cursor; the writer types under them."""
        self.editor.textCursor().insertMarkdown(body)
        self.editor.setFocus()

    def _keep_as_template(self) -> None:
        name, accepted = QInputDialog.getText(self, _("Keep as template"), _("Name"))
        if accepted:
            try:
                self._service.add_template(name, self.editor.document().toMarkdown())
            except UserFacingError as error:
                show_problem(self, error)

    def _sync_format_buttons(self) -> None:
        self.bold_action.setChecked(self.editor.fontWeight() == QFont.Weight.Bold)
        self.italic_action.setChecked(self.editor.fontItalic())

    # -- saving --------------------------------------------------------------------------

    def _changed(self) -> None:
        self.autosave.changed()
        self._word_timer.start()

    def _save_draft(self) -> None:
        self._writer.submit(self.reflection_id, self.editor.toHtml())
        self.state_label.setText(_("Draft saved"))
        if self._writer.last_error is not None:
            self.state_label.setText(self._writer.last_error.message)

    def save_text(self, *, keep_version: bool = False) -> bool:
        """Write the Markdown text (after the pending drafts), so no draft is left behind."""
        self.autosave.save_now()
        self._writer.flush()
        try:
            self._service.save(
                self.reflection_id,
                self.title_edit.text(),
                self.editor.document().toMarkdown(),
                keep_version=keep_version,
            )
        except UserFacingError as error:
            self.state_label.setText(error.message)
            return False
        self.notice_label.hide()
        self.state_label.setText(_("Saved"))
        self._update_title()
        self.saved.emit(self.reflection_id)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.autosave.save_now()
        return super().eventFilter(watched, event)

    def _count_words(self) -> None:
        words = len(self.editor.toPlainText().split())
        self.words_label.setText(ngettext("{n} word", "{n} words", words).format(n=words))

    def _update_title(self) -> None:
        # The task bar and window switchers show titles to passers-by: no names or titles there.
        self.setWindowTitle(_("Reflection — CoachDesk"))

    def show_versions(self) -> None:
        """Let the writer bring back an earlier version."""
        if not self.save_text():
            return
        chosen = VersionsDialog.ask(self, self._service.versions(self.reflection_id))
        if chosen is None:
            return
        restored = self._service.restore(chosen)
        self.editor.blockSignals(True)
        self.editor.setMarkdown(restored.body)
        self.editor.blockSignals(False)
        self.title_edit.setText(restored.title)
        self.autosave.dirty = False
        self._count_words()

    def save_pdf(self) -> None:
        """Save the reflection as a PDF where the writer chooses."""
        if not self.save_text():
            return
        title = self._service.open(self.reflection_id).reflection.title
        suggested = name_part(title, _("reflection")) + ".pdf"
        target = save_path(self, _("Save as PDF"), suggested, _("PDF files (*.pdf)"))
        if target is None:
            return
        from coachdesk.export.reflection_pdf import write_reflection  # noqa: PLC0415 - reportlab on export only

        try:
            reflection = self._service.for_export(self.reflection_id)
            write_reflection(reflection, self.context_label.text(), target)
        except UserFacingError as error:
            show_problem(self, error)
            return
        # Not "Opgeslagen: …" beside the text's own "Opgeslagen": this is the PDF.
        self.statusBar().showMessage(_("PDF saved: {path}").format(path=target), STATUS_MESSAGE_MS)

    def toggle_full_screen(self) -> None:
        """Distraction-free writing: only the text, in a calm column."""
        full = not self.isFullScreen()
        self.toolbar.setVisible(not full)
        self.statusBar().setVisible(not full)
        self.context_label.setVisible(not full)
        margin = (
            max((self.screen().size().width() - FULL_SCREEN_TEXT_WIDTH) // 2, 24) if full else 0
        )
        self.editor.setViewportMargins(margin, 24 if full else 0, margin, 0)
        if full:
            self.showFullScreen()
        else:
            self.showNormal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.toggle_full_screen()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_text(keep_version=True)
        super().closeEvent(event)
