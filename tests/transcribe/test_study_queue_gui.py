"""The study queue in the app (the interviews list, the queue panel) and Settings → Servers."""
from __future__ import annotations

import os
import stat

import pytest
from fake_server import FakeServer, ok


@pytest.fixture
def clean_settings(qapp):
    from desktop.server_keys import ServerKeys, keys_file
    from desktop.settings import Settings

    q = Settings().q
    q.remove("speech_server")
    q.remove("transcription")
    yield
    q.remove("speech_server")
    q.remove("transcription")
    ServerKeys("speech-server").clear()
    assert "s3cret" not in (keys_file().read_text() if keys_file().exists() else "")


def test_server_settings_keep_the_key_private_and_off_the_command_line(qtbot, clean_settings, tmp_path):
    from desktop.server_keys import ServerKeys, keys_file
    from desktop.settings import Settings
    from desktop.settings_dialog import SettingsDialog
    from desktop.transcription.server_settings import load, worker_arguments

    server = FakeServer([ok("speaches_models.json")])
    try:
        dialog = SettingsDialog(Settings())
        qtbot.addWidget(dialog)
        speech = dialog.servers.speech
        assert not speech.enabled.isChecked() and worker_arguments() == ([], {}), "off until the user turns it on"
        assert "on this computer" in dialog.runs_where.text()
        speech.url.setText(server.url + "/v1")
        speech.model.setText("Systran/faster-whisper-large-v3")
        speech.key.setText("s3cret")
        speech.test.click()
        qtbot.waitUntil(lambda: speech.answer.text().startswith("Connected. Models:"), timeout=10_000)
        assert "Systran/faster-whisper-large-v3" in speech.answer.text()
        assert server.requests[-1]["path"] == "/v1/models"
        assert server.requests[-1]["headers"]["Authorization"] == "Bearer s3cret"
        speech.enabled.setChecked(True)
        assert "the audio leaves this computer" in dialog.runs_where.text()
        dialog.accept()
    finally:
        server.close()
    assert load().in_use
    args, env = worker_arguments()
    assert args == ["--server", server.url + "/v1", "--server-model", "Systran/faster-whisper-large-v3"]
    assert env == {"MOSAHEBEH_SERVER_KEY": "s3cret"} and ServerKeys("speech-server").get() == "s3cret"
    settings_file = Settings().q.fileName()
    assert "s3cret" not in open(settings_file, encoding="utf-8").read()
    from desktop.transcription.queue import TranscriptionQueue

    one = TranscriptionQueue(tmp_path)._arguments(1, None, False)  # one interview goes to the server too
    assert one[one.index("--server"):] == args and "s3cret" not in " ".join(one)
    if ServerKeys("speech-server").where == "file":
        assert stat.S_IMODE(os.stat(keys_file()).st_mode) == 0o600
        assert repr(ServerKeys("speech-server")) == "ServerKeys('speech-server')"


@pytest.mark.slow
def test_several_interviews_queued_from_the_list_run_as_one_queue(qtbot, clean_settings, audio, make_study,
                                                                  bundled_dir):
    from codebook import Study
    from desktop.context import StudyContext
    from desktop.study.interviews import InterviewsView

    study, first = make_study(audio["mono"])
    second = study.interviews.add(title="دوم").id
    third = study.interviews.add(title="سوم").id
    for iid in (second, third):
        study.interviews.attach_audio(iid, audio["mono"])
    ctx = StudyContext(study)
    view = InterviewsView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    assert not view.queue_panel.isVisible()
    view.select(third)
    view.select(first, add=True)
    assert view.selected_ids() == [first, third]
    progress, done = [], []
    view.runner.progress.connect(progress.append)
    view.runner.interview_done.connect(done.append)
    view._transcribe_selected()
    assert study.jobs.queue() == [first, third] and view.queue_panel.isVisible()
    view.runner.set_order([third, first])  # reordered while it runs: the worker reads the order from the study
    qtbot.waitUntil(lambda: len(done) == 2, timeout=240_000)
    qtbot.waitUntil(lambda: not view.runner.is_running(), timeout=30_000)
    assert sorted(done) == [first, third] and study.jobs.queue() == []
    assert progress and all("audio_s" in p and "eta" in p for p in progress)
    assert not view.queue_panel.isVisible()
    # another process writes a transcript: the list shows it without being told
    with Study.open(study.folder) as other:
        other.interviews.update(second, title="دوم، از خط فرمان")
    qtbot.waitUntil(lambda: any(r.title == "دوم، از خط فرمان" for r in view.model.rows), timeout=10_000)


def test_pause_keeps_the_queue_and_cancel_empties_it(qtbot, clean_settings, audio, make_study):
    from desktop.context import StudyContext
    from desktop.study.interviews import InterviewsView

    study, first = make_study(audio["long"])
    ctx = StudyContext(study)
    view = InterviewsView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.queue([first])
    assert view.runner.is_running() and view.queue_panel.pause.text() == "Pause"
    view.queue_panel.pause.click()
    qtbot.waitUntil(lambda: not view.runner.is_running(), timeout=30_000)
    assert study.jobs.queue() == [first] and view.queue_panel.isVisible()
    assert view.queue_panel.pause.text() == "Resume" and "paused" in view.queue_panel.title.text()
    view.queue_panel.cancel.click()
    assert study.jobs.queue() == [] and not view.queue_panel.isVisible()
