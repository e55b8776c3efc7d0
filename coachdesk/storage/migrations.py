"""Numbered schema migrations, oldest first.

Each migration is one small function that brings the schema from version ``n - 1``
to ``n``. ``Store`` runs each in its own transaction together with the bump of
``PRAGMA user_version``, after backing up the file. Never edit a released
migration: add a new one, and keep a store of the old version under
``tests/data/`` so the upgrade is tested.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable

from coachdesk.storage.person_words import one_word_per_person

Migration = Callable[[sqlite3.Connection], None]


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run several statements inside the caller's transaction.

    ``executescript`` would commit the open transaction first, so statements are run
    one by one instead.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError("migration script ends in an incomplete statement")


RECORD_COLUMNS = """
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL"""


def _students_and_contacts(conn: sqlite3.Connection) -> None:
    """Version 1: the caseload (students), the people around them, consents and store metadata."""
    _run_script(
        conn,
        f"""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE students ({RECORD_COLUMNS},
            student_number TEXT NOT NULL UNIQUE,
            given_name TEXT NOT NULL,
            name_prefix TEXT NOT NULL DEFAULT '',
            family_name TEXT NOT NULL,
            date_of_birth TEXT,
            "group" TEXT NOT NULL DEFAULT '',
            programme TEXT NOT NULL DEFAULT '',
            level INTEGER CHECK (level BETWEEN 1 AND 4),
            pathway TEXT,
            year_of_study INTEGER,
            cohort TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL,
            leave_date TEXT
        );
        CREATE TABLE contacts ({RECORD_COLUMNS},
            student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            name TEXT NOT NULL,
            company TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX contacts_by_student ON contacts(student_id);
        CREATE TABLE consents ({RECORD_COLUMNS},
            student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
            subject TEXT NOT NULL,
            recipient TEXT NOT NULL,
            granted INTEGER NOT NULL,
            given_by TEXT NOT NULL,
            date TEXT NOT NULL,
            basis TEXT NOT NULL DEFAULT '',
            conversation_id TEXT
        );
        CREATE INDEX consents_by_student ON consents(student_id);
        """,
    )


def _timeline(conn: sqlite3.Connection) -> None:
    """Version 2: everything on a student's timeline, indexed for "one student, by date"."""
    _run_script(
        conn,
        f"""
        CREATE TABLE experiences ({RECORD_COLUMNS},
            student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            start_date TEXT NOT NULL,
            end_date TEXT,
            organisation TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '',
            contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
            description TEXT NOT NULL DEFAULT '',
            audience TEXT NOT NULL,
            competences TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX experiences_by_student ON experiences(student_id, start_date);
        CREATE TABLE conversations ({RECORD_COLUMNS},
            student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            date TEXT NOT NULL,
            state TEXT NOT NULL,
            place TEXT NOT NULL DEFAULT '',
            topic TEXT NOT NULL DEFAULT '',
            summary TEXT NOT NULL DEFAULT '',
            focus_competences TEXT NOT NULL DEFAULT '[]',
            next_appointment TEXT,
            closed_at TEXT,
            edited_after_close_at TEXT
        );
        CREATE INDEX conversations_by_student ON conversations(student_id, date);
        CREATE TABLE participants ({RECORD_COLUMNS},
            conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            name TEXT NOT NULL,
            contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL
        );
        CREATE INDEX participants_by_conversation ON participants(conversation_id);
        CREATE TABLE notes ({RECORD_COLUMNS},
            student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
            body TEXT NOT NULL,
            audience TEXT NOT NULL,
            conversation_id TEXT REFERENCES conversations(id) ON DELETE CASCADE,
            experience_id TEXT REFERENCES experiences(id) ON DELETE CASCADE,
            competence TEXT
        );
        CREATE INDEX notes_by_student ON notes(student_id);
        CREATE INDEX notes_by_conversation ON notes(conversation_id);
        CREATE TABLE agreements ({RECORD_COLUMNS},
            student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
            description TEXT NOT NULL,
            owner TEXT NOT NULL,
            due_date TEXT,
            status TEXT NOT NULL,
            outcome TEXT NOT NULL DEFAULT '',
            conversation_id TEXT REFERENCES conversations(id) ON DELETE SET NULL,
            audience TEXT NOT NULL
        );
        CREATE INDEX agreements_by_student ON agreements(student_id, status);
        CREATE TABLE goals ({RECORD_COLUMNS},
            student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
            description TEXT NOT NULL,
            competence TEXT,
            target_date TEXT,
            status TEXT NOT NULL,
            conversation_id TEXT REFERENCES conversations(id) ON DELETE SET NULL,
            audience TEXT NOT NULL
        );
        CREATE INDEX goals_by_student ON goals(student_id);
        CREATE TABLE reflections ({RECORD_COLUMNS},
            author TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL DEFAULT '',
            student_id TEXT REFERENCES students(id) ON DELETE CASCADE,
            experience_id TEXT REFERENCES experiences(id) ON DELETE SET NULL,
            conversation_id TEXT REFERENCES conversations(id) ON DELETE SET NULL,
            audience TEXT NOT NULL
        );
        CREATE INDEX reflections_by_student ON reflections(student_id);
        CREATE TABLE competence_scans ({RECORD_COLUMNS},
            student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
            date TEXT NOT NULL,
            rater TEXT NOT NULL,
            rater_name TEXT NOT NULL DEFAULT '',
            ratings TEXT NOT NULL DEFAULT '{{}}'
        );
        CREATE INDEX competence_scans_by_student ON competence_scans(student_id, date);
        CREATE TABLE referrals ({RECORD_COLUMNS},
            student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
            line TEXT NOT NULL,
            to_whom TEXT NOT NULL,
            reason TEXT NOT NULL,
            date TEXT NOT NULL,
            status TEXT NOT NULL,
            feedback TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX referrals_by_student ON referrals(student_id);
        """,
    )


def _programme_switches(conn: sqlite3.Connection) -> None:
    """Version 3: switches of programme or level, shown on the timeline."""
    _run_script(
        conn,
        f"""
        CREATE TABLE programme_switches ({RECORD_COLUMNS},
            student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
            date TEXT NOT NULL,
            from_programme TEXT NOT NULL,
            to_programme TEXT NOT NULL,
            from_level INTEGER,
            to_level INTEGER,
            reason TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX programme_switches_by_student ON programme_switches(student_id, date);
        """,
    )


def _conversation_flow(conn: sqlite3.Connection) -> None:
    """Version 4: chosen questions per conversation, note kinds, and the coach's own questions."""
    _run_script(
        conn,
        f"""
        ALTER TABLE conversations ADD COLUMN questions TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE notes ADD COLUMN kind TEXT NOT NULL DEFAULT 'algemeen';
        CREATE TABLE questions ({RECORD_COLUMNS},
            text TEXT NOT NULL,
            phase TEXT NOT NULL,
            competence TEXT,
            builtin INTEGER NOT NULL DEFAULT 0
        );
        """,
    )


def _reflection_editing(conn: sqlite3.Connection) -> None:
    """Version 5: crash-safe drafts, version history and the coach's own reflection templates."""
    _run_script(
        conn,
        f"""
        CREATE TABLE reflection_drafts (
            reflection_id TEXT PRIMARY KEY REFERENCES reflections(id) ON DELETE CASCADE,
            body_html TEXT NOT NULL,
            saved_at TEXT NOT NULL
        );
        CREATE TABLE reflection_versions ({RECORD_COLUMNS},
            reflection_id TEXT NOT NULL REFERENCES reflections(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX reflection_versions_by_reflection
            ON reflection_versions(reflection_id, created_at);
        CREATE TABLE reflection_templates ({RECORD_COLUMNS},
            name TEXT NOT NULL,
            body TEXT NOT NULL
        );
        """,
    )


def _scan_answers(conn: sqlite3.Connection) -> None:
    """Version 6: the competence scan keeps every statement's answer, not only the means."""
    _run_script(conn, "ALTER TABLE competence_scans ADD COLUMN answers TEXT NOT NULL DEFAULT '{}';")


def _store_identity(conn: sqlite3.Connection) -> None:
    """Version 7: an identity for the store, so a ``-wal`` file of another store is refused.

    One row on a page of its own; every transaction bumps ``writes`` (see store_identity.py),
    so every WAL this store writes carries the identity.
    """
    _run_script(
        conn,
        f"""
        CREATE TABLE store_identity (id TEXT NOT NULL, writes INTEGER NOT NULL);
        INSERT INTO store_identity (id, writes) VALUES ('{uuid.uuid4()}', 0);
        """,
    )


def _closing_together(conn: sqlite3.Connection) -> None:
    """Version 8: closing a conversation together.

    A planned time, and the next appointment's time and place; when the student's version was
    read back together; keywords remember the question they were typed under; a note says in
    words which readers besides the student may read it (backfilled from its old single
    audience); an agreement names its owner. The indexes on ``conversation_id`` let one
    conversation be opened without scanning every student's agreements, goals and consents.
    """
    _run_script(
        conn,
        """
        ALTER TABLE conversations ADD COLUMN time TEXT;
        ALTER TABLE conversations ADD COLUMN next_appointment_time TEXT;
        ALTER TABLE conversations ADD COLUMN next_appointment_place TEXT NOT NULL DEFAULT '';
        ALTER TABLE conversations ADD COLUMN read_back_at TEXT;
        ALTER TABLE notes ADD COLUMN question TEXT NOT NULL DEFAULT '';
        ALTER TABLE notes ADD COLUMN readers TEXT NOT NULL DEFAULT '[]';
        UPDATE notes SET readers = '["ouders"]' WHERE audience = 'ouders';
        UPDATE notes SET readers = '["praktijkopleider"]' WHERE audience = 'praktijkopleider';
        ALTER TABLE agreements ADD COLUMN owner_name TEXT NOT NULL DEFAULT '';
        CREATE TABLE closing_drafts (
            conversation_id TEXT PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
            body TEXT NOT NULL,
            saved_at TEXT NOT NULL
        );
        CREATE INDEX agreements_by_conversation ON agreements(conversation_id);
        CREATE INDEX goals_by_conversation ON goals(conversation_id);
        CREATE INDEX consents_by_conversation ON consents(conversation_id);
        """,
    )


def _scan_forms(conn: sqlite3.Connection) -> None:
    """Version 9: fillable scan forms that come back from the praktijkopleider or the student.

    A form is matched by its random id and the fingerprint of the store that made it; what the
    praktijkopleider wrote for the trialoog is kept with the form, so reading it again replaces
    it instead of adding it twice.
    """
    _run_script(
        conn,
        f"""
        CREATE TABLE scan_forms ({RECORD_COLUMNS},
            student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
            rater TEXT NOT NULL,
            moment TEXT NOT NULL,
            store_fingerprint TEXT NOT NULL,
            conversation_id TEXT REFERENCES conversations(id) ON DELETE SET NULL,
            scan_id TEXT REFERENCES competence_scans(id) ON DELETE SET NULL,
            read_in_at TEXT,
            filled_on TEXT,
            filled_by TEXT NOT NULL DEFAULT '',
            view TEXT NOT NULL DEFAULT '',
            points TEXT NOT NULL DEFAULT '',
            proposals TEXT NOT NULL DEFAULT '',
            agreed INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX scan_forms_by_student ON scan_forms(student_id);
        CREATE INDEX scan_forms_by_conversation ON scan_forms(conversation_id);
        """,
    )


def _caseload_order(conn: sqlite3.Connection) -> None:
    """Version 11: the active students in class-list order, as an index.

    The caseload's first screenful then reads its sixty students straight from the index; before,
    it read and sorted every student (from disk, after a restart) before the coach saw one.
    Written out, as a migration never changes; ``students_repo.CASELOAD_ORDER`` sorts the same
    way, and a test reads the query plan to see that the index is used.
    """
    _run_script(
        conn,
        """
        CREATE INDEX students_in_caseload_order ON students(status,
            family_name COLLATE NOCASE, given_name COLLATE NOCASE, student_number, id);
        """,
    )


MIGRATIONS: tuple[Migration, ...] = (
    _students_and_contacts,
    _timeline,
    _programme_switches,
    _conversation_flow,
    _reflection_editing,
    _scan_answers,
    _store_identity,
    _closing_together,
    _scan_forms,
    one_word_per_person,
    _caseload_order,
)
"""Migration ``i`` (0-based) brings the schema to version ``i + 1``."""

LATEST_VERSION = len(MIGRATIONS)
