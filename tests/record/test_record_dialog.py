"""The recording window, recovery prompt, import and guide editor, offscreen with fake sources."""
from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.settings import Settings
from transcribe.recording import FakeSource, Recorder, SimClock
from transcribe.recording.devices import Device

FAKE_DEVICES = [Device(0, "Fake microphone", "portaudio", False, 1, 16000, default=True, index=0),
                Device(1, "remote.monitor", "pulse", True, 1, 16000)]


@pytest.fixture
def ctx(study, qtbot, tmp_path):
    from desktop.context import StudyContext

    QCoreApplication.setOrganizationName("mosahebeh-test")
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    return StudyContext(study)


@pytest.fixture
def fakes(monkeypatch):
    from desktop.record.dialog import RecordDialog

    clock = SimClock(speed=4)
    tones = {"mic": 1000, "remote": 440}
    monkeypatch.setattr(RecordDialog, "list_devices", staticmethod(lambda: list(FAKE_DEVICES)))
    monkeypatch.setattr(RecordDialog, "open_source", staticmethod(
        lambda name, role, devices=None: FakeSource(role=role, name=name, frequency=tones[role], clock=clock)))
    monkeypatch.setattr(RecordDialog, "clock", clock)
    return clock


def test_record_mark_question_pause_stop_attaches_to_the_interview(ctx, fakes, qtbot):
    from desktop.record.dialog import RecordDialog

    study = ctx.study
    interview = study.interviews.add(title="Librarian")
    q = study.guide.add("How did the library change?")
    study.guide.add("And the readers?", parent_id=q.id)
    dlg = RecordDialog(ctx, interview.id)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.mic_box.currentData() == "Fake microphone" and dlg.remote_box.currentData() == "remote.monitor"
    assert dlg.guide.topLevelItemCount() == 1 and dlg.guide.topLevelItem(0).childCount() == 1
    qtbot.mouseClick(dlg.record_btn, Qt.LeftButton)
    assert dlg.recorder is not None
    qtbot.waitUntil(lambda: dlg.meters["mic"].value() > 40 and dlg.meters["remote"].value() > 40, timeout=3000)
    qtbot.wait(300)
    item = dlg.guide.topLevelItem(0)
    dlg.guide.itemClicked.emit(item, 0)
    assert item.text(1).startswith("✓")
    qtbot.keyClick(dlg, Qt.Key_F8)
    qtbot.mouseClick(dlg.pause_btn, Qt.LeftButton)
    assert dlg.recorder.paused and dlg.pause_btn.text() == "Resume"
    qtbot.wait(200)
    qtbot.mouseClick(dlg.pause_btn, Qt.LeftButton)
    dlg.consent.setChecked(True)
    qtbot.wait(300)
    assert dlg.elapsed.text().startswith("00:0")
    qtbot.mouseClick(dlg.stop_btn, Qt.LeftButton)
    qtbot.waitUntil(lambda: dlg.result() == QDialog.Accepted, timeout=10000)
    done = study.interviews.get(interview.id)
    assert done.audio_path and done.consent and done.status == "recorded"
    x, sr = sf.read(study.interviews.audio_file(interview.id))
    assert x.shape[1] == 2
    assert [m.kind for m in study.marks.list(interview.id)] == ["question", "mark"]
    assert Settings().q.value("recording/remote") == "remote.monitor"  # kept in the app's one settings file


def test_no_devices_disables_recording_with_a_message(ctx, qtbot, monkeypatch):
    from desktop.record.dialog import RecordDialog

    monkeypatch.setattr(RecordDialog, "list_devices", staticmethod(lambda: []))
    dlg = RecordDialog(ctx, ctx.study.interviews.add(title="X").id)
    qtbot.addWidget(dlg)
    assert not dlg.record_btn.isEnabled() and "No audio input found" in dlg.problem_label.text()


def test_offer_recovery_attaches_a_take_cut_short(ctx, qtbot, monkeypatch):
    from codebook.recording import new_take_folder
    from desktop.record.dialog import offer_recovery

    study = ctx.study
    interview = study.interviews.add(title="X")
    clock = SimClock(speed=10)
    rec = Recorder(new_take_folder(study, interview.id), [FakeSource(role="mic", clock=clock)],
                   interview_id=interview.id, clock=clock)
    rec.start()
    clock.sleep(2)
    rec.mark("before the crash")
    clock.sleep(0.5)
    rec._shutdown()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.Yes)
    with qtbot.waitSignal(ctx.changed):
        offer_recovery(ctx, None)
    assert asked and study.interviews.get(interview.id).audio_path
    assert [m.label for m in study.marks.list(interview.id)] == ["before the crash"]
    asked.clear()
    offer_recovery(ctx, None)
    assert not asked  # nothing left to offer


def test_import_audio_accepts_audio_and_refuses_junk(ctx, qtbot, tmp_path, monkeypatch):
    from desktop.record.dialog import import_audio

    interview = ctx.study.interviews.add(title="X")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    junk = tmp_path / "voice.opus"
    junk.write_bytes(b"not audio at all" * 10)
    assert not import_audio(ctx, interview.id, None, path=str(junk))
    assert warnings and "voice.opus" in warnings[0]
    ogg = tmp_path / "note.ogg"
    sf.write(ogg, (0.3 * np.sin(np.arange(16000) / 3)).astype(np.float32), 16000, format="OGG", subtype="VORBIS")
    assert import_audio(ctx, interview.id, None, path=str(ogg))
    got = ctx.study.interviews.get(interview.id)
    assert got.audio_path.endswith(".ogg") and 900 <= got.duration_ms <= 1100


def test_guide_editor_add_edit_move_delete_with_undo(ctx, qtbot):
    from desktop.study.guide import GuideEditor

    ed = GuideEditor(ctx)
    qtbot.addWidget(ed)
    guide = ctx.study.guide
    ed.add_question("پرسش اول")
    ed.add_question("پرسش دوم")
    ed.tree.setCurrentItem(ed.tree.topLevelItem(0))
    ed.add_follow_up("پیگیری")
    assert [(q.text, q.parent_id is None) for q in guide.list()] == [("پرسش اول", True), ("پیگیری", False),
                                                                      ("پرسش دوم", True)]
    item = ed.tree.topLevelItem(0)
    item.setText(0, "پرسش نخست")
    assert guide.list()[0].text == "پرسش نخست"
    ed.tree.setCurrentItem(ed.tree.topLevelItem(1))
    ed.move_current(-1)
    assert [q.text for q in guide.list() if q.parent_id is None] == ["پرسش دوم", "پرسش نخست"]
    ed.tree.setCurrentItem(ed.tree.topLevelItem(1))
    ed.delete_current()
    assert [q.text for q in guide.list()] == ["پرسش دوم"]
    ctx.undo_stack.undo()  # the delete: the question and its follow-up are back, same ids
    assert [q.text for q in guide.list()] == ["پرسش دوم", "پرسش نخست", "پیگیری"]
    ctx.undo_stack.undo()  # the move
    ctx.undo_stack.undo()  # the edit
    assert [q.text for q in guide.list()] == ["پرسش اول", "پیگیری", "پرسش دوم"]
    ctx.undo_stack.undo(), ctx.undo_stack.undo(), ctx.undo_stack.undo()
    assert guide.list() == [] and ed.tree.topLevelItemCount() == 0
    ctx.undo_stack.redo()
    assert [q.text for q in guide.list()] == ["پرسش اول"]
