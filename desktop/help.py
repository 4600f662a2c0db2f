"""The Persian user guide (``docs/fa/guide.md``), opened from the Help menu and read offline.

The guide is Markdown (it reads on the project's pages too); a :class:`QTextBrowser`
shows it from the local file with its screenshots, scaled to the window. Links
inside the guide move within it; nothing is ever fetched from the network (a web
address in the guide is not followed).
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "fa" / "guide.md"
IMAGE_WIDTH = 640  # the screenshots are 1366 pixels wide: shown at this width, their shape kept


class GuideWindow(QDialog):
    """The user guide in a window of its own (not modal: the app stays usable beside it)."""

    def __init__(self, parent: QWidget | None = None, path: Path = GUIDE):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.setModal(False)
        self.resize(820, 700)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # links are handled below: within the guide only, never online
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self.follow)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.path = path
        self.browser.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)
        self._fit_images()

    def _fit_images(self) -> None:
        doc = self.browser.document()
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    image = QTextImageFormat(fmt.toImageFormat())
                    picture = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(image.name()))
                    width = picture.width() if hasattr(picture, "width") else 0
                    if width <= IMAGE_WIDTH:  # small ones at their own size, never blown up
                        it += 1
                        continue
                    image.setWidth(IMAGE_WIDTH)
                    cursor = QTextCursor(doc)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(image)
                it += 1
            block = block.next()

    def follow(self, url: QUrl) -> None:
        """A link in the guide: a heading of the guide (``#…``) is scrolled to; anything else stays unopened."""
        if url.scheme() not in ("", "file") or (url.path() and Path(url.toLocalFile() or url.path()).name
                                                 not in ("", self.path.name)):
            return
        wanted = slug(url.fragment())
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and slug(block.text()) == wanted:
                self.browser.scrollToAnchor("")  # leave any earlier anchor
                cursor = QTextCursor(block)
                self.browser.setTextCursor(cursor)
                bar = self.browser.verticalScrollBar()
                bar.setValue(int(self.browser.document().documentLayout().blockBoundingRect(block).top()))
                return
            block = block.next()


def slug(heading: str) -> str:
    """A heading as its link names it (the GitHub way: punctuation dropped, spaces as hyphens); a
    ZWNJ is dropped too, so a link written with or without it finds the heading."""
    text = heading.replace("\u200c", "").strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def show_guide(parent: QWidget | None = None) -> GuideWindow:
    """Open the guide (returns the window, kept alive by the app)."""
    from desktop.app import keep

    window = GuideWindow(parent)
    keep(window)
    window.show()
    return window
