"""A calm, readable look: Fusion style, soft colours, generous type; light or dark like the OS.

Every colour of the interface is named here, once per theme; widgets take them from the style
sheet below (by object name, role or state) or, when they paint, from ``colours()``.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:  # not at run time before the first frame: see ``is_dark``
    from PySide6.QtCore import Qt

BASE_POINT_SIZE = 11
STYLE = "fusion"
STYLED_AT_START = "coachdeskStyledAtStart"
"""Set on an application created by ``application()``: its style needs no ``setStyle``."""


class Colours(NamedTuple):
    """One set of colours for the whole interface (a named tuple: loading ``dataclasses`` before
    the first frame costs some 3 ms)."""

    window: str
    base: str
    alternate: str
    text: str
    muted: str
    disabled: str
    """Text of a control that cannot be used yet: lighter than ``muted``, still legible."""
    accent: str
    accent_text: str
    navigation: str
    banner: str
    banner_border: str
    title: str
    problem: str
    fair: str
    good: str
    calm_background: str
    calm_field: str
    calm_border: str
    answer_border: str
    answer_checked: str
    grid: str
    rater_student: str
    rater_coach: str
    rater_trainer: str


LIGHT = Colours(
    window="#f7f9f9",
    base="#ffffff",
    alternate="#f1f5f5",
    text="#1d2b2c",
    muted="#4a5a5b",
    disabled="#8d9b9c",
    accent="#2f6f73",
    accent_text="#ffffff",
    navigation="#eef3f3",
    banner="#fdf3d8",
    banner_border="#e6cf8b",
    title="#1f3b3d",
    problem="#a32d1f",
    fair="#7a5000",
    good="#2f6f4f",
    calm_background="#f4f1ea",
    calm_field="#fffdf8",
    calm_border="#d9d2c3",
    answer_border="#c9c1b0",
    answer_checked="#e3efef",
    grid="#cfd8d8",
    rater_student="#2f6f73",
    rater_coach="#6b4f9e",
    rater_trainer="#b06a1c",
)
DARK = Colours(
    window="#1e2526",
    base="#161b1c",
    alternate="#20292a",
    text="#e6eeee",
    muted="#a9b8b9",
    disabled="#6c7b7c",
    accent="#4f9ea3",
    accent_text="#0e1415",
    navigation="#242d2e",
    banner="#4a3f1f",
    banner_border="#6b5a28",
    title="#d7ecec",
    problem="#ff8f80",
    fair="#e8c26a",
    good="#8fd6a8",
    calm_background="#1a2021",
    calm_field="#232b2c",
    calm_border="#3d4849",
    answer_border="#4a5657",
    answer_checked="#24403f",
    grid="#3a4647",
    rater_student="#5fb8bd",
    rater_coach="#b59ce3",
    rater_trainer="#e3a45a",
)
_active = LIGHT


def colours() -> Colours:
    """Return the colours of the theme in use, for widgets that paint themselves."""
    return _active


def _faint(colour: str) -> str:
    """Return ``colour`` (``#rrggbb``) at a fifth of its strength: a line of text still to come."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, 56)"


def style_sheet(c: Colours) -> str:
    """Return the application style sheet for a colour set."""
    return f"""
QFrame#outlineBanner {{ background: {c.banner}; border-bottom: 1px solid {c.banner_border}; }}
QFrame#outlineNavigation {{ background: {c.navigation}; }}
QFrame#outlineChosen {{ background: {c.accent}; border-radius: 6px; }}
QFrame#outlineChosenLine {{ background: {_faint(c.accent_text)}; border-radius: 5px; }}
QFrame#outlineLine {{ background: {_faint(c.muted)}; border-radius: 5px; }}
QFrame#outlineField {{ background: {c.base}; border: 1px solid {c.grid}; }}
QFrame#outlineHeader {{ background: {c.alternate}; }}
QListWidget#navigation {{
    background: {c.navigation}; border: none; padding: 8px 0; font-size: 12pt; outline: 0;
}}
QListWidget#navigation::item {{ padding: 10px 18px; border-radius: 6px; margin: 2px 8px; }}
QListWidget#navigation::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
QFrame#demoBanner, QFrame#readOnlyBanner {{
    background: {c.banner}; border-bottom: 1px solid {c.banner_border};
}}
QFrame#erasureReminder {{
    background: {c.banner}; border: 1px solid {c.banner_border}; border-radius: 6px;
}}
QLabel[role="screenTitle"] {{ font-size: 18pt; font-weight: 600; color: {c.title}; }}
QLabel[role="hint"] {{ color: {c.muted}; font-size: 11pt; }}
QLabel[state="problem"] {{ color: {c.problem}; }}
QLabel[state="fair"] {{ color: {c.fair}; }}
QLabel[state="good"] {{ color: {c.good}; }}
QLabel[role="notice"] {{
    background: {c.banner}; border: 1px solid {c.banner_border}; padding: 6px; border-radius: 4px;
}}
QLabel[role="context"] {{ color: {c.muted}; }}
QWidget#togetherForm QLabel, QWidget#togetherForm QLineEdit, QWidget#togetherForm QPlainTextEdit,
QWidget#togetherForm QComboBox, QWidget#togetherForm QCheckBox,
QWidget#togetherForm QPushButton {{ font-size: 13pt; }}
QWidget#togetherForm QLabel[role="hint"] {{ font-size: 12pt; }}
QLabel[role="sideHeading"] {{ font-weight: 600; color: {c.title}; }}
QLabel[role="partHeading"] {{ font-size: 15pt; font-weight: 600; color: {c.title}; }}
QLabel[role="sentence"] {{ color: {c.accent}; font-size: 12pt; }}
QTextBrowser#keywordsPanel {{ background: {c.alternate}; border: none; font-size: 12pt; }}
QTextBrowser#readBackText {{ background: {c.base}; border: none; font-size: 17pt; }}
QWidget#calmView, QWidget#scanEntry {{ background: {c.calm_background}; }}
QLabel#calmName {{ color: {c.accent}; font-size: 30pt; font-weight: 600; }}
QLabel#calmQuestion {{ color: {c.text}; font-size: 34pt; }}
QLabel#calmCounter, QLabel#calmClock, QLabel#calmHint {{ color: {c.muted}; font-size: 13pt; }}
QPlainTextEdit#calmNotes {{
    background: {c.calm_field}; color: {c.text}; border: 1px solid {c.calm_border};
    border-radius: 8px; font-size: 15pt;
}}
QLabel#scanTitle {{ color: {c.accent}; font-size: 24pt; font-weight: 600; }}
QLabel#scanStatement {{ color: {c.text}; font-size: 30pt; }}
QLabel#scanProgress, QLabel#scanHint {{ color: {c.muted}; font-size: 13pt; }}
QPushButton[role="answer"] {{
    font-size: 18pt; padding: 18px 26px; border-radius: 10px; background: {c.calm_field};
    color: {c.text}; border: 2px solid {c.answer_border};
}}
QPushButton[role="answer"]:checked {{ border-color: {c.accent}; background: {c.answer_checked}; }}
QPushButton[role="primary"] {{
    background: {c.accent}; color: {c.accent_text}; border: none; border-radius: 6px;
    padding: 8px 18px;
}}
"""


DARK_BELOW_LIGHTNESS = 128
"""A window colour darker than this (0-255) is a dark desktop."""


def is_dark(app: QApplication) -> bool:
    """Return whether the desktop is dark, read from its palette (dark mode gives a dark one).

    Not from ``styleHints().colorScheme()``: its enum makes PySide6 build the whole ``Qt``
    namespace, some 20 ms before the first frame. Read over CoachDesk's own palette, it keeps
    the theme already chosen.
    """
    window = app.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < DARK_BELOW_LIGHTNESS


def follow_colour_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Where the desktop names its colour scheme, take the look that matches it.

    Some Linux desktops say dark without giving Qt a dark palette, which ``is_dark`` reads.
    Called once the app has loaded (the scheme's enum builds PySide6's ``Qt`` namespace): such
    a desktop sees the light first frame turn dark with the window.
    """
    from PySide6.QtCore import Qt  # noqa: PLC0415 - loaded by then; see the type hint above

    dark = {Qt.ColorScheme.Dark: True, Qt.ColorScheme.Light: False}.get(scheme)
    if dark is not None and dark != (_active is DARK):
        apply_theme(app, dark=dark)


def application() -> QApplication:
    """Return the running application, or start it in CoachDesk's style.

    The style is named at the start (``-style``), not set after: ``setStyle`` returns the new
    style, and wrapping it makes PySide6 build its ``QStyle`` class, some 5 ms of the first frame.
    """
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "coachdesk", "-style", STYLE])
        app.setProperty(STYLED_AT_START, True)
    assert isinstance(app, QApplication)
    return app


def apply_theme(app: QApplication, *, dark: bool | None = None) -> None:
    """Give the whole application its look, following the OS font size and light/dark mode."""
    if not app.property(STYLED_AT_START):
        app.setStyle(STYLE)
    font = QFont(app.font())
    if font.pointSize() < BASE_POINT_SIZE:
        font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    global _active  # noqa: PLW0603 - one look for the whole application, like its palette
    colours = DARK if (is_dark(app) if dark is None else dark) else LIGHT
    _active = colours
    palette = app.palette()
    for role, value in (
        (QPalette.ColorRole.Window, colours.window),
        (QPalette.ColorRole.Base, colours.base),
        (QPalette.ColorRole.AlternateBase, colours.alternate),
        (QPalette.ColorRole.Text, colours.text),
        (QPalette.ColorRole.WindowText, colours.text),
        (QPalette.ColorRole.ButtonText, colours.text),
        (QPalette.ColorRole.Button, colours.alternate),
        (QPalette.ColorRole.Highlight, colours.accent),
        (QPalette.ColorRole.HighlightedText, colours.accent_text),
        (QPalette.ColorRole.PlaceholderText, colours.muted),
    ):
        palette.setColor(role, QColor(value))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):  # set above for every state; a control that cannot be used must look so
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours.disabled))
    app.setPalette(palette)
    app.setStyleSheet(style_sheet(colours))
