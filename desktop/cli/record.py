"""``mosahebeh record``: record a call headless, into a file or an interview of a study.

    mosahebeh record --out FILE.wav [--mic DEV] [--remote DEV] [--seconds N]
    mosahebeh record --study PATH --interview ID [--mic DEV] [--remote DEV] [--seconds N]

Channel 1 is the microphone (interviewer), channel 2 the remote party.
Ctrl+C stops cleanly. While recording, the take lives in ``FILE.take/``
(or the study's ``audio/takes/``); if the process dies, ``mosahebeh recover``
finishes it.
"""
from __future__ import annotations

import math
import signal
import sys
import time
from pathlib import Path

from transcribe.errors import AudioError


def register(subparsers) -> None:
    p = subparsers.add_parser("record", help="record a call: microphone on channel 1, remote party on channel 2",
                              description="Record the microphone and/or what the computer plays (the remote party). "
                                          "See `mosahebeh devices` for DEV (a number or a name). Ctrl+C stops.")
    where = p.add_argument_group("where to")
    where.add_argument("--out", metavar="FILE.wav", help="write one WAV file here")
    where.add_argument("--study", metavar="PATH", help="record into this study ...")
    where.add_argument("--interview", metavar="ID", type=int, help="... as the audio of this interview")
    p.add_argument("--mic", metavar="DEV", default="default",
                   help="the interviewer's microphone (default: the system's default input; 'none' for no mic)")
    p.add_argument("--remote", metavar="DEV", help="what the computer plays, e.g. a '.monitor' source (default: none)")
    p.add_argument("--seconds", metavar="N", type=float, help="stop after N seconds (default: at Ctrl+C)")
    p.add_argument("--rate", metavar="HZ", type=int, default=16000, help="sample rate of the result (default 16000)")
    p.add_argument("--consent", action="store_true", help="note that the participant consented to the recording")
    p.set_defaults(func=run)


def _sources(args):
    from transcribe.recording.devices import list_devices, open_source

    devices = list_devices()
    sources = []
    if args.mic and args.mic.lower() != "none":
        sources.append(open_source(args.mic, "mic", devices=devices))
    if args.remote:
        sources.append(open_source(args.remote, "remote", devices=devices))
    if not sources:
        raise AudioError("Nothing to record: give --mic and/or --remote.")
    return sources


def _db(level: float) -> str:
    return "  -∞ dB" if math.isinf(level) else f"{level:4.0f} dB"


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run(args) -> int:
    from codebook.errors import StudyError
    from transcribe.recording import Recorder

    if bool(args.out) == bool(args.study):
        raise StudyError("Give either --out FILE.wav, or --study PATH with --interview ID.")
    if args.seconds is not None and args.seconds <= 0:
        raise StudyError("--seconds must be more than 0.")
    study = None
    if args.study:
        from codebook import Study
        from codebook.recording import new_take_folder

        if args.interview is None:
            raise StudyError("--study needs --interview ID (see the interview list in the app).")
        study = Study.open(args.study)
        folder = new_take_folder(study, args.interview)
        out = None
    else:
        out = Path(args.out)
        if out.suffix.lower() != ".wav":
            raise StudyError("--out must name a .wav file.")
        if out.exists():
            raise StudyError("{out} already exists; choose another name (nothing was recorded).", out=str(out))
        folder = out.with_suffix(".take")
    try:
        sources = _sources(args)
        recorder = Recorder(folder, sources, out=out, out_rate=args.rate,
                            interview_id=args.interview if study else None)
        _stop_on_sigterm()
        take = recorder.start()
        if args.consent:
            recorder.set_consent(True)
        from desktop.cli import cli_language
        from desktop.messages.cli_output import ROLES, isolate, num, path

        fa = cli_language(args) == "fa"
        if fa:
            roles = " + ".join(f"{ROLES.get(s.role, s.role)}: {isolate(s.name)}" for s in recorder.sources)
            _say(f"در حال ضبط {roles} در {path(take.folder)}. برای توقف Ctrl+C را بزنید.")
        else:
            roles = " + ".join(f"{s.role}: {s.name}" for s in recorder.sources)
            _say(f"Recording {roles} into {take.folder}. Press Ctrl+C to stop.")
        failed = _loop(recorder, args.seconds)
        _say("در حال توقف و ذخیرهٔ فایل…" if fa else "Stopping, writing the file…")
        result = recorder.stop()
        if study is not None:
            from codebook.recording import attach_take

            attach_take(study, take)
            _say(f"به مصاحبهٔ {num(args.interview)} از پژوهش «{study.name}» افزوده شد." if fa
                 else f"Attached to interview {args.interview} of {study.name}.")
        if fa:
            print(f"{path(result.path)} ذخیره شد: {num(result.channels)} کانال "
                  f"({'، '.join(ROLES.get(r, r) for r in result.roles)})، {num(result.duration_ms / 1000, '.1f')} ثانیه، "
                  f"{num(result.overflows)} سرریز ورودی.")
        else:
            print(f"Saved {result.path}: {result.channels} channel{'s' if result.channels > 1 else ''} "
                  f"({', '.join(result.roles)}), {result.duration_ms / 1000:.1f} s, {result.overflows} input overflows.")
        if failed:
            raise AudioError(failed)
        return 0
    finally:
        if study is not None:
            study.close()


def _stop_on_sigterm() -> None:
    def handler(signum, frame):
        raise KeyboardInterrupt
    try:
        signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        pass


def _loop(recorder, seconds: float | None) -> str | None:
    """Run until the time is up, Ctrl+C, or a write fails; the failure, if any."""
    shown: set[str] = set()
    last_line = 0.0
    tty = sys.stderr.isatty()
    try:
        while True:
            time.sleep(0.1)
            st = recorder.status()
            for problem in st.problems:
                if problem not in shown:
                    shown.add(problem)
                    _say(f"mosahebeh: warning: {problem}")
            if recorder.failed:
                return recorder.failed
            if seconds is not None and st.elapsed >= seconds:
                return None
            if time.monotonic() - last_line >= (1 if tty else 5):
                last_line = time.monotonic()
                m, s = divmod(int(st.elapsed), 60)
                levels = "  ".join(f"{role} {_db(v)}" for role, v in st.levels.items())
                prefix = "\r" if tty else ""
                _say(f"{prefix}{m:02d}:{s:02d}  {levels}  overflows {st.overflows}")
    except KeyboardInterrupt:
        return None
