"""``mosahebeh transcribe``: Persian speech to text with a local Whisper model.

    mosahebeh transcribe AUDIO [--model M] [--language fa] [--json]
    mosahebeh transcribe --study PATH --interview ID [--model M] [--language fa] [--force]

Without ``--json`` a readable transcript (times, speaker, text) is printed;
with it, one JSON object. With ``--study PATH --interview ID`` there is no AUDIO:
the interview's own recording is transcribed (attach one first with
``mosahebeh interviews --study PATH --edit ID --audio FILE``) and the result is
stored in the study (resuming an unfinished job). Progress goes to stderr; ``--progress-json``
writes it as JSON lines on stdout for the app's job queue.

Speech the model could not turn into text is kept as an untranscribed segment:
"[untranscribed]" in the text output, an empty "text" in JSON; the end counts
them ("3 stretches, 41 s, could not be transcribed"). Nothing goes over the
network (the bundled or a local model; ONNX Runtime's telemetry is off).
"""
from __future__ import annotations

import json
import signal
import sys
import time

from codebook.dates import format_hms
from codebook.wording import counted

UNTRANSCRIBED = "[untranscribed]"


def register(subparsers) -> None:
    p = subparsers.add_parser("transcribe", help="transcribe Persian audio with a local Whisper model",
                              description=__doc__.split("\n\n", 1)[0].replace("``", ""),
                              epilog="Two forms: `mosahebeh transcribe AUDIO` prints the transcript of a file; "
                                     "`mosahebeh transcribe --study PATH --interview ID` (no AUDIO) transcribes "
                                     "that interview's own audio and stores the transcript in the study.")
    p.add_argument("audio", nargs="?", metavar="AUDIO", help="an audio or video file (left out with --study)")
    p.add_argument("--model", metavar="M", help="'bundled', an installed model's name (default: the one in use, see `mosahebeh models`), "
                   "a CTranslate2 model folder, "
                   "a model name (large-v3, large-v3-turbo, medium, small) or a hub id")
    p.add_argument("--language", metavar="LANG", default=None,
                   help="language code (default fa), or 'auto' to detect it")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    p.add_argument("--study", metavar="PATH", help="transcribe an interview of this study from its own audio and "
                   "store the transcript there (give --interview, no AUDIO)")
    p.add_argument("--interview", metavar="ID", type=int,
                   help="with --study: the interview to transcribe; it must have audio already "
                        "(mosahebeh interviews --edit ID --audio FILE)")
    p.add_argument("--force", action="store_true",
                   help="with --study: replace a corrected transcript (it is kept as a memo)")
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
    from transcribe.whisper import Pipeline

    pipeline = Pipeline(args.model)
    kwargs = {"window_s": args.window} if args.window else {}
    result = pipeline.run(args.audio, language=language or "fa", on_progress=reporter,
                          cancel=cancel_on_sigterm(), **kwargs)
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


def _run_study(args, language, reporter) -> int:
    from codebook.study import Study
    from codebook.transcription import run_job, summary as job_summary
    from transcribe.whisper import Cancelled

    with Study.open(args.study) as study:
        try:
            job = run_job(study, args.interview, model=args.model, language=language, force=args.force,
                          window_s=args.window, on_progress=reporter, cancel=cancel_on_sigterm())
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
            print(f"Interview {args.interview}: {counted(segments, 'segment')} saved in {study.folder}.", file=sys.stderr)
        if message and not args.progress_json:
            print(f"mosahebeh: interview {args.interview}: {message}", file=sys.stderr)
    return 0
