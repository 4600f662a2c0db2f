"""The codebook panel on a real study: every change undoable, counts shown, drag-and-drop moves."""
import json

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt

from codebook.errors import StudyError
from desktop.codes.panel import MIME, CodebookPanel
from desktop.context import StudyContext


@pytest.fixture
def panel(qtbot, coded_study):
    ctx = StudyContext(coded_study)
    w = CodebookPanel(ctx)
    qtbot.addWidget(w)
    w.resize(420, 500)
    return w


def tree_names(panel):
    out = []

    def walk(parent, depth):
        for r in range(panel.model.rowCount(parent)):
            idx = panel.model.index(r, 0, parent)
            out.append(("  " * depth) + idx.data() + " " + panel.model.index(r, 1, parent).data())
            walk(idx, depth + 1)
    walk(QModelIndex(), 0)
    return out


def test_tree_shows_categories_codes_and_counts(panel):
    assert tree_names(panel) == ["خدمات 2", "  ارسال کتاب 1", "  خدمات آنلاین 1",
                                 "منابع 5", "  کمبود بودجه 3", "  نگرانی کارکنان 2", "سایر 0"]
    assert "7" in panel.summary.text()


def test_add_rename_describe_colour_undo(panel):
    ctx, study = panel.ctx, panel.ctx.study
    seen = []
    ctx.changed.connect(seen.append)
    cid = panel.add_code("کتاب‌خوانی آنلاین", panel.ctx.study.ids["services"])
    assert study.codes.get(cid).parent_id == study.ids["services"] and "codes" in seen
    assert "  کتاب‌خوانی آنلاین 0" in tree_names(panel)
    panel.rename(cid, "باشگاه کتاب")
    panel.set_description(cid, "جلسه‌های آنلاین کتاب‌خوانی")
    panel.set_color(cid, "#123456")
    c = study.codes.get(cid)
    assert (c.name, c.description, c.color) == ("باشگاه کتاب", "جلسه‌های آنلاین کتاب‌خوانی", "#123456")
    for _ in range(3):
        ctx.undo_stack.undo()
    assert study.codes.get(cid).name == "کتاب‌خوانی آنلاین"
    ctx.undo_stack.undo()
    with pytest.raises(StudyError):
        study.codes.get(cid)
    ctx.undo_stack.redo()
    assert study.codes.get(cid).name == "کتاب‌خوانی آنلاین"  # same id back
    with pytest.raises(StudyError):
        panel.add_code("  ")


def test_rename_through_the_model_edit(panel):
    budget = panel.ctx.study.ids["codes"]["budget"]
    idx = panel.model.index_of(budget)
    assert panel.model.setData(idx, "بودجهٔ کم")
    assert panel.ctx.study.codes.get(budget).name == "بودجهٔ کم"
    assert panel.ctx.undo_stack.count() == 1


def test_description_commits_on_focus_out(panel, qtbot):
    budget = panel.ctx.study.ids["codes"]["budget"]
    panel.show()
    panel.select(budget)
    assert panel.description.isEnabled()
    panel.description.setPlainText("کاهش بودجهٔ کتابخانه")
    panel.commit_description()
    assert panel.ctx.study.codes.get(budget).description == "کاهش بودجهٔ کتابخانه"
    assert panel.description.toPlainText() == "کاهش بودجهٔ کتابخانه"  # after the refresh


def test_drag_and_drop_moves_under_another_category_and_undoes(panel):
    study, ids = panel.ctx.study, panel.ctx.study.ids
    data = QMimeData()
    data.setData(MIME, json.dumps([ids["codes"]["online"]]).encode())
    target = panel.model.index_of(ids["resources"])
    assert panel.model.canDropMimeData(data, Qt.MoveAction, 0, 0, target)
    assert panel.model.dropMimeData(data, Qt.MoveAction, 0, 0, target)
    assert [c.name for c in study.codes.children(ids["resources"])] == ["خدمات آنلاین", "کمبود بودجه", "نگرانی کارکنان"]
    assert tree_names(panel)[:2] == ["خدمات 1", "  ارسال کتاب 1"]
    panel.ctx.undo_stack.undo()
    assert [c.name for c in study.codes.children(ids["services"])] == ["ارسال کتاب", "خدمات آنلاین"]
    # a category cannot be dropped under its own code
    data.setData(MIME, json.dumps([ids["services"]]).encode())
    assert not panel.model.canDropMimeData(data, Qt.MoveAction, -1, 0, panel.model.index_of(ids["codes"]["delivery"]))


