"""The agreement tab in the main window: the window opens on a two-coder study without computing
agreement; showing the tab computes it in a worker thread, and it shows the command's figures."""
import json
import threading

import pytest

from codebook import Study
from codebook import agreement as ag
from codebook.demo_data import CODERS
from desktop.cli import main


@pytest.fixture
def ctx(demo_path, qapp):
    from desktop.app import set_language
    from desktop.context import StudyContext

    set_language("en")
    study = Study.open(demo_path)
    yield StudyContext(study)
    study.close()


def test_computed_only_when_the_tab_is_shown_and_off_the_gui_thread(ctx, qtbot, monkeypatch, capsys):
    from desktop.analysis.agreement import AgreementView
    from desktop.main_window import MainWindow

    threads = []
    real = ag.compute

    def spy(*args, **kw):
        threads.append(threading.current_thread())
        return real(*args, **kw)
    monkeypatch.setattr(ag, "compute", spy)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.wait(50)
    view = next(w.tabs.widget(i) for i in range(w.tabs.count()) if isinstance(w.tabs.widget(i), AgreementView))
    assert threads == [] and view.result is None  # the window opened without computing agreement
    # An edit while the tab is hidden computes nothing either.
    seg = ctx.study.transcripts.segments(ctx.study.interviews.list()[0].id)[0]
    ctx.study.codings.add(ctx.study.codes.list()[-1].id, seg.id, 0, seg.id, 3, coder=CODERS[1])
    ctx.notify("codings")
    qtbot.wait(300)
    assert threads == []
    w.tabs.setCurrentWidget(view)
    assert view.pending and view.busy.isVisibleTo(w)
    assert view.wait_ready()
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert main(["agreement", "--study", str(ctx.study.folder), "--coders", *CODERS, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(json.dumps(view.result.to_json()))
    w.editor.shutdown()
