"""Qt's own dialogs speak the interface language: read the labels of the real file dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QMessageBox, QWidget

from coachdesk.i18n import set_language
from coachdesk.ui.qt_translations import install_qt_translations, with_accelerator
from tests.helpers import answer_next_dialog, demo_window

TODAY = dt.date(2026, 11, 23)
ENGLISH_FILE_DIALOG = {"Look in:", "Files of type:", "File name:", "Save", "Cancel", "Name", "Size"}


@pytest.fixture
def qt_language(qapp) -> Iterator[None]:
    """Install Qt's translations as the app does, and take them out again afterwards."""
    before = QLocale()
    installed = []

    def install() -> None:
        installed.append(install_qt_translations(qapp))

    yield install  # type: ignore[misc]
    for translator in installed:
        if translator is not None:
            qapp.removeTranslator(translator)
    QLocale.setDefault(before)


@pytest.fixture
def window(qtbot, data_dir: Path):
    yield from demo_window(qtbot, data_dir, 3, TODAY)


def _texts(dialog: QWidget) -> set[str]:
    widgets = [*dialog.findChildren(QLabel), *dialog.findChildren(QAbstractButton)]
    return {w.text().replace("&", "") for w in widgets if w.isVisible() and w.text()}


def _file_dialog_texts(qtbot, window) -> set[str]:
    """Open the save dialog of the paper scan as a coach would, read it, and cancel."""
    texts: set[str] = set()

    def read(dialog: QFileDialog) -> None:
        texts.update(_texts(dialog))
        header = dialog.findChild(QWidget, "treeView").header()  # type: ignore[union-attr]
        model = header.model()
        texts.update(str(model.headerData(i, header.orientation())) for i in range(2))
        dialog.reject()

    seen = answer_next_dialog(QFileDialog, read)
    window.scans.save_paper(window.caseload_screen.model.entry_at(0).student)
    assert seen
    return texts


def test_the_file_dialog_is_dutch_in_the_dutch_interface(qtbot, qt_language, window) -> None:
    qt_language()
    texts = _file_dialog_texts(qtbot, window)
    assert {"Zoeken in:", "Bestanden van type:", "Bestandsnaam:", "Opslaan"} <= texts
    assert {"Naam", "Grootte"} <= texts
    assert not texts & ENGLISH_FILE_DIALOG


def test_message_box_buttons_are_dutch(qt_language) -> None:
    qt_language()
    box = QMessageBox(QMessageBox.Icon.Question, "CoachDesk", "?")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    texts = {
        box.button(b).text().replace("&", "")
        for b in (box.StandardButton.Yes, box.StandardButton.No)
    }
    assert texts == {"Ja", "Nee"}
    box.deleteLater()


def test_the_file_dialog_is_english_in_the_english_interface(qtbot, qt_language, window) -> None:
    set_language("en")
    qt_language()
    texts = _file_dialog_texts(qtbot, window)
    assert {"Look in:", "Files of type:", "File name:"} <= texts
    assert QLocale().name() == "en_GB"


def test_an_accelerator_lands_on_a_word_with_the_same_letter_or_the_first() -> None:
    assert with_accelerator("Bestanden van type:", "Files of &type:") == "Bestanden van &type:"
    assert with_accelerator("Zoeken in:", "&Look in:") == "&Zoeken in:"
