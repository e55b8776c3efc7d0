"""The store file: created safely, refuses what it must not touch, migrates with a backup."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from coachdesk.domain.people import COACH_ONLY, Person
from coachdesk.errors import NewerStoreError, StoreError
from coachdesk.services.closing import closing_from_json
from coachdesk.storage.database import open_store
from coachdesk.storage.migrations import LATEST_VERSION
from coachdesk.storage.repositories import Repositories
from tests.helpers import make_student

DATA = Path(__file__).parent / "data"


def test_a_new_store_is_created_with_durable_settings(data_dir: Path) -> None:
    store = open_store(data_dir / "coachdesk.sqlite")
    try:
        pragma = lambda name: store.db.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 1000
        assert store.schema_version == LATEST_VERSION
    finally:
        store.close()


def test_records_keep_their_uuid_and_timestamps(repos: Repositories) -> None:
    student = repos.students.add(make_student())
    stored = repos.students.get(student.id)
    assert stored == student
    assert len(student.id) == 36
    updated = repos.students.update(stored)
    assert updated.created_at == student.created_at
    assert updated.updated_at >= student.updated_at


def test_a_store_from_a_newer_coachdesk_is_refused_and_left_untouched(data_dir: Path) -> None:
    path = data_dir / "coachdesk.sqlite"
    data_dir.mkdir()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerStoreError, match="nieuwere versie van CoachDesk"):
        open_store(path)
    assert path.read_bytes() == before
    assert not (data_dir / "coachdesk.sqlite-wal").exists()


def test_a_file_that_is_not_a_store_is_refused_and_left_untouched(data_dir: Path) -> None:
    path = data_dir / "coachdesk.sqlite"
    data_dir.mkdir()
    path.write_bytes(b"Naam;Klas\nZo\xc3\xab;VIG3\n" * 50)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="geen CoachDesk-opslag"):
        open_store(path)
    assert path.read_bytes() == before


def test_a_data_folder_that_cannot_be_created_gives_a_dutch_message(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    with pytest.raises(StoreError, match="kan niet worden aangemaakt"):
        open_store(blocker / "gegevens" / "coachdesk.sqlite")
    assert blocker.read_text() == "geen map"


def test_a_full_disk_rolls_back_the_whole_action(repos: Repositories) -> None:
    repos.students.add(make_student("1"))
    page_count = repos.store.db.execute("PRAGMA page_count").fetchone()[0]
    repos.store.db.execute(f"PRAGMA max_page_count = {page_count + 1}")
    many = [make_student(str(n), family_name="Lang" * 200) for n in range(2, 400)]
    with pytest.raises(StoreError, match="De schijf is vol"):
        repos.students.add_many(many)
    assert [s.student_number for s in repos.students.caseload()] == ["1"]


def test_an_error_inside_an_action_leaves_nothing_behind(repos: Repositories) -> None:
    with pytest.raises(RuntimeError), repos.store.atomic():
        repos.students.add(make_student("1"))
        repos.students.add(make_student("2"))
        raise RuntimeError("halverwege afgebroken")
    assert repos.students.count() == 0


def _fixture_versions() -> list[int]:
    return sorted(int(path.name.removeprefix("db_v")) for path in DATA.glob("db_v*"))


def test_there_is_a_stored_file_for_every_earlier_schema() -> None:
    assert _fixture_versions() == list(range(1, LATEST_VERSION))


@pytest.mark.parametrize("version", _fixture_versions())
def test_every_earlier_schema_migrates_with_data_kept_and_a_backup(
    version: int, tmp_path: Path
) -> None:
    path = tmp_path / "coachdesk.sqlite"
    shutil.copy(DATA / f"db_v{version}" / "coachdesk.sqlite", path)
    store = open_store(path)
    try:
        repos = Repositories.for_store(store)
        assert store.schema_version == LATEST_VERSION
        zoe = repos.students.by_number("2024001")
        assert zoe is not None
        assert zoe.full_name == "Zoë van der Meer"
        assert repos.students.count() == 2
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        store.close()
    backups = list((tmp_path / "backups").glob(f"coachdesk-*-voor-migratie-v{version}.sqlite"))
    assert len(backups) == 1
    backup = sqlite3.connect(backups[0])
    assert backup.execute("PRAGMA user_version").fetchone()[0] == version
    backup.close()


def test_opening_an_up_to_date_store_again_makes_no_backup(data_dir: Path) -> None:
    open_store(data_dir / "coachdesk.sqlite").close()
    open_store(data_dir / "coachdesk.sqlite").close()
    assert not (data_dir / "backups").exists()


def test_a_summary_once_shared_with_parents_still_reaches_them_after_version_8(
    tmp_path: Path,
) -> None:
    path = tmp_path / "coachdesk.sqlite"
    shutil.copy(DATA / "db_v7" / "coachdesk.sqlite", path)
    store = open_store(path)
    try:
        notes = Repositories.for_store(store).notes.for_conversation(
            "00000000-0000-4000-8000-000000000031"
        )
    finally:
        store.close()
    readers = {note.body: note.readers for note in notes}
    assert readers == {"Ik durf nu meer.": [Person.PARENTS], "rooster, feedback": []}


def test_version_10_renames_private_rows_and_leaves_an_unreadable_draft_as_it_was(
    tmp_path: Path,
) -> None:
    """One odd draft must not stop the upgrade (the coach would be told the store is damaged);
    the coach's private reflections and experiences get the new word too."""
    path = tmp_path / "coachdesk.sqlite"
    shutil.copy(DATA / "db_v9" / "coachdesk.sqlite", path)
    odd = {
        "00000000-0000-4000-8000-0000000000c1": '{"agreements": [{"owner": "ouder"',  # cut off
        "00000000-0000-4000-8000-0000000000d1": '{"insights": null, "views": null}',
    }
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE reflections SET audience = 'prive_coach'")
        conn.execute("UPDATE experiences SET audience = 'prive_coach'")
        conn.execute("UPDATE notes SET readers = '[\"ouder\"]'")
        for conversation_id, body in odd.items():
            conn.execute(
                "UPDATE closing_drafts SET body = ? WHERE conversation_id = ?",
                [body, conversation_id],
            )
    conn.close()
    store = open_store(path)
    try:
        assert store.schema_version == LATEST_VERSION
        rows = store.db.execute("SELECT conversation_id, body FROM closing_drafts").fetchall()
        assert dict(rows) == {
            "00000000-0000-4000-8000-0000000000c1": odd["00000000-0000-4000-8000-0000000000c1"],
            "00000000-0000-4000-8000-0000000000d1": '{"insights": null, "views": null}',
        }
        for table in ("reflections", "experiences"):
            audiences = {row[0] for row in store.db.execute(f"SELECT audience FROM {table}")}
            assert audiences == {"coach"}, table
        assert {row[0] for row in store.db.execute("SELECT readers FROM notes")} == {'["ouders"]'}
    finally:
        store.close()