def test_dragging_two_codes_is_one_undo_step(panel):
    import gc

    study, ids = panel.ctx.study, panel.ctx.study.ids
    data = QMimeData()
    data.setData(MIME, json.dumps([ids["codes"]["delivery"], ids["codes"]["online"]]).encode())
    assert panel.model.dropMimeData(data, Qt.MoveAction, 0, 0, panel.model.index_of(ids["resources"]))
    gc.collect()  # the macro's commands live on in the stack, not only in Python
    assert study.codes.children(ids["services"]) == [] and panel.ctx.undo_stack.count() == 1
    panel.ctx.undo_stack.undo()
    gc.collect()
    panel.ctx.undo_stack.redo()
    panel.ctx.undo_stack.undo()
    assert [c.name for c in study.codes.children(ids["services"])] == ["ارسال کتاب", "خدمات آنلاین"]


def test_reorder_within_the_same_parent(panel):
    ids = panel.ctx.study.ids
    # drop «ارسال کتاب» (row 0) below «خدمات آنلاین» (row 2 = the end)
    assert panel.move(ids["codes"]["delivery"], ids["services"], 2)
    assert [c.name for c in panel.ctx.study.codes.children(ids["services"])] == ["خدمات آنلاین", "ارسال کتاب"]


def test_merge_moves_codings_and_undo_restores(panel):
    study, c = panel.ctx.study, panel.ctx.study.ids["codes"]
    before = {x.id: x.code_id for x in study.codings.list()}
    panel.merge(c["worry"], c["budget"])
    assert study.codes.coding_count(c["budget"]) == 5
    assert "  نگرانی کارکنان 2" not in tree_names(panel) and "  کمبود بودجه 5" in tree_names(panel)
    panel.ctx.undo_stack.undo()
    assert {x.id: x.code_id for x in study.codings.list()} == before
    assert study.codes.get(c["worry"]).parent_id == study.ids["resources"]
    assert [x.name for x in study.codes.children(study.ids["resources"])] == ["کمبود بودجه", "نگرانی کارکنان"]
    with pytest.raises(StudyError):
        panel.merge(c["budget"], c["budget"])


def test_merge_keeps_subcodes_and_undo_puts_them_back(panel):
    study, c = panel.ctx.study, panel.ctx.study.ids["codes"]
    sub = panel.add_code("حقوق", c["budget"])
    panel.merge(c["budget"], c["worry"])
    assert study.codes.get(sub).parent_id == c["worry"]
    panel.ctx.undo_stack.undo()
    assert study.codes.get(sub).parent_id == c["budget"]
    with pytest.raises(StudyError):
        panel.merge(c["budget"], sub)  # into a code under it


def test_delete_asks_with_the_count_and_undo_restores_everything(panel):
    study, ids = panel.ctx.study, panel.ctx.study.ids
    asked = []
    panel.confirm = lambda title, text: asked.append(text) or False
    assert not panel.delete(ids["resources"])
    assert "«منابع»" in asked[0] or "“منابع”" in asked[0]
    assert "5 codings" in asked[0] and "2 codes under it" in asked[0]
    assert study.codes.get(ids["resources"])
    panel.confirm = lambda title, text: True
    n = len(study.codings.list())
    assert panel.delete(ids["resources"])
    assert len(study.codings.list()) == n - 5
    assert "منابع 5" not in tree_names(panel)
    panel.ctx.undo_stack.undo()
    assert len(study.codings.list()) == n
    assert tree_names(panel)[3:6] == ["منابع 5", "  کمبود بودجه 3", "  نگرانی کارکنان 2"]


def test_apply_requested_carries_selected_codes_only(panel, qtbot):
    ids = panel.ctx.study.ids
    panel.select(ids["codes"]["online"])
    panel.tree.selectionModel().select(panel.model.index_of(ids["services"]),
                                       panel.tree.selectionModel().SelectionFlag.Select
                                       | panel.tree.selectionModel().SelectionFlag.Rows)
    with qtbot.waitSignal(panel.applyRequested) as sig:
        panel.actions["apply"].trigger()
    assert sig.args == [[ids["codes"]["online"]]]
    with qtbot.waitSignal(panel.applyRequested) as sig:
        panel.tree.doubleClicked.emit(panel.model.index_of(ids["codes"]["budget"]))
    assert sig.args == [[ids["codes"]["budget"]]]


def test_refreshes_when_codings_change_elsewhere(panel):
    study = panel.ctx.study
    seg = study.ids["segments"]["سارا"][2]
    study.codings.add(study.ids["codes"]["other"], seg, 0, seg, 4)
    panel.ctx.notify("codings")
    assert "سایر 1" in tree_names(panel)


def test_where_a_new_code_goes(panel):
    ids = panel.ctx.study.ids
    assert panel.current_parent_id() is None
    panel.select(ids["resources"])
    assert panel.current_parent_id() == ids["resources"]
    panel.select(ids["codes"]["online"])
    assert panel.current_parent_id() == ids["services"]
