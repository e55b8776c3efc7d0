"""The ``coachdesk`` command as school IT runs it: real subprocesses on a real store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from coachdesk.storage.migrations import LATEST_VERSION
from tests.helpers import plain_store, run_cli

STUDENT_KEYS = {
    "student_number",
    "given_name",
    "name_prefix",
    "family_name",
    "group",
    "programme",
    "pathway",
    "level",
    "status",
}


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "gegevens"
    result = run_cli("demo", data_dir=folder)
    assert result.returncode == 0, result.stderr
    assert "30 fictieve studenten" in result.stdout
    return folder


def _assert_calm_failure(result: object, text: str) -> None:
    assert result.returncode != 0  # type: ignore[attr-defined]
    assert text in result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in result.stderr  # type: ignore[attr-defined]
    assert len(result.stderr.strip().splitlines()) == 1  # type: ignore[attr-defined]


def test_demo_then_students_prints_the_demo_caseload_as_json(demo_dir: Path) -> None:
    result = run_cli("students", "--json", data_dir=demo_dir)
    assert result.returncode == 0, result.stderr
    students = json.loads(result.stdout)
    assert len(students) >= 25
    assert all(set(student) == STUDENT_KEYS for student in students)
    assert {s["status"] for s in students} == {"active"}
    assert {s["pathway"] for s in students} <= {"BOL", "BBL"}
    everyone = json.loads(run_cli("students", "--json", "--all", data_dir=demo_dir).stdout)
    assert len(everyone) == 30


def test_conversations_are_listed_with_the_dutch_kind_word(demo_dir: Path) -> None:
    result = run_cli("conversations", "--json", data_dir=demo_dir)
    assert result.returncode == 0, result.stderr
    conversations = json.loads(result.stdout)
    assert all(set(c) == {"id", "student_number", "kind", "date"} for c in conversations)
    assert {"intake", "dialoog", "trialoog"} <= {c["kind"] for c in conversations}
    number = conversations[0]["student_number"]
    own = json.loads(
        run_cli("conversations", "--json", "--student", number, data_dir=demo_dir).stdout
    )
    assert own and {c["student_number"] for c in own} == {number}
    assert [c["date"] for c in own] == sorted(c["date"] for c in own)


def test_an_unknown_student_number_is_a_clear_error(demo_dir: Path) -> None:
    result = run_cli("conversations", "--student", "000", data_dir=demo_dir)
    _assert_calm_failure(result, "Er is geen student met studentnummer 000.")


def test_check_passes_on_a_healthy_store(demo_dir: Path) -> None:
    result = run_cli("check", data_dir=demo_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Schemaversie {LATEST_VERSION}: in orde" in result.stdout
    assert "(demo)" in result.stdout
    assert "Resultaat: alles is in orde." in result.stdout


def test_check_reports_broken_references_with_exit_1(tmp_path: Path) -> None:
    folder = plain_store(tmp_path / "gegevens")
    conn = sqlite3.connect(folder / "coachdesk.sqlite")
    conn.execute(
        "INSERT INTO contacts (id, created_at, updated_at, student_id, role, name) "
        "VALUES ('c1', 'x', 'x', 'bestaat-niet', 'ouders', 'Iemand')"
    )
    conn.commit()
    conn.close()
    result = run_cli("check", data_dir=folder)
    assert result.returncode == 1
    assert "PROBLEEM" in result.stdout
    assert "verwijst naar een ontbrekend gegeven in students" in result.stdout


def test_check_on_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    folder = tmp_path / "gegevens"
    folder.mkdir()
    (folder / "coachdesk.sqlite").write_text("dit is geen database")
    _assert_calm_failure(run_cli("check", data_dir=folder), "is geen CoachDesk-opslag")
    _assert_calm_failure(run_cli("students", data_dir=folder), "is geen CoachDesk-opslag")
    assert (folder / "coachdesk.sqlite").read_text() == "dit is geen database"


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "gegevens"
    folder.mkdir()
    conn = sqlite3.connect(folder / "coachdesk.sqlite")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    _assert_calm_failure(run_cli("students", data_dir=folder), "nieuwere versie van CoachDesk")
    result = run_cli("check", data_dir=folder)
    assert result.returncode == 1
    assert "nieuwere CoachDesk" in result.stdout


def test_an_unwritable_data_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    _assert_calm_failure(
        run_cli(
            "students",
            data_dir=blocker / "sub",
            env={"COACHDESK_PASSPHRASE": "lange wachtwoordzin 2026"},
        ),
        "kan niet worden aangemaakt",
    )


def test_check_without_a_store_says_so(tmp_path: Path) -> None:
    _assert_calm_failure(run_cli("check", data_dir=tmp_path / "leeg"), "Er is nog geen opslag")


def test_wrong_usage_is_explained_in_dutch_with_exit_2(tmp_path: Path) -> None:
    result = run_cli("demo", "--students", "veel", data_dir=tmp_path)
    assert result.returncode == 2
    assert "'veel' is geen geheel getal" in result.stderr
    assert run_cli("onbekend", data_dir=tmp_path).returncode == 2


def test_the_data_folder_can_come_from_the_environment(tmp_path: Path) -> None:
    folder = tmp_path / "uit-omgeving"
    result = run_cli("demo", "--students", "3", env={"COACHDESK_DATA_DIR": str(folder)})
    assert result.returncode == 0, result.stderr
    assert (folder / "coachdesk.sqlite").is_file()


def test_the_demo_option_uses_a_separate_store(tmp_path: Path) -> None:
    folder = plain_store(tmp_path / "gegevens")
    assert run_cli("--demo", "demo", "--students", "2", data_dir=folder).returncode == 0
    assert (folder / "demo" / "coachdesk.sqlite").is_file()
    own = run_cli("students", "--json", data_dir=folder)
    assert json.loads(own.stdout) == []


def test_english_is_available(tmp_path: Path) -> None:
    result = run_cli("--lang", "en", "check", data_dir=tmp_path / "leeg")
    assert "There is no store at" in result.stderr


def test_help_speaks_the_language_asked_for(tmp_path: Path) -> None:
    english = run_cli("--lang", "en", "--help", data_dir=tmp_path)
    dutch = run_cli("--help", data_dir=tmp_path)
    assert english.stdout.startswith("usage: coachdesk")
    assert "show this help message and exit" in english.stdout
    assert dutch.stdout.startswith("gebruik: coachdesk")


def test_dutch_help_has_no_english_line_and_english_help_no_dutch_one(tmp_path: Path) -> None:
    dutch = run_cli("--help", data_dir=tmp_path).stdout
    for english in (
        "show program's version",
        "--data-dir DATA_DIR",
        "positional arguments",
        "commands:",
    ):
        assert english not in dutch
    assert "--data-dir MAP" in dutch and "opdrachten:" in dutch
    english = run_cli("--lang", "en", "--help", data_dir=tmp_path).stdout
    assert "--data-dir DIR" in english and "commands:" in english
    for word in ("opdracht", "opslag", "toon"):
        assert word not in english
    usage = run_cli("--lang", "en", "summary", data_dir=tmp_path)
    assert usage.returncode == 2
    assert "required" in usage.stderr and "verplicht" not in usage.stderr


def test_a_command_that_writes_no_pdf_imports_no_pdf_library() -> None:
    import subprocess
    import sys

    probe = "import sys, coachdesk.cli; print('reportlab' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["students", "--help"]])
def test_version_and_help_load_no_store_qt_or_pdf_code(argv: list[str], tmp_path: Path) -> None:
    """They answer at once: none of the services, storage, Qt or PDF libraries is loaded."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from coachdesk.launch import main\n"
        "try:\n"
        f"    main({[*argv, '--data-dir', str(tmp_path)]!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "roots = {name.split('.')[0] for name in sys.modules}\n"
        "loaded = {name for name in sys.modules if name.startswith('coachdesk.')}\n"
        "print(sorted(roots & {'PySide6', 'reportlab', 'pypdf', 'sqlite_utils', 'babel'}))\n"
        "print(sorted(name for name in loaded if name.split('.')[1] in "
        "{'services', 'storage', 'export', 'ui', 'app'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-2:] == ["[]", "[]"], result.stdout


