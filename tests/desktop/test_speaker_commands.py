"""Swapping and renaming an interview's speakers in the editor: one undo step each, undone and redone."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.transcript.model import COL_SPEAKER

IV = 2  # a fully transcribed demo interview with an interviewer and a participant


def speakers(editor) -> list[str]:
    return [editor.model.segment(r).speaker for r in range(editor.model.rowCount())]


def test_swap_is_one_undo_step(editor, ctx):
    editor.open_interview(IV)
    before = speakers(editor)
    assert {"interviewer", "participant"} <= set(before)
    depth = ctx.undo_stack.count()
    editor.act_swap_speakers.trigger()
    assert ctx.undo_stack.count() == depth + 1
    swapped = {"interviewer": "participant", "participant": "interviewer"}
    assert speakers(editor) == [swapped.get(s, s) for s in before]
    assert [s.speaker for s in ctx.study.transcripts.segments(IV)] == speakers(editor)  # written at once
    ctx.undo_stack.undo()
    assert speakers(editor) == before
    ctx.undo_stack.redo()
    assert speakers(editor) == [swapped.get(s, s) for s in before]


def test_rename_is_one_undo_step_and_shows_the_new_name(editor, ctx):
    editor.open_interview(IV)
    before = speakers(editor)
    row = before.index("participant")
    editor.view.setCurrentIndex(editor.model.index(row, COL_SPEAKER))
    depth = ctx.undo_stack.count()
    assert editor.rename_speaker("P1")
    assert ctx.undo_stack.count() == depth + 1
    assert speakers(editor) == ["P1" if s == "participant" else s for s in before]
    assert editor.model.index(row, COL_SPEAKER).data(Qt.ItemDataRole.DisplayRole) == "P1"
    ctx.undo_stack.undo()
    assert speakers(editor) == before
    ctx.undo_stack.redo()
    assert "participant" not in speakers(editor) and "P1" in speakers(editor)


@pytest.fixture
def stereo_interview(tmp_path):
    """A study whose interview's audio has the same espeak voice on both channels, with one segment."""
    import numpy as np
    import soundfile as sf

    from codebook import Study
    from codebook.models import NewSegment
    from transcribe.speech import speak

    voice = speak("سلام، حال شما چطور است؟")
    path = tmp_path / "note.wav"
    sf.write(path, np.stack([voice, voice], axis=1), 16000)
    study = Study.create(tmp_path / "s", name="t")
    iid = study.interviews.add(None, title="تماس").id
    study.interviews.attach_audio(iid, path)
    study.transcripts.add_segments(iid, [NewSegment(0, 1000, "سلام", speaker="participant")])
    yield study, iid
    study.close()


def test_the_interview_dialog_shows_and_changes_how_channels_are_used(stereo_interview, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.study.interview_dialog import InterviewDialog

    study, iid = stereo_interview
    dialog = InterviewDialog(study, study.interviews.get(iid))
    qtbot.addWidget(dialog)
    assert dialog.channels.isEnabled() and dialog.channels.currentData() == "one-voice"  # found on attach
    assert dialog.speakers.currentData() == "2"  # the Settings default
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    dialog.speakers.setCurrentIndex(dialog.speakers.findData("auto"))
    dialog.accept()
    assert asked and not dialog.retranscribe  # asked first; "No" keeps the transcript
    assert study.interviews.get(iid).speakers == "auto"
    again = InterviewDialog(study, study.interviews.get(iid))
    qtbot.addWidget(again)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    again.channels.setCurrentIndex(again.channels.findData("by-channel"))
    again.accept()
    assert again.retranscribe and study.interviews.get(iid).channel_use == "by-channel"
