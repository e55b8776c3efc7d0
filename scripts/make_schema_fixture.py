"""Write a real store at an older schema version into tests/data/db_v<N>/, for migration tests.

Run once when a migration is added, for the version that was current before it:
    .venv/bin/python scripts/make_schema_fixture.py 2
The rows are inserted with plain SQL that matches that version's schema.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from coachdesk.storage.migrations import MIGRATIONS

ROOT = Path(__file__).resolve().parent.parent
STAMP = "2025-09-01T09:00:00+00:00"

SAMPLE_ROWS = {
    1: [
        "INSERT INTO meta (key, value) VALUES ('demo', '0')",
        "INSERT INTO students (id, created_at, updated_at, student_number, given_name, name_prefix,"
        ' family_name, date_of_birth, "group", programme, level, pathway, year_of_study, cohort,'
        " email, status, leave_date) VALUES ('00000000-0000-4000-8000-000000000001', :stamp,"
        " :stamp, '2024001', 'Zoë', 'van der', 'Meer', '2008-03-14', 'VIG3-2A', 'Verzorgende-IG',"
        " 3, 'BOL', 2, '2024', 'zoe@example.org', 'active', NULL)",
        "INSERT INTO students (id, created_at, updated_at, student_number, given_name, name_prefix,"
        ' family_name, date_of_birth, "group", programme, level, pathway, year_of_study, cohort,'
        " email, status, leave_date) VALUES ('00000000-0000-4000-8000-000000000002', :stamp,"
        " :stamp, '2024002', 'Łukasz', '', 'Wiśniewski', NULL, 'ELE3-1B', 'Eerste monteur', 3,"
        " 'BBL', 1, '2025', '', 'archived', '2026-06-30')",
        "INSERT INTO contacts (id, created_at, updated_at, student_id, role, name, company, email,"
        " phone) VALUES ('00000000-0000-4000-8000-000000000011', :stamp, :stamp,"
        " '00000000-0000-4000-8000-000000000001', 'praktijkopleider', 'Karin Bosman',"
        " 'Zorgcentrum De Linde', '', '')",
        "INSERT INTO consents (id, created_at, updated_at, student_id, subject, recipient, granted,"
        " given_by, date, basis, conversation_id) VALUES ('00000000-0000-4000-8000-000000000021',"
        " :stamp, :stamp, '00000000-0000-4000-8000-000000000001', 'gespreksverslag', 'ouder', 1,"
        " 'student', '2025-09-15', 'Besproken bij de intake', NULL)",
    ],
}
SAMPLE_ROWS[2] = [
    *SAMPLE_ROWS[1],
    "INSERT INTO conversations (id, created_at, updated_at, student_id, kind, date, state, place,"
    " topic, summary, focus_competences, next_appointment, closed_at, edited_after_close_at)"
    " VALUES ('00000000-0000-4000-8000-000000000031', :stamp, :stamp,"
    " '00000000-0000-4000-8000-000000000001', 'trialoog', '2025-10-01', 'afgerond',"
    " 'Zorgcentrum De Linde', 'Stage', 'Ik durf nu meer.', '[\"kwaliteiten\"]', '2025-12-01',"
    " :stamp, NULL)",
    "INSERT INTO agreements (id, created_at, updated_at, student_id, description, owner,"
    " due_date, status, outcome, conversation_id, audience) VALUES"
    " ('00000000-0000-4000-8000-000000000041', :stamp, :stamp,"
    " '00000000-0000-4000-8000-000000000001', 'Feedback vragen', 'student', '2025-11-01',"
    " 'open', '', '00000000-0000-4000-8000-000000000031', 'student')",
    "INSERT INTO experiences (id, created_at, updated_at, student_id, kind, title, start_date,"
    " end_date, organisation, place, contact_id, description, audience, competences) VALUES"
    " ('00000000-0000-4000-8000-000000000051', :stamp, :stamp,"
    " '00000000-0000-4000-8000-000000000001', 'stage', 'Stage', '2025-09-01', NULL,"
    " 'Zorgcentrum De Linde', 'Zwolle', '00000000-0000-4000-8000-000000000011', '', 'student',"
    " '[]')",
]


def make_fixture(version: int) -> Path:
    """Create ``tests/data/db_v<version>/coachdesk.sqlite`` with sample rows of that version."""
    target = ROOT / "tests" / "data" / f"db_v{version}" / "coachdesk.sqlite"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("BEGIN")
    for migration in MIGRATIONS[:version]:
        migration(conn)
    for statement in SAMPLE_ROWS[version]:
        conn.execute(statement, {"stamp": STAMP})
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("COMMIT")
    conn.execute("VACUUM")
    conn.close()
    return target


SAMPLE_ROWS[3] = [
    *SAMPLE_ROWS[2],
    "INSERT INTO programme_switches (id, created_at, updated_at, student_id, date,"
    " from_programme, to_programme, from_level, to_level, reason) VALUES"
    " ('00000000-0000-4000-8000-000000000061', :stamp, :stamp,"
    " '00000000-0000-4000-8000-000000000001', '2025-10-15', 'Helpende Zorg en Welzijn',"
    " 'Verzorgende-IG', 2, 3, 'Aan niveau 3 toe')",
]

SAMPLE_ROWS[4] = [
    *SAMPLE_ROWS[3],
    "INSERT INTO questions (id, created_at, updated_at, text, phase, competence, builtin) VALUES"
    " ('00000000-0000-4000-8000-000000000071', :stamp, :stamp, 'Wat zou je oma zeggen?',"
    " 'verkennen', 'netwerken', 0)",
    "INSERT INTO reflections (id, created_at, updated_at, author, title, body, student_id,"
    " experience_id, conversation_id, audience) VALUES ('00000000-0000-4000-8000-000000000081',"
    " :stamp, :stamp, 'student', 'STARR stage', '## Situatie\\n\\nOp stage…',"
    " '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000051', NULL,"
    " 'student')",
]

SAMPLE_ROWS[5] = [
    *SAMPLE_ROWS[4],
    "INSERT INTO reflection_templates (id, created_at, updated_at, name, body) VALUES"
    " ('00000000-0000-4000-8000-000000000091', :stamp, :stamp, 'Mijn sjabloon', '## Vraag')",
    "INSERT INTO competence_scans (id, created_at, updated_at, student_id, date, rater,"
    " rater_name, ratings) VALUES ('00000000-0000-4000-8000-0000000000a1', :stamp, :stamp,"
    " '00000000-0000-4000-8000-000000000001', '2025-10-01', 'student', '',"
    " '{\"kwaliteiten\": 3}')",
]

SAMPLE_ROWS[6] = SAMPLE_ROWS[5]

SAMPLE_ROWS[7] = [
    *SAMPLE_ROWS[6],
    "INSERT INTO notes (id, created_at, updated_at, student_id, body, audience, conversation_id,"
    " experience_id, competence, kind) VALUES ('00000000-0000-4000-8000-0000000000b1', :stamp,"
    " :stamp, '00000000-0000-4000-8000-000000000001', 'Ik durf nu meer.', 'ouders',"
    " '00000000-0000-4000-8000-000000000031', NULL, NULL, 'algemeen')",
    "INSERT INTO notes (id, created_at, updated_at, student_id, body, audience, conversation_id,"
    " experience_id, competence, kind) VALUES ('00000000-0000-4000-8000-0000000000b2', :stamp,"
    " :stamp, '00000000-0000-4000-8000-000000000001', 'rooster, feedback', 'prive_coach',"
    " '00000000-0000-4000-8000-000000000031', NULL, NULL, 'tijdens_gesprek')",
]

SAMPLE_ROWS[8] = [
    *SAMPLE_ROWS[7],
    "INSERT INTO conversations (id, created_at, updated_at, student_id, kind, date, state, place,"
    " topic, summary, focus_competences, next_appointment, closed_at, edited_after_close_at,"
    " questions, time, next_appointment_time, next_appointment_place, read_back_at) VALUES"
    " ('00000000-0000-4000-8000-0000000000c1', :stamp, :stamp,"
    " '00000000-0000-4000-8000-000000000001', 'trialoog', '2026-01-20', 'voorbereid',"
    " 'Zorgcentrum De Linde', '', '', '[]', NULL, NULL, NULL, '[]', '14:30', NULL, '', NULL)",
    "INSERT INTO closing_drafts (conversation_id, body, saved_at) VALUES"
    " ('00000000-0000-4000-8000-0000000000c1', '{}', :stamp)",
]

_DRAFT_V9 = (
    '{"summary": {"text": "Samen naar de open dag.", "readers": ["ouders"]}, "insights": {},'
    ' "views": {}, "agreements": [{"id": "00000000-0000-4000-8000-0000000000e4",'
    ' "created_at": "2026-02-02T10:00:00+00:00", "updated_at": "2026-02-02T10:00:00+00:00",'
    ' "student_id": "00000000-0000-4000-8000-000000000001", "description": "Open dag bezoeken",'
    ' "owner": "ouder", "owner_name": "de ouders", "due_date": null, "status": "open",'
    ' "outcome": "", "conversation_id": "00000000-0000-4000-8000-0000000000d1",'
    ' "audience": "prive_coach"}], "goals": [], "next_appointment": null, "next_time": null,'
    ' "next_place": "", "private_note": "ouder", "share_with_parents": true,'
    ' "share_with_trainer": false, "read_back": false}'
)

SAMPLE_ROWS[9] = [
    *SAMPLE_ROWS[8],
    # The words version 10 renames: a parent ("ouder") in every role, private texts.
    "INSERT INTO contacts (id, created_at, updated_at, student_id, role, name, company, email,"
    " phone) VALUES ('00000000-0000-4000-8000-000000000012', :stamp, :stamp,"
    " '00000000-0000-4000-8000-000000000001', 'ouder', 'Annelies van der Meer', '', '',"
    " '06-12345678')",
    "INSERT INTO consents (id, created_at, updated_at, student_id, subject, recipient, granted,"
    " given_by, date, basis, conversation_id) VALUES ('00000000-0000-4000-8000-000000000022',"
    " :stamp, :stamp, '00000000-0000-4000-8000-000000000001', 'overdracht', 'coach', 1,"
    " 'ouder', '2026-01-10', '', NULL)",
    "INSERT INTO conversations (id, created_at, updated_at, student_id, kind, date, state, place,"
    " topic, summary, focus_competences, next_appointment, closed_at, edited_after_close_at,"
    " questions, time, next_appointment_time, next_appointment_place, read_back_at) VALUES"
    " ('00000000-0000-4000-8000-0000000000d1', :stamp, :stamp,"
    " '00000000-0000-4000-8000-000000000001', 'oudergesprek', '2026-02-02', 'gevoerd',"
    " 'School', '', '', '[]', NULL, NULL, NULL, '[]', '16:00', NULL, '', NULL)",
    "INSERT INTO participants (id, created_at, updated_at, conversation_id, role, name,"
    " contact_id) VALUES ('00000000-0000-4000-8000-0000000000e1', :stamp, :stamp,"
    " '00000000-0000-4000-8000-0000000000d1', 'ouder', 'Annelies van der Meer',"
    " '00000000-0000-4000-8000-000000000012')",
    "INSERT INTO agreements (id, created_at, updated_at, student_id, description, owner,"
    " due_date, status, outcome, conversation_id, audience, owner_name) VALUES"
    " ('00000000-0000-4000-8000-0000000000e2', :stamp, :stamp,"
    " '00000000-0000-4000-8000-000000000001', 'Rooster doorspreken', 'ouder', NULL, 'open', '',"
    " '00000000-0000-4000-8000-0000000000d1', 'prive_coach', 'Annelies')",
    "INSERT INTO goals (id, created_at, updated_at, student_id, description, competence,"
    " target_date, status, conversation_id, audience) VALUES"
    " ('00000000-0000-4000-8000-0000000000e3', :stamp, :stamp,"
    " '00000000-0000-4000-8000-000000000001', 'Minder verzuim', NULL, NULL, 'actief', NULL,"
    " 'prive_coach')",
    "INSERT INTO scan_forms (id, created_at, updated_at, student_id, rater, moment,"
    " store_fingerprint) VALUES ('00000000-0000-4000-8000-0000000000e5', :stamp, :stamp,"
    " '00000000-0000-4000-8000-000000000001', 'praktijkopleider', '2026-02-01', 'abc123')",
    "INSERT INTO closing_drafts (conversation_id, body, saved_at) VALUES"
    f" ('00000000-0000-4000-8000-0000000000d1', '{_DRAFT_V9}', :stamp)",
]

# Version 10 has one word per person: the same rows as version 9, in its words.
SAMPLE_ROWS[10] = [
    statement.replace("'ouder'", "'ouders'")
    .replace("'prive_coach'", "'coach'")
    .replace('"owner": "ouder"', '"owner": "ouders"')
    .replace('"audience": "prive_coach"', '"audience": "coach"')
    for statement in SAMPLE_ROWS[9]
]


if __name__ == "__main__":
    print(make_fixture(int(sys.argv[1])))
