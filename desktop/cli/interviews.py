"""``mosahebeh interviews --study PATH``: list a study's interviews (the ids every ``--interview ID``
needs), add one, or change one.

    mosahebeh interviews --study PATH [--json]
    mosahebeh interviews --study PATH --add [--participant P] [--audio FILE] [--title T] [--date D] [--mode M] [--json]
    mosahebeh interviews --study PATH --edit ID [--audio FILE] [--participant P] [--title T] [--date D] [--mode M] [--json]

``--add`` prints the new interview (with ``--json`` one object, its ``id`` among
the fields); ``--edit`` lists them all after the change. ``--audio`` attaches a
recording as the app's "Import audio…" does: the file is copied into the study's
``audio/`` folder and its length read.
"""
from __future__ import annotations

import argparse
import json

from codebook.interviews import MODES

FIELDS = "{id, title, participant, date, mode, duration_s, status, coded, segments, checked}"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("interviews", help="list a study's interviews, add one, or change one",
                       description="List the interviews of a study: id, title, participant pseudonym, date, mode, "
                                   "duration, status and the share of segments checked. With --add, make a new "
                                   "interview and print it; with --edit ID, change that one, then list. "
                                   "--audio FILE attaches a recording (copied into the study's audio/ folder), "
                                   "as the app's Import audio does.",
                       epilog="P (--participant) is a pseudonym or a participant id; #7 always means id 7. "
                              "DATE is YYYY-MM-DD or a Jalali date such as 1403/05/02.")
    p.add_argument("--study", required=True, metavar="PATH", help="the study folder")
    p.add_argument("--json", action="store_true",
                   help=f"print JSON: a list of {FIELDS}, checked being the share of segments checked (0..1); "
                        "after --add, the new interview's object alone")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--add", action="store_true", help="make a new interview")
    what.add_argument("--edit", type=int, metavar="ID", help="the interview to change")
    p.add_argument("--participant", metavar="P", help="who was interviewed (pseudonym or id; '' for nobody)")
    p.add_argument("--audio", metavar="FILE", help="attach this recording (wav, mp3, m4a, ogg/opus, video)")
    p.add_argument("--date", metavar="DATE", help="when the interview was held")
    p.add_argument("--mode", choices=MODES, help="how it was held")
    p.add_argument("--title", help="a short title (empty to clear)")
    p.set_defaults(func=_interviews)


def attach(study, interview_id: int, audio: str):
    """Attach a recording as the app's Import audio does: its length read first (a file with
    no audio is refused), then copied into the study's ``audio/`` folder."""
    from pathlib import Path

    from codebook.errors import StudyError
    from transcribe.audio import probe_duration_ms

    duration = probe_duration_ms(audio)
    if duration <= 0:
        raise StudyError("{name} holds no audio.", name=Path(audio).name)
    return study.interviews.attach_audio(interview_id, audio, duration_ms=duration)


def _interviews(args: argparse.Namespace) -> int:
    from codebook import Study
    from codebook.dates import parse_display_date
    from codebook.errors import StudyError

    changes = {k: getattr(args, k) for k in ("date", "mode", "title") if getattr(args, k) is not None}
    if (changes or args.audio is not None or args.participant is not None) and args.edit is None and not args.add:
        raise StudyError("--participant, --audio, --date, --mode and --title describe an interview: "
                         "make one with --add or name one with --edit ID.")
    if "date" in changes:
        iso = parse_display_date(changes["date"], "fa")
        if iso is None:
            raise StudyError("“{date}” is not a date: write YYYY-MM-DD, or a Jalali date such as 1403/05/02.",
                             date=changes["date"])
        changes["date"] = iso
    with Study.open(args.study) as study:
        if args.participant is not None:
            changes["participant_id"] = study.participants.find(args.participant).id if args.participant else None
        if args.add:
            with study.atomic():  # all of it or nothing: no interview is left behind by a bad audio file
                iv = study.interviews.add(changes.pop("participant_id", None), **changes)
                if args.audio is not None:
                    attach(study, iv.id, args.audio)
            row = _row(study, study.interviews.get(iv.id))
            print(json.dumps(row, ensure_ascii=False, indent=1) if args.json else _table([row], args))
            return 0
        if args.edit is not None:
            with study.atomic():
                study.interviews.update(study.interviews.get(args.edit).id, **changes)
                if args.audio is not None:
                    attach(study, args.edit, args.audio)
        rows = [_row(study, iv) for iv in study.interviews.list()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    print(_table(rows, args))
    return 0


def _row(study, iv) -> dict:
    p = study.interviews.progress(iv.id)
    pseudonym = study.participants.get(iv.participant_id).pseudonym if iv.participant_id else None
    return {"id": iv.id, "title": iv.title, "participant": pseudonym, "date": iv.date, "mode": iv.mode,
            "duration_s": None if iv.duration_ms is None else round(iv.duration_ms / 1000, 1),
            "status": p.state, "coded": p.coded, "segments": p.segments,
            "checked": round(p.checked / p.segments, 3) if p.segments else 0.0}


def _table(rows: list[dict], args: argparse.Namespace | None = None) -> str:
    from desktop.cli import cli_language

    if cli_language(args) == "fa":
        from desktop.messages.cli_output import interviews_table

        return interviews_table(rows)
    from codebook.dates import format_hms
    from codebook.safety import terminal_text

    head = ("id", "title", "participant", "date", "mode", "duration", "status", "checked")
    lines = [head]
    for r in rows:
        status = r["status"] + (" · coded" if r["coded"] else "")
        duration = format_hms(r["duration_s"] * 1000) if r["duration_s"] is not None else ""
        lines.append((str(r["id"]), terminal_text(r["title"] or ""), terminal_text(r["participant"] or ""),
                      terminal_text(r["date"] or ""), terminal_text(r["mode"] or ""),
                      duration, status, f"{round(r['checked'] * 100)}%" if r["segments"] else ""))
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() for line in lines)
