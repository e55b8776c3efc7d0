"""Qt's own dialogs and widgets (file dialog, message box buttons, calendar) in the UI language.

Qt 6 gave some file-dialog labels an accelerator ("&Look in:", "Files of &type:"), but the Dutch
catalogue it ships (``qtbase_nl.qm``) still only knows the older "Look in:" and "Files of type:".
Such a label stayed English in the Dutch interface. The translator below looks a label up as
Qt asks for it, and otherwise under its wording without the ``&``, putting the accelerator back
into the Dutch text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from coachdesk.i18n import language, locale_name


class QtBaseTranslator(QTranslator):
    """Qt's catalogue for one language, also for labels Qt has since given an accelerator."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        found = super().translate(context, source, disambiguation, n) or ""
        if found or "&" not in source:
            return found
        plain = super().translate(context, source.replace("&", ""), disambiguation, n)
        return with_accelerator(plain, source) if plain else found


def with_accelerator(translation: str, source: str) -> str:
    """Return ``translation`` with an ``&`` like ``source`` has, on a word's first letter.

    The letter marked in the source is kept where a word of the translation starts with it
    ("Files of &type:" → "Bestanden van &type:"); otherwise the first letter is marked.
    """
    marked = source[source.index("&") + 1 : source.index("&") + 2].casefold()
    words = [
        i
        for i, char in enumerate(translation)
        if char.isalpha() and (i == 0 or translation[i - 1] == " ")
    ]
    at = next((i for i in words if translation[i].casefold() == marked), words[0] if words else 0)
    return translation[:at] + "&" + translation[at:]


def install_qt_translations(app: QCoreApplication) -> QtBaseTranslator | None:
    """Make Qt's own texts, dates and calendars follow the UI language; return the translator.

    English needs no catalogue; the default locale still changes, so a calendar says
    "November" and weeks start on Monday, as in the Dutch interface.
    """
    QLocale.setDefault(QLocale(locale_name()))
    if language() == "en":
        return None
    translator = QtBaseTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QLocale(language()), "qtbase", "_", folder):
        return None
    app.installTranslator(translator)
    return translator
