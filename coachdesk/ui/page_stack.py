"""The screens behind the navigation, scrolling as a whole only when the window is too small.

A screen that needs more height than a small laptop has (1024×600, or 768 high at 125 %) is
not squeezed until its parts overlap: the page scrolls instead. Only the screen shown counts,
so a short screen never scrolls because a taller one exists behind it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget


class PageStack(QStackedWidget):
    """A stacked widget that asks for the room of its current screen only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return page.minimumSizeHint().expandedTo(page.minimumSize())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        page = self.currentWidget()
        return page is not None and page.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        page = self.currentWidget()
        return page.heightForWidth(width) if page is not None else -1

    def in_scroll_area(self) -> QScrollArea:
        """Return a frameless scroll area holding the stack, filling it whenever there is room."""
        area = QScrollArea(self.parentWidget())
        area.setObjectName("pageScroller")
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setWidget(self)
        return area
