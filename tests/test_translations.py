"""Every message the code can show has a Dutch translation with the same placeholders."""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from coachdesk.i18n import _, compile_catalogue, load_catalogue, set_language

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{\w*\}|%\(\w+\)[sdr]|%[sdr]")


def _source_messages() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "coachdesk"), keywords=KEYWORDS
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def _dutch_catalogue() -> dict[str, object]:
    path = ROOT / "resources" / "locale" / "nl" / "LC_MESSAGES" / "coachdesk.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale="nl")
    return {
        (m.id if isinstance(m.id, str) else m.id[0]): m for m in catalogue if m.id and not m.fuzzy
    }


def test_every_message_has_a_dutch_translation() -> None:
    catalogue = _dutch_catalogue()
    missing = []
    for message in sorted(_source_messages()):
        entry = catalogue.get(message)
        strings = () if entry is None else entry.string  # type: ignore[attr-defined]
        strings = (strings,) if isinstance(strings, str) else strings
        if not strings or not all(strings):
            missing.append(message)
    assert missing == [], "run scripts/update_translations.sh and translate these"


def test_translations_keep_every_placeholder() -> None:
    for message, entry in _dutch_catalogue().items():
        strings = entry.string  # type: ignore[attr-defined]
        for translated in (strings,) if isinstance(strings, str) else strings:
            assert sorted(PLACEHOLDER.findall(translated)) == sorted(
                PLACEHOLDER.findall(message)
            ), message


def test_switching_language_switches_messages() -> None:
    set_language("en")
    assert _("My students") == "My students"
    set_language("nl")
    assert _("My students") == "Mijn studenten"


def test_a_current_compiled_catalogue_is_used_and_a_stale_one_never(tmp_path: Path) -> None:
    source = ROOT / "resources" / "locale" / "nl" / "LC_MESSAGES" / "coachdesk.po"
    po_file = tmp_path / "coachdesk.po"
    po_file.write_bytes(source.read_bytes())
    po_file.with_suffix(".mo").write_bytes(compile_catalogue(po_file, "nl"))
    assert load_catalogue(po_file, "nl").gettext("Name") == "Naam"

    po_file.write_bytes(source.read_bytes().replace(b'msgstr "Naam"', b'msgstr "Naam (nieuw)"'))
    os.utime(po_file.with_suffix(".mo"), ns=(0, 0))  # the source was edited after compiling
    assert load_catalogue(po_file, "nl").gettext("Name") == "Naam (nieuw)"


def test_the_shipped_compiled_catalogue_matches_its_source() -> None:
    po_file = ROOT / "resources" / "locale" / "nl" / "LC_MESSAGES" / "coachdesk.po"
    mo_file = po_file.with_suffix(".mo")
    if mo_file.is_file() and mo_file.stat().st_mtime_ns >= po_file.stat().st_mtime_ns:
        assert mo_file.read_bytes() == compile_catalogue(po_file, "nl")


def test_every_translated_literal_in_the_code_reaches_the_catalogue() -> None:
    """A call the extractor cannot see (e.g. inside an f-string) would stay English forever."""
    called = set()
    for path in (ROOT / "coachdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in KEYWORDS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                called.add(node.args[0].value)
    assert called - _source_messages() == set()