def test_output_cut_short_by_a_pipe_is_no_crash(demo_dir: Path) -> None:
    import subprocess
    import sys

    process = subprocess.run(
        f"{sys.executable} -m coachdesk --data-dir {demo_dir} students | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in process.stderr
    assert "interne fout" not in process.stderr
    assert not (demo_dir / "logs").exists()


def test_import_students_writes_all_or_nothing(tmp_path: Path) -> None:
    folder = plain_store(tmp_path / "gegevens")
    good = tmp_path / "klas.csv"
    good.write_bytes(
        "Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Klas\n"
        "007;Daniël;van 't;Hek;VIG3A\n008;Ümit;;Yılmaz;VIG3A\n".encode("cp1252", errors="replace")
    )
    bad = tmp_path / "fout.csv"
    bad.write_text(
        "Leerlingnummer;Roepnaam;Achternaam;Geboortedatum\n"
        "009;Sem;Smit;01-01-2009\n;Zonder;Nummer;\n010;Lot;Vos;32-13-2009\n",
        encoding="utf-8",
    )
    result = run_cli("import-students", str(bad), data_dir=folder)
    assert result.returncode == 1
    assert "Regel 3, kolom Leerlingnummer: studentnummer ontbreekt" in result.stderr
    assert "Regel 4, kolom Geboortedatum: onleesbare datum '32-13-2009'" in result.stderr
    assert "Er is niets opgeslagen" in result.stderr
    assert json.loads(run_cli("students", "--json", data_dir=folder).stdout) == []

    skipped = run_cli("import-students", str(bad), "--skip-invalid", data_dir=folder)
    assert skipped.returncode == 0, skipped.stderr
    assert "1 nieuw" in skipped.stdout
    assert "2 regels met een probleem zijn overgeslagen" in skipped.stdout

    result = run_cli("import-students", str(good), data_dir=folder)
    assert result.returncode == 0, result.stderr
    assert "2 nieuw, 0 bijgewerkt (Windows-1252, scheidingsteken ;)" in result.stdout
    numbers = {
        s["student_number"]
        for s in json.loads(run_cli("students", "--json", data_dir=folder).stdout)
    }
    assert numbers == {"007", "008", "009"}


def test_import_into_the_demo_store_is_refused(demo_dir: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "klas.csv"
    csv_file.write_text("Stamnummer;Achternaam\n1;Bakker\n", encoding="utf-8")
    _assert_calm_failure(
        run_cli("import-students", str(csv_file), data_dir=demo_dir), "demo-opslag"
    )


def test_import_of_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = run_cli(
        "import-students", str(tmp_path / "weg.csv"), data_dir=plain_store(tmp_path / "d")
    )
    _assert_calm_failure(result, "kan niet worden gelezen")


def test_the_conversation_list_shows_the_id_the_summary_command_takes(demo_dir: Path) -> None:
    lines = run_cli("conversations", data_dir=demo_dir).stdout.splitlines()
    *rows, total = lines
    assert total.endswith("gesprekken")
    conversation_id = rows[0].split()[-1]
    listed = json.loads(run_cli("conversations", "--json", data_dir=demo_dir).stdout)
    assert conversation_id == listed[0]["id"]
    assert "Afgerond" in rows[0] or "Voorbereid" in rows[0]  # its state, in words
