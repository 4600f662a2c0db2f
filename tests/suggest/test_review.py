"""The review in the app (offscreen): the panel lists pending suggestions and says what leaves the computer;
accept, reject, adjust, one or many, each one undo step (undo and redo put back exactly the same coding); the
editor marks suggested spans; the run dialog runs on a worker with progress and cancel; Settings → Servers
tests the connection and keeps the key in a file of mode 600, never in the settings file."""
from __future__ import annotations

import os
import stat

import pytest

from codebook.suggestions import run as runs
from codebook.suggestions.llm import ChatClient
from codebook.suggestions.store import Suggestions

CODES = ("تعطیلی فیزیکی", "کمبود بودجه")


@pytest.fixture
def ctx(demo_path, qapp):
    from codebook import Study
    from desktop.app import set_language
    from desktop.context import StudyContext

    set_language("en")
    study = Study.open(demo_path)
    context = StudyContext(study)
    context.coder = "مریم"
    yield context
    study.close()


@pytest.fixture
def settings(fake_server):
    from desktop.settings import Settings
    from desktop.suggest.server_box import LlmServer, save_llm_server

    s = Settings()
    save_llm_server(s, LlmServer(fake_server.url, "fake-model", False))
    yield s
    save_llm_server(s, LlmServer("", "", False))


def _suggest(ctx, fake_server) -> int:
    study = ctx.study
    client = ChatClient(fake_server.url, "fake-model", timeout=10)
    iid = study.interviews.list()[0].id
    started = runs.start(study, server=client.url, model=client.model, interview_ids=[iid],
                         code_ids=runs.resolve_codes(study, list(CODES)))
    runs.work(study, started.id, client)
    ctx.notify("suggestions")
    return iid


def _select(panel, rows):
    panel.tree.clearSelection()
    for r in rows:
        panel.tree.topLevelItem(r).setSelected(True)


def _ai_codings(ctx):
    return ctx.study.db.execute("SELECT id FROM codings WHERE coder = 'AI (fake-model)' ORDER BY id").fetchall()


def test_accept_reject_adjust_bulk_with_undo_and_redo(ctx, settings, fake_server, qtbot):
    from desktop.suggest.panel import SuggestionsPanel
    from desktop.transcript import TranscriptEditor
    from desktop.transcript.model import SuggestionsRole

    editor = TranscriptEditor(ctx)
    qtbot.addWidget(editor)
    panel = SuggestionsPanel(ctx, settings, editor)
    qtbot.addWidget(panel)
    assert "Sent to" in panel.leaves.text() and fake_server.url in panel.leaves.text()
    assert "pseudonymised" in panel.leaves.text()
    iid = _suggest(ctx, fake_server)
    n = panel.tree.topLevelItemCount()
    assert n >= 4 and not _ai_codings(ctx)
    editor.open_interview(iid)
    first = Suggestions(ctx.study).get(panel.tree.topLevelItem(0).data(0, 256))
    row = editor.model.row_of(first.start_segment_id)
    assert any(s.id == first.id for s, _ in editor.model.index(row, 0).data(SuggestionsRole))

    _select(panel, [0])  # accept one
    panel.accept_selected()
    coding_id = _ai_codings(ctx)[0][0]
    assert panel.tree.topLevelItemCount() == n - 1 and len(_ai_codings(ctx)) == 1
    assert ctx.study.codings.text(ctx.study.codings.get(coding_id)) == first.quote
    qtbot.waitUntil(lambda: not any(s.id == first.id for s, _ in editor.model.index(row, 0).data(SuggestionsRole)
                                    or []), timeout=3000)  # the editor's mark goes (after its short refresh delay)
    ctx.undo_stack.undo()
    assert panel.tree.topLevelItemCount() == n and not _ai_codings(ctx)
    ctx.undo_stack.redo()
    assert [r[0] for r in _ai_codings(ctx)] == [coding_id]  # the same coding, same id

    _select(panel, [0, 1])  # reject two: one step
    depth = ctx.undo_stack.count()
    panel.reject_selected()
    assert ctx.undo_stack.count() == depth + 1 and panel.tree.topLevelItemCount() == n - 3
    assert Suggestions(ctx.study).counts()["rejected"] == 2
    ctx.undo_stack.undo()
    assert Suggestions(ctx.study).counts()["rejected"] == 0

    _select(panel, [0])  # adjust the span to the whole segment
    s = Suggestions(ctx.study).get(panel.selected_ids()[0])
    text = ctx.study.transcripts.segment(s.start_segment_id).text
    assert panel.adjust_to_selection((s.start_segment_id, 0, s.start_segment_id, len(text)))
    assert Suggestions(ctx.study).get(s.id).quote == text
    assert not panel.adjust_to_selection((s.start_segment_id, 5, s.start_segment_id, 2))  # refused, no step
    ctx.undo_stack.undo()
    assert Suggestions(ctx.study).get(s.id).quote == s.quote

    panel.tree.selectAll()  # bulk: everything left, one step
    left = panel.tree.topLevelItemCount()
    panel.accept_selected()
    assert panel.tree.topLevelItemCount() == 0 and len(_ai_codings(ctx)) == 1 + left
    assert "accepted" in panel.counts.text()
    sentence = panel.paper_sentence()
    assert "fake-model" in sentence and f"{1 + left} were accepted" in sentence
    ctx.undo_stack.undo()
    assert panel.tree.topLevelItemCount() == left and len(_ai_codings(ctx)) == 1
    editor.shutdown()


