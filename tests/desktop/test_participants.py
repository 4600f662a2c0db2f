"""The participant dialog in the window: a change is one undo step, shown in the referral tree;
a pseudonym already in use is refused with a sentence and nothing changes."""
from __future__ import annotations


def names_in(view) -> list[str]:
    out = []

    def walk(item):
        for r in range(item.rowCount()):
            out.append(item.child(r, 0).text())
            walk(item.child(r, 0))
    walk(view.model.invisibleRootItem())
    return sorted(out)


def test_editing_a_participant_is_one_undo_step(ctx, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.study.participants import ParticipantDialog, ParticipantsView

    ps = ctx.study.participants
    view = ParticipantsView(ctx)
    qtbot.addWidget(view)
    p, other = ps.list()[1], ps.list()[2]
    before = (p.pseudonym, p.referred_by, p.notes, ps.attributes_of(p.id))
    dialog = ParticipantDialog(ctx.study, p, ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.pseudonym.setText("کتابدار ارشد")
    first = next(iter(dialog.attributes))
    dialog.attributes[first].setText("مقدار تازه")
    dialog.new_attr_name.setText("سابقه")
    dialog.new_attr_value.setText("۱۲ سال")
    dialog.notes.setPlainText("یادداشت")
    dialog.accept()
    changed = ps.get(p.id)
    assert changed.pseudonym == "کتابدار ارشد" and ps.attributes_of(p.id)[first] == "مقدار تازه"
    assert ps.attributes_of(p.id)["سابقه"] == "۱۲ سال" and "کتابدار ارشد" in names_in(view)
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    back = ps.get(p.id)
    assert (back.pseudonym, back.referred_by, back.notes, ps.attributes_of(p.id)) == before
    assert p.pseudonym in names_in(view) and "کتابدار ارشد" not in names_in(view)
    ctx.undo_stack.redo()
    assert ps.get(p.id).pseudonym == "کتابدار ارشد"
    # a pseudonym in use: refused with a sentence, nothing written, nothing pushed
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    again = ParticipantDialog(ctx.study, ps.get(p.id), ctx=ctx)
    qtbot.addWidget(again)
    again.pseudonym.setText(other.pseudonym)
    again.accept()
    assert warned and other.pseudonym in warned[0]
    assert ps.get(p.id).pseudonym == "کتابدار ارشد" and ctx.undo_stack.count() == 1
