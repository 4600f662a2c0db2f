"""Views that refresh only when someone can see them.

A view mixes in :class:`LazyView`, decides in ``wants(change)`` whether a
:class:`desktop.context.Change` concerns what it shows, and implements
``refresh()``. A change it wants refreshes it at once when visible; a hidden
view (another tab) only remembers it is stale and refreshes when shown. So an
edit in the transcript costs nothing in the tables, retrieval or saturation
tabs, however large the study.
"""
from __future__ import annotations


class LazyView:
    """Mix into a QWidget before it (``class V(LazyView, QWidget)``); call ``_lazy_init(ctx)`` in __init__."""

    def _lazy_init(self, ctx) -> None:
        self._stale = True
        ctx.changes.connect(self._lazy_changed)

    def wants(self, change) -> bool:  # pragma: no cover - every view says
        return True

    def _lazy_changed(self, change) -> None:
        if self.wants(change):
            self.mark_stale()

    def mark_stale(self) -> None:
        """The view's content is out of date: refresh now if it can be seen, else when shown."""
        self._stale = True
        if self.isVisible():
            self._refresh_stale()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh_stale()

    def _refresh_stale(self) -> None:
        self._stale = False
        self.refresh()
