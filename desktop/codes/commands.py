"""Undo commands for the codebook: add, edit, move, merge, delete.

Each command changes the store on ``redo`` and puts it back exactly on
``undo``, then calls ``ctx.notify("codes")`` (and ``"codings"`` when codings
changed). Push them on ``ctx.undo_stack``; pushing runs ``redo``.

Check what can fail (empty name, moving under itself, merging a code with
itself) before pushing: Qt calls ``redo`` and cannot pass an error back.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from codebook.models import Code


class _CodeCommand(QUndoCommand):
    def __init__(self, ctx, text: str):
        super().__init__(text)
        self.ctx = ctx
        self.codes = ctx.study.codes
        self.codings = ctx.study.codings

    def _done(self, codings_changed: bool = False) -> None:
        self.ctx.notify(*(("codes", "codings") if codings_changed else ("codes",)))  # once: views refresh once


class AddCode(_CodeCommand):
    """Add a category or a code; ``code_id`` is known after the first redo."""

    def __init__(self, ctx, name: str, parent_id: int | None = None, *, kind: str = "code",
                 description: str = "", color: str | None = None):
        text = (QCoreApplication.translate("CodeCommands", "Add category “%1”") if kind == "category"
                else QCoreApplication.translate("CodeCommands", "Add code “%1”"))
        super().__init__(ctx, text.replace("%1", name))
        self.args = dict(name=name, parent_id=parent_id, kind=kind, description=description, color=color)
        self.code: Code | None = None

    @property
    def code_id(self) -> int | None:
        return self.code.id if self.code else None

    def redo(self) -> None:
        if self.code is None:
            a = self.args
            self.code = self.codes.add(a["name"], a["parent_id"], kind=a["kind"], description=a["description"],
                                       color=a["color"])
        else:
            self.codes.restore([self.code])
        self._done()

    def undo(self) -> None:
        self.codes.remove(self.code.id)
        self._done()


class EditCode(_CodeCommand):
    """Change a code's name, description or colour (those given)."""

    def __init__(self, ctx, code_id: int, *, name: str | None = None, description: str | None = None,
                 color: str | None = None):
        old = ctx.study.codes.get(code_id)
        if name is not None:
            label = QCoreApplication.translate("CodeCommands", "Rename “%1”")
        elif color is not None:
            label = QCoreApplication.translate("CodeCommands", "Change the colour of “%1”")
        else:
            label = QCoreApplication.translate("CodeCommands", "Describe “%1”")
        super().__init__(ctx, label.replace("%1", old.name))
        self.code_id = code_id
        self.new = {k: v for k, v in dict(name=name, description=description, color=color).items() if v is not None}
        self.old = {k: getattr(old, k) for k in self.new}

    def redo(self) -> None:
        self.codes.update(self.code_id, **self.new)
        self._done()

    def undo(self) -> None:
        self.codes.update(self.code_id, **self.old)
        self._done()


class MoveCode(_CodeCommand):
    """Move a code (with what lies under it) under another parent, at a position among its siblings."""

    def __init__(self, ctx, code_id: int, parent_id: int | None, position: int | None = None):
        code = ctx.study.codes.get(code_id)
        super().__init__(ctx, QCoreApplication.translate("CodeCommands", "Move “%1”").replace("%1", code.name))
        self.code_id, self.parent_id, self.position = code_id, parent_id, position
        self.old_parent = code.parent_id
        self.old_position = [c.id for c in ctx.study.codes.children(code.parent_id)].index(code_id)

    def redo(self) -> None:
        self.codes.move(self.code_id, self.parent_id, self.position)
        self._done()

    def undo(self) -> None:
        self.codes.move(self.code_id, self.old_parent, self.old_position)
        self._done()


class MergeCodes(_CodeCommand):
    """Merge ``source`` into ``target``: its codings and sub-codes move to the target; it goes."""

    def __init__(self, ctx, source_id: int, target_id: int):
        codes = ctx.study.codes
        self.source = codes.get(source_id)
        target = codes.get(target_id)
        text = QCoreApplication.translate("CodeCommands", "Merge “%1” into “%2”")
        super().__init__(ctx, text.replace("%1", self.source.name).replace("%2", target.name))
        self.target_id = target_id
        self.children = [c.id for c in codes.children(source_id)]
        self.moved = ctx.study.codings.list(code_id=source_id)

    def redo(self) -> None:
        self.codes.merge(self.source.id, self.target_id)
        self._done(codings_changed=True)

    def undo(self) -> None:
        with self.ctx.study.atomic():
            self.codes.restore([self.source])
            for position, child in enumerate(self.children):
                self.codes.move(child, self.source.id, position)
            self.codings.restore(self.moved)
        self._done(codings_changed=True)


class DeleteCode(_CodeCommand):
    """Delete a code or category with everything under it and all their codings."""

    def __init__(self, ctx, code_id: int):
        codes = ctx.study.codes
        code = codes.get(code_id)
        super().__init__(ctx, QCoreApplication.translate("CodeCommands", "Delete “%1”").replace("%1", code.name))
        self.code_id = code_id
        self.saved = [code] + codes.descendants(code_id)  # parents before children
        self.saved_codings = [c for k in self.saved for c in ctx.study.codings.list(code_id=k.id)]

    def redo(self) -> None:
        self.codes.remove(self.code_id)
        self._done(codings_changed=bool(self.saved_codings))

    def undo(self) -> None:
        with self.ctx.study.atomic():
            self.codes.restore(self.saved)
            self.codings.restore(self.saved_codings)
        self._done(codings_changed=bool(self.saved_codings))
