"""``mosahebeh transcribe``: Persian speech to text with a local Whisper model.

    mosahebeh transcribe AUDIO [--model M] [--language fa] [--speakers N|auto] [--channels USE] [--json]
    mosahebeh transcribe --study PATH --interview ID [--model M] [--language fa] [--speakers N|auto] [--force]
    mosahebeh transcribe --study PATH --all [--jobs N]
    mosahebeh transcribe … --server URL --server-model NAME

With ``--all`` every interview of the study that has audio and is not
transcribed joins the study's queue, and the queue runs: one interview after
another (``--jobs N``: N at a time), each saved as it goes; a killed run goes
on where it stopped, in the same order, the next time (``--queued`` runs the
queue as it stands, as the app does).

With ``--server`` the audio is sent to that speech server (the OpenAI audio
API: vLLM, speaches, faster-whisper-server, open-asr-server…) instead of being
transcribed here: it leaves this computer. The API key is read from the
environment variable ``MOSAHEBEH_SERVER_KEY``, never from the command line.

Without ``--json`` a readable transcript (times, speaker, text) is printed;
with it, one JSON object. With ``--study PATH --interview ID`` there is no AUDIO:
the interview's own recording is transcribed (attach one first with
``mosahebeh interviews --study PATH --edit ID --audio FILE``) and the result is
stored in the study (resuming an unfinished job). Progress goes to stderr; ``--progress-json``
writes it as JSON lines on stdout for the app's job queue.

Speech the model could not turn into text is kept as an untranscribed segment:
"[untranscribed]" in the text output, an empty "text" in JSON; the end counts
them ("3 stretches, 41 s, could not be transcribed"). Nothing goes over the
network (the bundled or a local model; ONNX Runtime's telemetry is off), unless ``--server`` is given.

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
from codebook.wording import counted

UNTRANSCRIBED = "[untranscribed]"


def register(subparsers) -> None:
    p = subparsers.add_parser("transcribe", help="transcribe Persian audio with a local Whisper model (or a speech server you name)",
                              description=__doc__.split("\n\n", 1)[0].replace("``", ""),
                              epilog="Two forms: `mosahebeh transcribe AUDIO` prints the transcript of a file; "
                                     "`mosahebeh transcribe --study PATH --interview ID` (no AUDIO) transcribes "
                                     "that interview's own audio and stores the transcript in the study; "
                                     "`--study PATH --all` transcribes every interview not yet transcribed.")
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
    p.add_argument("--all", action="store_true",
                   help="with --study: queue every interview not transcribed yet and transcribe the queue")
    p.add_argument("--queued", action="store_true", help=__import__("argparse").SUPPRESS)
    p.add_argument("--jobs", metavar="N", type=int, default=1,
                   help="with --all: transcribe N interviews at a time; with --server and one file or "
                        "interview: send N pieces of speech at a time (default 1)")
    p.add_argument("--server", metavar="URL",
                   help="send the audio to this speech server (OpenAI audio API) instead of transcribing "
                        "here; the audio leaves this computer. The key comes from MOSAHEBEH_SERVER_KEY")
    p.add_argument("--server-model", metavar="NAME", help="the model to ask the server for (with --server)")
    p.add_argument("--no-words", action="store_true",
                   help="with --server: do not ask for word times (some servers refuse them)")
    p.add_argument("--server-retries", type=int, default=4, help=__import__("argparse").SUPPRESS)
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

    def __init__(self, as_json: bool, fa: bool = False):
        self.as_json, self.fa = as_json, fa
        self.last = 0.0

    def __call__(self, fraction: float, eta: float) -> None:
        if self.as_json:
            print(json.dumps({"progress": round(fraction, 4), "eta": round(eta, 1)}), flush=True)
            return
        t = time.monotonic()
        if t - self.last < 0.5 and fraction < 1.0:
            return
        self.last = t
        if self.fa:
            from desktop.messages.cli_output import num, pct

            left = f"، حدود {num(format_hms(eta * 1000))} مانده" if eta >= 0 and fraction < 1.0 else ""
            print(f"در حال پیاده‌سازی: {pct(fraction)}{left}", file=sys.stderr, flush=True)
            return
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


def backend(args, *, jobs: int = 1):
    """The one place the transcription backend is chosen: ``(make_pipeline, model)``.

    ``make_pipeline()`` builds a local :class:`transcribe.whisper.Pipeline` of
    ``args.model``, or with ``--server`` a :class:`transcribe.server.ServerPipeline`
    sending ``jobs`` pieces at a time; ``model`` is what the study's job records
    (a server job resumes only on the same server and model)."""
    from codebook.errors import StudyError

    if args.server_model and not args.server:
        raise StudyError("--server-model names a model on a speech server: give --server URL too.")
    if args.server:
        import os

        from transcribe.server import Server, ServerPipeline

        if not args.server_model:
            raise StudyError("Give the model to ask the speech server for: --server-model NAME "
                             "(`--server URL` alone does not say which).")
        server = Server(args.server, args.server_model, key=os.environ.get("MOSAHEBEH_SERVER_KEY", ""),
                        retries=max(0, args.server_retries))
        return (lambda: ServerPipeline(server, jobs=jobs, words=not args.no_words)), server.label
    if args.model is None:  # the model chosen with `mosahebeh models use` or in Settings → Models
        from transcribe.installed import selected_model
        args.model = selected_model()
    from transcribe.whisper import Pipeline

    return (lambda: Pipeline(args.model)), args.model


def run(args) -> int:
    from codebook.errors import StudyError

    language = args.language
    from desktop.cli import cli_language

    reporter = _Reporter(args.progress_json, cli_language(args) == "fa")
    if args.jobs < 1:
        raise StudyError("--jobs takes a number of 1 or more.")
    if args.all or args.queued:
        if args.study is None or args.interview is not None or args.audio:
            raise StudyError("--all transcribes a whole study: give --study PATH, without --interview or AUDIO.")
        return _run_queue(args, language)
    make, _ = backend(args, jobs=args.jobs)
    if args.study is not None or args.interview is not None:
        if args.study is None or args.interview is None:
            raise StudyError("Give both --study PATH and --interview ID to store a transcript in a study.")
        if args.audio:
            raise StudyError("With --study, the interview's own audio is transcribed: leave out AUDIO "
                             "(attach a new file to the interview first).")
        return _run_study(args, language, reporter, make)
    if not args.audio:
        raise StudyError("Give an AUDIO file to transcribe, or --study PATH --interview ID.")
    from transcribe.audio import audio_channels

    audio_channels(args.audio)  # a bad file is told at once, before the model loads
    speakers = _speakers(args.speakers)
    pipeline = make()
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


def _run_queue(args, language) -> int:
    """``--all`` / ``--queued``: the study's queue, as one run (see :mod:`codebook.study_queue`)."""
    from codebook.study import Study
    from codebook.study_queue import not_transcribed, run_queue
    from desktop.cli import cli_language

    fa = cli_language(args) == "fa"
    make, model = backend(args)  # one request at a time per worker; --jobs is the number of workers
    with Study.open(args.study) as study:
        if args.all:
            study.jobs.enqueue(not_transcribed(study))
        queued = len(study.jobs.queue())
    if not queued:
        if not args.progress_json:
            print("همهٔ مصاحبه‌هایی که صدا دارند پیاده‌سازی شده‌اند؛ کاری نمانده است." if fa
                  else "Every interview with audio is transcribed; nothing to do.", file=sys.stderr)
        return 0
    last = {"t": 0.0}
    from desktop.messages import word
    from desktop.messages.cli_output import num

    lang = "fa" if fa else "en"

    def event(message: dict) -> None:
        for key in ("failed", "stopped"):  # the sentence in the language of the command (the app's, for its worker)
            if isinstance(message.get(key), dict) and "message" in message[key]:
                message = {**message, key: {**message[key], "message": word(message[key]["message"], lang)}}
        if args.progress_json:
            print(json.dumps(message, ensure_ascii=False), flush=True)
            return
        if "queue" in message:
            q = message["queue"]
            t = time.monotonic()
            if t - last["t"] < 2.0 and q["in_hand"]:
                return
            last["t"] = t
            if fa:
                left = f"، حدود {num(format_hms(q['eta'] * 1000))} مانده" if q["eta"] >= 0 else ""
                hand = "، ".join(num(i) for i in q["in_hand"]) or "-"
                print(f"صف: {num(q['done'])} از {num(q['count'])} مصاحبه، {num(q['audio_done_s'] / 3600, '.2f')} از "
                      f"{num(q['audio_s'] / 3600, '.2f')} ساعت صدا{left} (در دست: {hand})", file=sys.stderr, flush=True)
                return
            left = f", about {format_hms(q['eta'] * 1000)} left" if q["eta"] >= 0 else ""
            hand = ", ".join(str(i) for i in q["in_hand"]) or "-"
            print(f"queue: {q['done']}/{q['count']} interviews, {q['audio_done_s'] / 3600:.2f} of "
                  f"{q['audio_s'] / 3600:.2f} h of audio{left} (in hand: {hand})", file=sys.stderr, flush=True)
        elif "done" in message and fa:
            print(f"مصاحبهٔ {num(message['done']['interview'])}: {num(message['done']['segments'])} بخش ذخیره شد.",
                  file=sys.stderr, flush=True)
        elif "done" in message:
            print(f"Interview {message['done']['interview']}: {message['done']['segments']} segments saved.",
                  file=sys.stderr, flush=True)
        elif "failed" in message and fa:
            print(f"mosahebeh: مصاحبهٔ {num(message['failed']['interview'])}: {message['failed']['message']}",
                  file=sys.stderr, flush=True)
        elif "failed" in message:
            print(f"mosahebeh: interview {message['failed']['interview']}: {message['failed']['message']}",
                  file=sys.stderr, flush=True)

    summary = run_queue(args.study, pipeline=make, jobs=args.jobs, model=model, language=language,
                        on_event=event, cancel=cancel_on_sigterm())
    if summary.stopped == "cancelled":
        print("mosahebeh: " + ("صف متوقف شد؛ بار بعد از همان جا ادامه می‌یابد." if fa
                               else "the queue was stopped; it goes on where it stopped next time."), file=sys.stderr)
        return 130
    if summary.stopped:
        print(f"mosahebeh: {word(summary.stopped, lang)}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"done": summary.done, "failed": {str(k): v for k, v in summary.failed.items()}}))
    return 1 if summary.failed and not args.progress_json else 0  # the app had each failure as an event


def _run_study(args, language, reporter, make) -> int:
    from codebook.study import Study
    from codebook.transcription import run_job
    from codebook.transcription import summary as job_summary
    from desktop.cli import cli_language
    from desktop.messages.cli_output import num, path
    from transcribe.whisper import Cancelled

    fa = cli_language(args) == "fa"
    with Study.open(args.study) as study:
        try:
            job = run_job(study, args.interview, model=_model(args), language=language, force=args.force,
                          window_s=args.window,
                          pipeline=make() if args.server else None,  # local: loaded after the audio is checked
                          on_progress=reporter, cancel=cancel_on_sigterm(),
                          **_study_speakers(args))
        except Cancelled:
            print("mosahebeh: " + ("پیاده‌سازی لغو شد؛ بار بعد از همان جا ادامه می‌یابد." if fa
                                   else "transcription cancelled; it resumes where it stopped next time."), file=sys.stderr)
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
            print(f"مصاحبهٔ {num(args.interview)}: {num(segments)} بخش در {path(study.folder)} ذخیره شد." if fa
                  else f"Interview {args.interview}: {counted(segments, 'segment')} saved in {study.folder}.", file=sys.stderr)
        if message and not args.progress_json:
            print(f"mosahebeh: interview {args.interview}: {message}", file=sys.stderr)
    return 0


def _model(args) -> str | None:
    """What the job records and matches on resume: the local model, or ``NAME @ URL`` of a server."""
    if args.server:
        from transcribe.server_http import Server

        return Server(args.server, args.server_model or "").label
    return args.model