def test_no_server_means_nothing_is_sent(ctx, qapp, qtbot):
    from desktop.settings import Settings
    from desktop.suggest.panel import SuggestionsPanel

    panel = SuggestionsPanel(ctx, Settings())
    qtbot.addWidget(panel)
    assert "nothing is sent" in panel.leaves.text() and not panel.ask.isEnabled()


def test_the_run_dialog_works_off_the_gui_thread_and_cancels(ctx, settings, fake_server, qtbot):
    from desktop.suggest.run_dialog import SuggestDialog
    from desktop.suggest.server_box import llm_server

    iid = ctx.study.interviews.list()[0].id
    dialog = SuggestDialog(ctx, llm_server(settings), interview_id=iid)
    qtbot.addWidget(dialog)
    assert fake_server.url in dialog.leaves.text()
    with qtbot.waitSignal(dialog.finishedRun, timeout=30000):
        dialog.start()
    assert "wait for review" in dialog.status.text() and Suggestions(ctx.study).list()
    # A hanging server: cancel stops the request in flight, and the run is kept to continue.
    fake_server.mode, fake_server.hang_s = "hang", 20
    with qtbot.waitSignal(dialog.finishedRun, timeout=15000):
        dialog.start()
        qtbot.waitUntil(lambda: len(fake_server.requests) >= 2, timeout=10000)
        dialog.cancel()
    assert not dialog.resume_button.isHidden() and Suggestions(ctx.study).unfinished_runs()
    fake_server.mode = "quote"
    with qtbot.waitSignal(dialog.finishedRun, timeout=30000):
        dialog.resume()
    assert not Suggestions(ctx.study).unfinished_runs()


def test_servers_settings_test_the_connection_and_keep_the_key_apart(qapp, qtbot, fake_server):
    from desktop.settings import Settings
    from desktop.server_keys import ServerKeys, keys_file
    from desktop.suggest.server_box import LlmServerBox, llm_server
    from transcribe.paths import data_dir

    settings = Settings()
    box = LlmServerBox(settings)
    qtbot.addWidget(box)
    box.url.setText("http://lab.example.org/v1")
    assert not box.plain.isEnabled()  # unpseudonymised text only to this computer
    box.url.setText(fake_server.url)
    assert box.plain.isEnabled()
    box.model.setText("fake-model")
    box.key.setText("sekret-456")
    box.test_connection()
    qtbot.waitUntil(lambda: "Connected" in box.result.text(), timeout=15000)
    assert "fake-model" in box.result.text()
    assert fake_server.headers[-1]["Authorization"] == "Bearer sekret-456"
    box.save()
    assert llm_server(settings).url == fake_server.url and ServerKeys("llm").get() == "sekret-456"
    if ServerKeys("llm").where == "file":  # no keyring on a test machine: the file only the user reads
        assert stat.S_IMODE(os.stat(keys_file()).st_mode) == 0o600
    assert "sekret-456" not in (data_dir() / "settings.ini").read_text(encoding="utf-8")
    box.url.setText("")
    box.save()
    assert ServerKeys("llm").get() == ""


def test_the_review_reads_in_persian(demo_path, settings, fake_server, qapp, qtbot):
    import importlib.util
    from pathlib import Path

    from codebook import Study
    from desktop.app import set_language
    from desktop.context import StudyContext
    from desktop.settings_dialog import SettingsDialog
    from desktop.suggest.panel import SuggestionsPanel
    from desktop.suggest.run_dialog import SuggestDialog
    from desktop.suggest.server_box import llm_server

    path = Path(__file__).resolve().parents[1] / "desktop" / "test_persian_ui.py"
    spec = importlib.util.spec_from_file_location("persian_ui_checker", path)
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    set_language("fa")
    try:
        with Study.open(demo_path) as study:
            ctx = StudyContext(study)
            _suggest(ctx, fake_server)
            panel = SuggestionsPanel(ctx, settings)
            dialog = SuggestDialog(ctx, llm_server(settings))
            settings_dialog = SettingsDialog(settings)
            for widget in (panel, dialog, settings_dialog):
                qtbot.addWidget(widget)
                panel.tree.topLevelItem(0).setSelected(True)
                widget.show()
                data = (fake_server.url, "fake-model", *getattr(getattr(widget, "model_settings", None), "data_texts",
                                                                lambda: ())())
                assert checker.english_in(widget, data) == [], widget
            assert "۰" in panel.counts.text() or "۵" in panel.counts.text() or "۴" in panel.counts.text()
    finally:
        set_language("en")
