"""The pipeline on real espeak-ng Persian speech with the bundled model."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from transcribe.normalize import clean_display
from transcribe.whisper import Cancelled, transcribe_options

PERSIAN = re.compile("[\u0600-\u06ff]")
pytestmark = pytest.mark.slow


def test_persian_segments_with_word_timings_equal_bare_faster_whisper(pipeline, audio):
    result = pipeline.run(audio["mono"])
    assert result.language == "fa" and result.channels == 1
    assert result.segments and all(PERSIAN.search(s.text) for s in result.segments)
    for s in result.segments:
        assert s.speaker == "" and 0 <= s.start < s.end <= result.duration + 0.5
        assert s.words and all(s.start - 0.05 <= w.start <= w.end <= s.end + 0.05 for w in s.words)
        assert all(0.0 <= w.probability <= 1.0 for w in s.words)
        assert "\u064a" not in s.text and "\u0643" not in s.text  # Arabic yeh/kaf cleaned for display
    bare, _ = pipeline.model.transcribe(str(audio["mono"]), **transcribe_options())
    bare = list(bare)
    assert [clean_display(b.text) for b in bare] == [s.text for s in result.segments]
    assert [(round(b.start, 3), round(b.end, 3)) for b in bare] == [(s.start, s.end) for s in result.segments]
    assert [[clean_display(w.word) for w in b.words] for b in bare] == \
        [[w.word for w in s.words] for s in result.segments]


def test_cli_json_shape(audio, bundled_dir):
    run = subprocess.run([sys.executable, "-m", "desktop", "transcribe", str(audio["mono"]), "--json"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert list(out) == ["model", "model_options", "options", "language", "duration", "segments"]
    assert out["model"] == str(bundled_dir)
    assert set(out["model_options"]) == {"device", "compute_type", "cpu_threads"}
    assert out["options"] == json.loads(json.dumps(transcribe_options()))
    assert out["options"]["condition_on_previous_text"] is False and out["options"]["vad_filter"] is True
    seg = out["segments"][0]
    assert list(seg) == ["start", "end", "speaker", "text", "words"] and seg["speaker"] == ""
    assert list(seg["words"][0]) == ["start", "end", "word", "probability"]
    assert "transcribing: 100.0%" in run.stderr  # progress on stderr, JSON alone on stdout
    text = subprocess.run([sys.executable, "-m", "desktop", "transcribe", str(audio["mono"])],
                          capture_output=True, text=True, timeout=300)
    first = text.stdout.splitlines()[0]
    assert first.startswith("[0:00:0") and first.endswith(seg["text"])


def test_stereo_channels_are_labelled_and_merged_by_time(pipeline, audio):
    result = pipeline.run(audio["stereo"])
    assert result.channels == 2
    speakers = [s.speaker for s in result.segments]
    assert speakers[0] == "interviewer" and "participant" in speakers
    assert [s.start for s in result.segments] == sorted(s.start for s in result.segments)
    question_end = 6.5  # the question lasts ~6 s, the answer starts after 1.5 s of silence
    assert all(s.start < question_end for s in result.segments if s.speaker == "interviewer")
    assert all(s.start >= question_end for s in result.segments if s.speaker == "participant")


def test_mic_echo_of_the_remote_voice_is_dropped(pipeline, audio):
    from faster_whisper import decode_audio

    left, _ = decode_audio(str(audio["leak"]), split_stereo=True)
    heard, _ = pipeline.model.transcribe(left, **transcribe_options())
    assert any(s.start > 7 for s in heard), "the echo is loud enough for Whisper to write it on the mic channel"
    result = pipeline.run(audio["leak"])
    assert result.dropped_leaks >= 1
    assert all(s.start < 6.5 for s in result.segments if s.speaker == "interviewer")
    assert any(s.speaker == "participant" for s in result.segments)


def test_windows_keep_absolute_times(pipeline, audio):
    result = pipeline.run(audio["mono"], window_s=6)  # two windows: the second starts at ~4-6 s
    starts = [s.start for s in result.segments]
    assert starts == sorted(starts) and result.segments[-1].start >= 4
    assert max(s.end for s in result.segments) <= result.duration + 0.5


def test_progress_cancel_and_resume_point(pipeline, audio):
    seen, saved = [], []

    def cancel():
        return len(saved) >= 2

    with pytest.raises(Cancelled) as stop:
        pipeline.run(audio["long"], on_progress=lambda f, eta: seen.append((f, eta)),
                     on_segments=lambda batch, at: saved.extend(batch), cancel=cancel)
    assert len(saved) == 2 and stop.value.resume_at == saved[-1].end
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and 0 < fractions[-1] < 0.6
    assert any(eta > 0 for _, eta in seen)
    rest = pipeline.run(audio["long"], start=stop.value.resume_at)
    assert rest.segments and rest.segments[0].start >= stop.value.resume_at


def test_glossary_becomes_hotwords_and_language_can_be_detected(pipeline, audio):
    options = transcribe_options("auto", ["کتابخانه", " کرونا "])
    assert options["language"] is None and options["hotwords"] == "کتابخانه کرونا"
    result = pipeline.run(audio["mono"], language="auto")
    assert result.options["language"] is None and len(result.language) == 2


def test_video_file_is_transcribed(pipeline, audio, tmp_path):
    from faster_whisper import decode_audio
    from test_transcribe_audio import make_video

    video = make_video(tmp_path / "call.mp4", decode_audio(str(audio["mono"])))
    result = pipeline.run(video)
    assert result.segments and PERSIAN.search(result.segments[0].text)
