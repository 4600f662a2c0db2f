"""Icons for the app's actions and buttons, from Material Design Icons (Apache 2.0) as shipped by
QtAwesome (MIT), drawn from its bundled font, so nothing is fetched and every size is sharp; and a
toolbar that puts each action's text beside its icon where the window is wide enough, icons alone
(names in the tooltips) where it is not.

>>> ICONS["play"]
'mdi6.play'
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QToolBar

# What each action shows: one place, so the same action looks the same in a menu, a toolbar and a button.
ICONS = {
    "play": "mdi6.play", "pause": "mdi6.pause", "back": "mdi6.rewind-5", "forward": "mdi6.fast-forward-5",
    "slower": "mdi6.speedometer-slow", "faster": "mdi6.speedometer",
    "next-unchecked": "mdi6.skip-next-circle-outline", "untranscribed": "mdi6.comment-question-outline", "checked": "mdi6.check-circle-outline",
    "bookmark": "mdi6.bookmark-plus-outline", "split": "mdi6.call-split", "merge": "mdi6.call-merge",
    "speaker": "mdi6.account-switch-outline", "times": "mdi6.clock-edit-outline",
    "in-vivo": "mdi6.format-quote-open", "memo": "mdi6.note-edit-outline", "find": "mdi6.find-replace",
    "new": "mdi6.plus", "edit": "mdi6.pencil-outline", "remove": "mdi6.delete-outline",
    "record": "mdi6.record-circle-outline", "import-audio": "mdi6.file-music-outline",
    "transcribe": "mdi6.text-recognition", "open-transcript": "mdi6.file-document-edit-outline",
    "add-participant": "mdi6.account-plus-outline", "edit-participant": "mdi6.account-edit-outline",
    "remove-participant": "mdi6.account-remove-outline", "export": "mdi6.file-export-outline",
    "import": "mdi6.file-import-outline", "settings": "mdi6.cog-outline", "backup": "mdi6.backup-restore", "guide": "mdi6.format-list-numbered",
    "open": "mdi6.folder-open-outline", "undo": "mdi6.undo", "redo": "mdi6.redo", "copy": "mdi6.content-copy",
    "waveform": "mdi6.waveform", "edge-start": "mdi6.ray-start-arrow", "edge-end": "mdi6.ray-end-arrow",
    # the codebook panel's buttons (icons alone where the panel is narrow)
    "new-category": "mdi6.folder-plus-outline", "new-code": "mdi6.tag-plus-outline", "rename": "mdi6.rename-outline",
    "colour": "mdi6.palette-outline", "merge-codes": "mdi6.set-merge", "apply-codes": "mdi6.tag-check-outline",
    "up": "mdi6.arrow-up", "down": "mdi6.arrow-down", "question": "mdi6.comment-question-outline",
}


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    """The icon for an action named in :data:`ICONS` (an empty icon for an unknown name)."""
    import qtawesome

    spec = ICONS.get(name)
    return qtawesome.icon(spec, color="#37474f", color_disabled="#b0bec5") if spec else QIcon()


class AdaptiveToolBar(QToolBar):
    """A toolbar showing text beside each icon when all of them fit, icons alone when not."""

    GAP = 22  # px a tool button adds around its icon and text

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    def width_with_text(self) -> int:
        """How wide the toolbar would be with every visible action's text beside its icon."""
        metrics, icon_w = self.fontMetrics(), self.iconSize().width()
        total = 12
        for action in self.actions():
            if not action.isVisible():
                continue
            total += 8 if action.isSeparator() else (
                icon_w + metrics.horizontalAdvance(action.iconText()) + self.GAP)
        return total

    def fit(self) -> None:
        style = (Qt.ToolButtonStyle.ToolButtonTextBesideIcon if self.width_with_text() <= self.width()
                 else Qt.ToolButtonStyle.ToolButtonIconOnly)
        if style != self.toolButtonStyle():
            self.setToolButtonStyle(style)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event) -> None:  # a new language changes the texts' widths
        super().changeEvent(event)
        self.fit()
