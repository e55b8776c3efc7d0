"""Translations through GNU gettext, Dutch by default, Qt-free so services and exports share them.

Message ids are English; ``resources/locale/<lang>/LC_MESSAGES/coachdesk.po`` holds the
translations. The catalogue is read from the ``.po`` file with Babel at start-up, so a
stale compiled ``.mo`` can never disagree with the source.
"""

from __future__ import annotations

import gettext
import io
from functools import cache

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from coachdesk.paths import resource_path

DOMAIN = "coachdesk"
DEFAULT_LANGUAGE = "nl"
LANGUAGES = ("nl", "en")

_active: gettext.NullTranslations | None = None
_language = DEFAULT_LANGUAGE


@cache
def _load(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    po_file = resource_path("locale", language, "LC_MESSAGES", f"{DOMAIN}.po")
    with po_file.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


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
