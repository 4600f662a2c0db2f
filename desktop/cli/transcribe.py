"""``mosahebeh transcribe``: Persian speech to text with a local Whisper model.

    mosahebeh transcribe AUDIO [--model M] [--language fa] [--speakers N|auto] [--channels USE] [--json]
    mosahebeh transcribe --study PATH --interview ID [--model M] [--language fa] [--speakers N|auto] [--force]

Without ``--json`` a readable transcript (times, speaker, text) is printed;
with it, one JSON object. With ``--study`` the result is stored in the study
(resuming an unfinished job). Progress goes to stderr; ``--progress-json``
writes it as JSON lines on stdout for the app's job queue.

Speech the model could not turn into text is kept as an untranscribed segment:
"[untranscribed]" in the text output, an empty "text" in JSON; the end counts
them ("3 stretches, 41 s, could not be transcribed"). Nothing goes over the
network (the bundled or a local model; ONNX Runtime's telemetry is off).

Speakers: a two-channel call recorded by Mosahebeh is labelled by channel. Any
other file (one channel, or two channels carrying the same voice, which is
transcribed once) is diarized: ``--speakers`` sets how many people speak (2 by
default, or the interview's setting; ``auto`` counts them), and every segment
gets a speaker (interviewer/participant for two, S1, S2… for more).
"""
from __future__ import annotations

import json
import signal
import sys
import time

from codebook.dates import format_hms

UNTRANSCRIBED = "[untranscribed]"


def register(subparsers) -> None:
    p = subparsers.add_parser("transcribe", help="transcribe Persian audio with a local Whisper model",
                              description=__doc__.split("\n\n", 1)[0].replace("``", ""))
    p.add_argument("audio", nargs="?", metavar="AUDIO", help="an audio or video file")
    p.add_argument("--model", metavar="M", help="'bundled', an installed model's name (default: the one in use, see `mosahebeh models`), "
                   "a CTranslate2 model folder, "
                   "a model name (large-v3, large-v3-turbo, medium, small) or a hub id")
    p.add_argument("--language", metavar="LANG", default=None,
                   help="language code (default fa), or 'auto' to detect it")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    p.add_argument("--study", metavar="PATH", help="store the result in this study")
    p.add_argument("--interview", metavar="ID", type=int, help="the study's interview to transcribe")
    p.add_argument("--force", action="store_true",
                   help="with --study: replace a corrected transcript (it is kept as a memo)")
    p.add_argument("--speakers", metavar="N|auto", default=None,
                   help="how many people speak in a one-channel recording (default 2, or the interview's "
                   "setting), or 'auto' to count them")
    p.add_argument("--channels", metavar="USE", default=None, choices=("by-channel", "one-channel", "one-voice"),
                   help="how a two-channel file is used: by-channel (one speaker per channel), one-channel or "
                   "one-voice (transcribed once); default: detected from the file")
    p.add_argument("--window", metavar="SECONDS", type=float, default=None, help=__import__("argparse").SUPPRESS)
    p.add_argument("--progress-json", action="store_true", help=__import__("argparse").SUPPRESS)
    p.set_defaults(func=run)


class _Reporter:
    """Progress lines on stderr (at most a few per second), or JSON lines on stdout."""

    def __init__(self, as_json: bool):
        self.as_json = as_json
        self.last = 0.0

    def __call__(self, fraction: float, eta: float) -> None:
        if self.as_json:
            print(json.dumps({"progress": round(fraction, 4), "eta": round(eta, 1)}), flush=True)
            return
        t = time.monotonic()
        if t - self.last < 0.5 and fraction < 1.0:
            return
        self.last = t
        left = f", about {format_hms(eta * 1000)} left" if eta >= 0 and fraction < 1.0 else ""
        print(f"transcribing: {fraction * 100:5.1f}%{left}", file=sys.stderr, flush=True)


def cancel_on_sigterm():
    """A cancel test for long work: true once the process was sent SIGTERM (the app's queue stops a job so)."""
    flag = {"stop": False}

    def handler(signum, frame):
        flag["stop"] = True

    try:
        signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        pass
    return lambda: flag["stop"]


