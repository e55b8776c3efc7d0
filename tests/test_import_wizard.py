"""The import wizard: nothing changes until the coach presses Import on a clean check."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard

from coachdesk.services.student_import import ImportField, StudentImport
from coachdesk.storage.repositories import Repositories
from coachdesk.ui.dialogs.import_wizard import ImportWizard

CSV = (
    "Deelnemernummer;Roepnaam;Tussenvoegsels;Achternaam;Groep;Niveau\n"
    "0042;Noël;van 't;Hof;ELE3A;3\n"
    "0043;Sıla;;Çelik;ELE3A;vier\n"
)


def _wizard(qtbot, repos: Repositories, tmp_path: Path, text: str = CSV) -> ImportWizard:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8-sig")
    wizard = ImportWizard(StudentImport(repos, demo_store=False))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.load(path)
    assert wizard.file_page.isComplete()
    wizard.next()
    return wizard


def test_columns_are_recognised_and_previewed(qtbot, repos: Repositories, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, repos, tmp_path)
    assert wizard.mapping_page.mapping() == {
        0: ImportField.STUDENT_NUMBER,
        1: ImportField.GIVEN_NAME,
        2: ImportField.NAME_PREFIX,
        3: ImportField.FAMILY_NAME,
        4: ImportField.GROUP,
        5: ImportField.LEVEL,
    }
    assert "UTF-8 (BOM)" in wizard.mapping_page.info_label.text()
    assert wizard.mapping_page.preview.item(0, 1).text() == "Noël"


def test_problems_block_the_import_until_the_coach_chooses_to_skip(
    qtbot, repos: Repositories, tmp_path: Path
) -> None:
    wizard = _wizard(qtbot, repos, tmp_path)
    wizard.next()
    check = wizard.check_page
    assert (
        check.problems_list.item(0).text()
        == "Regel 3, kolom Niveau: niveau 'vier' moet 1 tot en met 4 zijn"
    )
    assert not check.isComplete()
    assert repos.students.count() == 0
    check.skip_check.setChecked(True)
    assert check.isComplete()
    result = wizard.import_now()
    assert (result.created, result.skipped) == (1, 1)
    assert repos.students.by_number("0042").full_name == "Noël van 't Hof"  # type: ignore[union-attr]


def test_a_column_can_be_ignored_by_hand(qtbot, repos: Repositories, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, repos, tmp_path)
    wizard.mapping_page.combos[5].select_value(None)  # ignore Niveau
    wizard.next()
    assert wizard.check_page.isComplete()
    assert "2 nieuwe studenten" in wizard.check_page.summary_label.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.import_now().created == 2


def test_an_unreadable_file_is_explained_on_the_first_page(
    qtbot, repos: Repositories, tmp_path: Path
) -> None:
    path = tmp_path / "foto.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    wizard = ImportWizard(StudentImport(repos, demo_store=False))
    qtbot.addWidget(wizard)
    wizard.file_page.load(path)
    assert not wizard.file_page.isComplete()
    assert "geen tekstbestand" in wizard.file_page.problem_label.text()
