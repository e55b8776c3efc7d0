"""Translations through GNU gettext, Dutch by default, Qt-free so services and exports share them.

Message ids are English; ``resources/locale/<lang>/LC_MESSAGES/coachdesk.po`` holds the
translations. Set-up and the build compile it with Babel into ``coachdesk.mo`` beside it, which
loads in a fraction of a millisecond; parsing the ``.po`` costs 10-20 ms at every start. A
``.mo`` older than its ``.po`` (the source was edited or merged since) is never used: the
``.po`` is parsed instead, so a stale catalogue can never disagree with the source.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from coachdesk.paths import resource_path

DOMAIN = "coachdesk"
DEFAULT_LANGUAGE = "nl"
LANGUAGES = ("nl", "en")
LOCALES = {"nl": "nl_NL", "en": "en_GB"}
"""Dates, numbers and Qt's own texts per language. British English: day before month, as the
Dutch schools and the typed dates ("18-12") the app reads have it."""

_active: gettext.NullTranslations | None = None
_language = DEFAULT_LANGUAGE


@cache
def _load(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    po_file = resource_path("locale", language, "LC_MESSAGES", f"{DOMAIN}.po")
    return load_catalogue(po_file, language)


def load_catalogue(po_file: Path, language: str) -> gettext.GNUTranslations:
    """Return the translations of ``po_file``, from its compiled ``.mo`` while that is current."""
    mo_file = po_file.with_suffix(".mo")
    try:
        current = mo_file.stat().st_mtime_ns >= po_file.stat().st_mtime_ns
    except FileNotFoundError:
        current = False
    if current:
        with mo_file.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    return gettext.GNUTranslations(io.BytesIO(compile_catalogue(po_file, language)))


def compile_catalogue(po_file: Path, language: str) -> bytes:
    """Return ``po_file`` compiled to ``.mo`` bytes (fuzzy entries left out, as by pybabel)."""
    from babel.messages.mofile import write_mo  # noqa: PLC0415 - only without a current .mo
    from babel.messages.pofile import read_po  # noqa: PLC0415

    with po_file.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def set_language(language: str) -> None:
    """Switch every later message to ``language`` (``nl`` or ``en``)."""
    global _active, _language  # noqa: PLW0603 - one process-wide language, like gettext itself
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language}")
    _active = _load(language)
    _language = language


def language() -> str:
    """Return the active language code."""
    return _language


def locale_name() -> str:
    """Return the locale (Babel and Qt) of the active language, e.g. ``nl_NL``."""
    return LOCALES[_language]


def every_translation(message: str) -> set[str]:
    """Return ``message`` in every language, to recognise words stored in another language."""
    return {_load(code).gettext(message) for code in LANGUAGES}


def _translations() -> gettext.NullTranslations:
    # Loaded on first use so that importing this module reads no files.
    return _active if _active is not None else _load(_language)


def _(message: str) -> str:
    """Translate a message into the active language."""
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message whose form depends on ``count``."""
    return _translations().ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """Mark a message for extraction; it is translated where it is shown."""
    return message
