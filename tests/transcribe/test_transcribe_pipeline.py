"""The pipeline on real espeak-ng Persian speech with the bundled model."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from transcribe.normalize import clean_display
from transcribe.whisper import Cancelled, missing, seed, speech_stretches, transcribe_options, whisper_kwargs

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
    seed(transcribe_options())
    bare, _ = pipeline.model.transcribe(str(audio["mono"]), **whisper_kwargs(transcribe_options()))
    bare = [b for b in bare if clean_display(b.text)]
    # what bare faster-whisper gives is there as it gives it; anything else fills speech it left without text
    ours = {(s.start, s.end): s for s in result.segments}
    for b in bare:
        s = ours.pop((round(b.start, 3), round(b.end, 3)))
        assert s.text == clean_display(b.text) and [w.word for w in s.words] == \
            [clean_display(w.word) for w in b.words]
    from faster_whisper import decode_audio

    gaps = missing(speech_stretches(decode_audio(str(audio["mono"])), transcribe_options()),
                   [(round(b.start, 3), round(b.end, 3)) for b in bare], 0, result.duration)
    assert all(any(min(e, b) - max(s, a) > 0 for a, b in gaps) for s, e in ours)


def test_cli_json_shape(pipeline, audio, bundled_dir):
    run = subprocess.run([sys.executable, "-m", "desktop", "transcribe", str(audio["mono"]), "--json",
                          "--speakers", "1"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert list(out) == ["model", "model_options", "options", "language", "duration", "segments"]
    assert out["model"] == str(bundled_dir)
    assert set(out["model_options"]) == {"device", "compute_type", "cpu_threads"}
    assert out["options"] == json.loads(json.dumps(transcribe_options()))
    assert out["options"]["condition_on_previous_text"] is False and out["options"]["vad_filter"] is True
    seg = out["segments"][0]
    assert list(seg) == ["start", "end", "speaker", "text", "words"] and seg["speaker"] == "participant"
    assert list(seg["words"][0]) == ["start", "end", "word", "probability"]
    assert "transcribing: 100.0%" in run.stderr  # progress on stderr, JSON alone on stdout
    # the same segments in another process as in this one, after other decodes here
    # (one speaker asked for: the participant's, diarization cuts nothing)
    assert out["segments"] == [dict(s, speaker="participant") for s in
                               json.loads(json.dumps(pipeline.run(audio["mono"]).to_dict()))["segments"]]
    text = subprocess.run([sys.executable, "-m", "desktop", "transcribe", str(audio["mono"]), "--speakers", "1"],
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
    heard, _ = pipeline.model.transcribe(left, **whisper_kwargs(transcribe_options()))
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


def test_same_segments_every_run_and_every_vad_stretch_is_text_or_marked(pipeline, audio):
    from faster_whisper import decode_audio

    first = pipeline.run(audio["mono"])
    pipeline.run(audio["mono"], options=transcribe_options(temperature=[0.5, 1.0]))  # sampled decodes between
    again = pipeline.run(audio["mono"])
    assert [s.to_dict() for s in first.segments] == [s.to_dict() for s in again.segments]
    assert first.options["seed"] == 1 and first.options["temperature"] == [0.0]
    stretches = speech_stretches(decode_audio(str(audio["mono"])), first.options)
    assert len(stretches) >= 2
    for a, b in stretches:
        assert any(min(b, s.end) - max(a, s.start) > 0 for s in first.segments), (a, b, first.segments)
    assert all(s.text or s.untranscribed for s in first.segments)


def test_speech_that_gives_no_text_is_marked_untranscribed(pipeline, audio):
    # thresholds no decode can pass: faster-whisper drops every chunk as silence, and every
    # decode on its own is refused as a repetition loop, so each speech stretch must be marked
    options = transcribe_options(no_speech_threshold=0.0, log_prob_threshold=0.0, compression_ratio_threshold=0.1)
    saved = []
    result = pipeline.run(audio["mono"], options=options, on_segments=lambda batch, at: saved.extend(batch))
    assert result.segments and all(s.untranscribed and s.text == "" and not s.words for s in result.segments)
    assert saved == result.segments and result.untranscribed == result.segments
    assert [s.to_dict() for s in result.segments][0] == {"start": result.segments[0].start,
                                                         "end": result.segments[0].end, "speaker": "",
                                                         "text": "", "words": []}
    assert result.text == ""
    stereo = pipeline.run(audio["stereo"], options=options)
    assert {s.speaker for s in stereo.segments} == {"interviewer", "participant"}
    assert all(s.untranscribed for s in stereo.segments)


def test_missing_speech_is_whole_uncovered_stretches_and_long_uncovered_parts():
    assert missing([(1, 3), (5, 12)], [(5, 7)], 0, 20) == [(1, 3), (7, 12)]
    assert missing([(1, 3), (5, 12)], [(1, 2.9), (5, 11)], 0, 20) == []  # short edges are timing, not loss
    assert missing([(1, 3), (5, 12)], [], 2, 6) == [(2, 3), (5, 6)]


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
