"""A calm, readable look: Fusion style, soft colours, generous type."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 11
ACCENT = "#2f6f73"
BANNER_BACKGROUND = "#fdf3d8"
BANNER_BORDER = "#e6cf8b"

STYLE_SHEET = f"""
QListWidget#navigation {{
    background: #eef3f3; border: none; padding: 8px 0; font-size: 12pt; outline: 0;
}}
QListWidget#navigation::item {{ padding: 10px 18px; border-radius: 6px; margin: 2px 8px; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: white; }}
QFrame#demoBanner {{
    background: {BANNER_BACKGROUND}; border-bottom: 1px solid {BANNER_BORDER};
}}
QLabel[role="screenTitle"] {{ font-size: 18pt; font-weight: 600; color: #1f3b3d; }}
QLabel[role="hint"] {{ color: #4a5a5b; font-size: 11pt; }}
QPushButton[role="primary"] {{
    background: {ACCENT}; color: white; border: none; border-radius: 6px; padding: 8px 18px;
}}
QPushButton[role="primary"]:hover {{ background: #275d60; }}
"""


def apply_theme(app: QApplication) -> None:
    """Give the whole application its look."""
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f7f9f9"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f1f5f5"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET)
