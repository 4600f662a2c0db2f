"""Keeping windows and dialogs within the screen (a 1366×768 laptop is the most common screen in
Iran): a label that elides a long path instead of widening the window, the size a window first
opens at, and a dialog that grows (a long message appears) no wider than the screen lets it.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

# What a window frame (title bar, borders) takes beyond the client area, when the window system
# has not said yet (before the first show).
FRAME = QSize(16, 40)


def available(widget: QWidget | None = None) -> QRect:
    """The available area (without taskbar and panels) of the widget's screen, else the primary one."""
    screen = widget.screen() if widget is not None and widget.screen() is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def fit_window(window: QWidget, wanted: QSize) -> None:
    """Give ``window`` the ``wanted`` size, or as much of it as the available area holds with the
    window frame, and centre it there."""
    area = available(window)
    width = max(window.minimumSizeHint().width(), min(wanted.width(), area.width() - FRAME.width()))
    height = max(window.minimumSizeHint().height(), min(wanted.height(), area.height() - FRAME.height()))
    window.resize(width, height)
    frame = QRect(0, 0, width + FRAME.width(), height + FRAME.height())
    frame.moveCenter(area.center())
    window.move(max(area.left(), frame.left()), max(area.top(), frame.top()))


def cap_to_screen(widget: QWidget) -> None:
    """Never let ``widget`` (a dialog) grow past the available area: long texts in it wrap instead."""
    area = available(widget)
    widget.setMaximumSize(area.width() - FRAME.width(), area.height() - FRAME.height())


class ElidedLabel(QLabel):
    """A one-line label that shows as much of its text as fits, with "…" (a path in the status bar),
    the whole text in its tooltip; it never makes its window wider."""

    def __init__(self, text: str = "", parent: QWidget | None = None, mode=Qt.TextElideMode.ElideMiddle):
        super().__init__(parent)
        self._full, self._mode = "", mode
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)  # whole where it fits
        self.setMinimumWidth(40)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 8, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(40, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._full, self._mode, max(self.width(), 40)))