def test_version_10_gives_every_person_one_word_in_every_table_and_draft(tmp_path: Path) -> None:
    """A parent was "ouder" in some tables and "ouders" in others; a private text "prive_coach"."""
    path = tmp_path / "coachdesk.sqlite"
    shutil.copy(DATA / "db_v9" / "coachdesk.sqlite", path)
    store = open_store(path)
    try:
        repos = Repositories.for_store(store)
        zoe = repos.students.by_number("2024001")
        assert zoe is not None
        parents_talk = "00000000-0000-4000-8000-0000000000d1"
        contacts = {c.name: c.role for c in repos.contacts.for_student(zoe.id)}
        assert contacts == {
            "Karin Bosman": Person.WORKPLACE_TRAINER,
            "Annelies van der Meer": Person.PARENTS,
        }
        assert [p.role for p in repos.participants.for_conversation(parents_talk)] == [
            Person.PARENTS
        ]
        consents = {(c.recipient, c.given_by) for c in repos.consents.for_student(zoe.id)}
        assert consents == {
            (Person.PARENTS, Person.STUDENT),
            (Person.COACH, Person.PARENTS),
        }
        (agreement,) = repos.agreements.for_conversation(parents_talk)
        assert (agreement.owner, agreement.audience) == (Person.PARENTS, COACH_ONLY)
        goals = {g.description: g.audience for g in repos.goals.for_student(zoe.id)}
        assert goals == {"Minder verzuim": COACH_ONLY}
        notes = repos.notes.for_student(zoe.id)
        assert {n.body: n.audience for n in notes}["rooster, feedback"] is COACH_ONLY
        draft = repos.closing_drafts.get(parents_talk)
        assert draft is not None
        closing = closing_from_json(draft[0])
        (drafted,) = closing.agreements
        assert (drafted.owner, drafted.audience) == (Person.PARENTS, COACH_ONLY)
        assert closing.summary.readers == (Person.PARENTS,)
        assert closing.private_note == "ouder"  # what the coach typed is never rewritten
        columns = [
            ("contacts", "role"),
            ("participants", "role"),
            ("agreements", "owner"),
            ("consents", "recipient"),
            ("consents", "given_by"),
            ("experiences", "audience"),
            ("notes", "audience"),
            ("agreements", "audience"),
            ("goals", "audience"),
            ("reflections", "audience"),
        ]
        for table, column in columns:
            words = {row[0] for row in store.db.execute(f"SELECT {column} FROM {table}")}
            assert words <= {person.value for person in Person}, (table, column, words)
    finally:
        store.close()
    assert list((tmp_path / "backups").glob("coachdesk-*-voor-migratie-v9.sqlite"))