def run(args) -> int:
    from codebook.errors import StudyError

    language = args.language
    if args.model is None:  # the model chosen with `mosahebeh models use` or in Settings → Models
        from transcribe.installed import selected_model
        args.model = selected_model()
    reporter = _Reporter(args.progress_json)
    if args.study is not None or args.interview is not None:
        if args.study is None or args.interview is None:
            raise StudyError("Give both --study PATH and --interview ID to store a transcript in a study.")
        if args.audio:
            raise StudyError("With --study, the interview's own audio is transcribed: leave out AUDIO "
                             "(attach a new file to the interview first).")
        return _run_study(args, language, reporter)
    if not args.audio:
        raise StudyError("Give an AUDIO file to transcribe, or --study PATH --interview ID.")
    from transcribe.audio import audio_channels

    audio_channels(args.audio)  # a bad file is told at once, before the model loads
    speakers = _speakers(args.speakers)
    from transcribe.whisper import Pipeline

    pipeline = Pipeline(args.model)
    kwargs = {"window_s": args.window} if args.window else {}
    result = pipeline.run(args.audio, language=language or "fa", on_progress=reporter,
                          cancel=cancel_on_sigterm(), channel_use=args.channels, **kwargs)
    label_speakers(result, args.audio, speakers)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        for s in result.segments:
            who = f" {s.speaker}" if s.speaker else ""
            print(f"[{format_hms(s.start * 1000)}–{format_hms(s.end * 1000)}{who}] "
                  f"{s.text if not s.untranscribed else UNTRANSCRIBED}")
    gaps = result.untranscribed
    if gaps:
        from codebook.transcription import untranscribed_sentence

        print("mosahebeh: " + untranscribed_sentence(len(gaps), sum(g.end - g.start for g in gaps)),
              file=sys.stderr)
    return 0


def _speakers(value):
    """``--speakers`` checked before anything loads: a positive number or 'auto' (None: the default)."""
    from codebook.errors import StudyError
    from transcribe.diarize import parse_speakers

    if value is None:
        return None
    try:
        return parse_speakers(value)
    except ValueError:
        raise StudyError("--speakers takes a number of speakers (1 or more) or 'auto', not {value}.",
                         value=value) from None


def _study_speakers(args) -> dict:
    """run_job's keywords for --speakers/--channels (left out when not given, so the interview's own
    settings apply)."""
    out: dict = {}
    speakers = _speakers(args.speakers)
    if speakers is not None:
        out["speakers"] = speakers
    if args.channels:
        out["channel_use"] = args.channels
    return out


def label_speakers(result, audio, speakers) -> None:
    """Diarize a transcript made from one channel (after decoding; a by-channel call keeps its labels)."""
    from transcribe.channel_use import BY_CHANNEL
    from transcribe.diarize import label_segments, read_mono

    if result.channel_use == BY_CHANNEL or not result.segments:
        return
    result.segments, _ = label_segments(read_mono(audio), result.segments, 2 if speakers is None else speakers)


def _run_study(args, language, reporter) -> int:
    from codebook.study import Study
    from codebook.transcription import run_job, summary as job_summary
    from transcribe.whisper import Cancelled

    with Study.open(args.study) as study:
        try:
            job = run_job(study, args.interview, model=args.model, language=language, force=args.force,
                          window_s=args.window, on_progress=reporter, cancel=cancel_on_sigterm(),
                          **_study_speakers(args))
        except Cancelled:
            print("mosahebeh: transcription cancelled; it resumes where it stopped next time.", file=sys.stderr)
            return 130
        done = job_summary(study, args.interview)
        segments, message = done["segments"], done.pop("message")
        summary = {"interview": args.interview, "state": job.state, "segments": segments,
                   "untranscribed": done["untranscribed"], "untranscribed_s": done["untranscribed_s"]}
        if args.progress_json:
            print(json.dumps({"done": summary}), flush=True)
        elif args.json:
            print(json.dumps(summary))
        else:
            print(f"Interview {args.interview}: {segments} segments saved in {study.folder}.", file=sys.stderr)
        if message and not args.progress_json:
            print(f"mosahebeh: interview {args.interview}: {message}", file=sys.stderr)
    return 0
