"""A calm, readable look: Fusion style, soft colours, generous type; light or dark like the OS."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 11


@dataclass(frozen=True)
class Colours:
    """One set of colours for the whole interface."""

    window: str
    base: str
    alternate: str
    text: str
    muted: str
    accent: str
    accent_text: str
    navigation: str
    banner: str
    banner_border: str
    title: str
    problem: str


LIGHT = Colours(
    window="#f7f9f9",
    base="#ffffff",
    alternate="#f1f5f5",
    text="#1d2b2c",
    muted="#4a5a5b",
    accent="#2f6f73",
    accent_text="#ffffff",
    navigation="#eef3f3",
    banner="#fdf3d8",
    banner_border="#e6cf8b",
    title="#1f3b3d",
    problem="#a32d1f",
)
DARK = Colours(
    window="#1e2526",
    base="#161b1c",
    alternate="#20292a",
    text="#e6eeee",
    muted="#a9b8b9",
    accent="#4f9ea3",
    accent_text="#0e1415",
    navigation="#242d2e",
    banner="#4a3f1f",
    banner_border="#6b5a28",
    title="#d7ecec",
    problem="#ff8f80",
)


def style_sheet(c: Colours) -> str:
    """Return the application style sheet for a colour set."""
    return f"""
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
QWidget#togetherForm QLabel, QWidget#togetherForm QLineEdit, QWidget#togetherForm QPlainTextEdit,
QWidget#togetherForm QComboBox, QWidget#togetherForm QCheckBox,
QWidget#togetherForm QPushButton {{ font-size: 13pt; }}
QWidget#togetherForm QLabel[role="hint"] {{ font-size: 12pt; }}
QLabel[role="sideHeading"] {{ font-weight: 600; color: {c.title}; }}
QLabel[role="partHeading"] {{ font-size: 15pt; font-weight: 600; color: {c.title}; }}
QLabel[role="sentence"] {{ color: {c.accent}; font-size: 12pt; }}
QTextBrowser#keywordsPanel {{ background: {c.alternate}; border: none; font-size: 12pt; }}
QTextBrowser#readBackText {{ background: {c.base}; border: none; font-size: 17pt; }}
QPushButton[role="primary"] {{
    background: {c.accent}; color: {c.accent_text}; border: none; border-radius: 6px;
    padding: 8px 18px;
}}
"""


def is_dark(app: QApplication) -> bool:
    """Return whether the operating system asks for a dark appearance."""
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, *, dark: bool | None = None) -> None:
    """Give the whole application its look, following the OS font size and light/dark mode."""
    app.setStyle("Fusion")
    font = QFont(app.font())
    if font.pointSize() < BASE_POINT_SIZE:
        font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    colours = DARK if (is_dark(app) if dark is None else dark) else LIGHT
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
    app.setPalette(palette)
    app.setStyleSheet(style_sheet(colours))
