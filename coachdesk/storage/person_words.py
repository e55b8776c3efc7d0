"""The words stored for people before schema 10, and the migration to one word per person.

Until schema 10 (and in version-1 handover dossiers) a parent was "ouder" as participant,
agreement owner, contact and consent party but "ouders" as reader, and a private text's
audience was "prive_coach". Both the migration and the dossier import map these words here,
written out because history never changes with the domain (see ``domain/people.py``).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

OLD_PERSON_WORDS = {"ouder": "ouders", "prive_coach": "coach"}
"""Each word stored before schema 10, and the word for the same person since."""


def current_word(value: Any) -> Any:
    """Return the word for a person since schema 10; anything else unchanged."""
    return OLD_PERSON_WORDS.get(value, value) if isinstance(value, str) else value


def _draft_with_current_words(body: str) -> str:
    """Return a closing draft (JSON, see services/closing.py) with the words of schema 10.

    A draft that is not the JSON expected is left exactly as it is: the close screen already
    explains an unreadable draft, and one odd draft must never stop the whole upgrade.
    """
    try:
        draft = json.loads(body)
        for row in [*(draft.get("agreements") or []), *(draft.get("goals") or [])]:
            for column in ("owner", "audience"):
                if column in row:
                    row[column] = current_word(row[column])
        parts = [draft.get("summary"), *(draft.get("insights") or {}).values()]
        for part in [*parts, *(draft.get("views") or {}).values()]:
            if isinstance(part, dict) and "readers" in part:
                part["readers"] = [current_word(reader) for reader in part["readers"]]
    except (ValueError, TypeError, AttributeError):
        return body
    return json.dumps(draft, ensure_ascii=False)


def one_word_per_person(conn: sqlite3.Connection) -> None:
    """Schema 10: one word per person in every table, and in the JSON of notes and drafts."""
    for table, column in (
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
    ):
        for old, new in OLD_PERSON_WORDS.items():
            conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", [new, old])
    for old, new in OLD_PERSON_WORDS.items():
        conn.execute(
            "UPDATE notes SET readers = replace(readers, ?, ?)",
            [json.dumps(old), json.dumps(new)],
        )
    drafts = conn.execute("SELECT conversation_id, body FROM closing_drafts").fetchall()
    for conversation_id, body in drafts:
        conn.execute(
            "UPDATE closing_drafts SET body = ? WHERE conversation_id = ?",
            [_draft_with_current_words(body), conversation_id],
        )
