"""The find-and-replace dialog on the demo study, as a person uses it: Find next steps
through the matches in the editor, says which of how many, rounds to the first after
the last, crosses interviews in study scope; Replace all is one undo step."""
from __future__ import annotations

WORD = "کتاب"  # in every demo interview, several times in some segments' neighbours


def open_dialog(editor, qtbot, word=WORD):
    if editor.interview_id is None:
        editor.open_interview(editor.ctx.study.interviews.list()[0].id)
    dlg = editor.find_replace()
    qtbot.addWidget(dlg)
    dlg.find_edit.setText(word)
    seen = []
    dlg.foundAt.connect(lambda *hit: seen.append(hit))
    return dlg, seen


def test_find_next_steps_through_the_interview_and_counts(editor, qtbot):
    dlg, seen = open_dialog(editor, qtbot)
    expected = editor.ctx.study.transcripts.find(WORD, editor.interview_id)
    n = len(expected)
    assert n >= 3
    dlg.find_next()
    assert seen == expected[:1] and dlg.status.text().startswith("Match 1")
    qtbot.waitUntil(lambda: dlg.status.text() == f"Match 1 of {n}")  # the total, counted after the first hit
    for _ in range(n - 1):
        dlg.find_next()
    assert seen == expected and dlg.status.text() == f"Match {n} of {n}"
    assert editor.current_row() == editor.model.row_of(expected[-1][1])  # the editor shows the match
    dlg.find_next()  # past the last: round to the first
    assert seen[-1] == expected[0] and dlg.status.text() == f"Match 1 of {n}"
    second = editor.ctx.study.interviews.list()[1].id
    editor.open_interview(second)  # another transcript opened: this interview is now that one
    dlg.find_next()
    assert seen[-1] == editor.ctx.study.transcripts.find(WORD, second)[0] and dlg.status.text().startswith("Match 1")
    editor.open_interview(expected[0][0])
    dlg.find_edit.setText("بودجه")  # a new query starts over
    dlg.find_next()
    assert dlg.status.text().startswith("Match 1")
    dlg.find_edit.setText("واژه‌ای که نیست")
    dlg.find_next()
    assert dlg.status.text() == "Not found."


def test_find_next_in_the_whole_study_opens_the_next_interview(editor, qtbot):
    dlg, seen = open_dialog(editor, qtbot)
    expected = editor.ctx.study.transcripts.find(WORD)
    first_interview = expected[0][0]
    dlg.in_study.setChecked(True)
    while not seen or seen[-1][0] == first_interview:
        dlg.find_next()
    assert seen == expected[:len(seen)]
    assert editor.interview_id == seen[-1][0] != first_interview
    qtbot.waitUntil(lambda: f"of {len(expected)}" in dlg.status.text())


def test_replace_all_in_the_interview_is_one_undo_step(editor, qtbot):
    dlg, _ = open_dialog(editor, qtbot)
    ts = editor.ctx.study.transcripts
    iid = editor.interview_id
    before = [s.text for s in ts.segments(iid)]
    codings = editor.ctx.study.codings.list(interview_id=iid)
    assert codings  # the demo's first interview is coded: replacing moves codings, undo puts them back
    elsewhere = len(ts.find(WORD)) - len(ts.find(WORD, iid))
    n = len(ts.find(WORD, iid))
    dlg.replace_edit.setText("دفتر")
    assert dlg.replace_all() == n and dlg.status.text() == f"{n} replaced."
    assert ts.find(WORD, iid) == [] and len(ts.find("دفتر", iid)) >= n
    assert len(ts.find(WORD)) == elsewhere > 0  # the other interviews are untouched
    assert editor.ctx.undo_stack.count() == 1
    editor.ctx.undo_stack.undo()
    assert [s.text for s in ts.segments(iid)] == before
    assert editor.ctx.study.codings.list(interview_id=iid) == codings
    assert [editor.model.segment(r).text for r in range(editor.model.rowCount())] == before
