"""Render the SVG app icon to PNG (Linux .desktop) and ICO (Windows) for the bundle."""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ROOT / "resources" / "icons" / "coachdesk.svg")).render(painter)
    painter.end()
    return image


if __name__ == "__main__":
    target = Path(sys.argv[1])
    app = QGuiApplication([])
    render(256).save(str(target / "coachdesk.png"))
    render(256).save(str(target / "coachdesk.ico"))
