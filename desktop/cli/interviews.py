"""``mosahebeh interviews --study PATH [--json]``: list a study's interviews (the ids every
``--interview ID`` needs); ``--edit ID`` with ``--date``, ``--mode``, ``--title`` changes one."""
from __future__ import annotations

import argparse
import json

from codebook.interviews import MODES


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("interviews", help="list a study's interviews, or change one's date, mode or title",
                       description="List the interviews of a study: id, participant pseudonym, date, mode, "
                                   "duration, status and the share of segments checked. With --edit ID, change "
                                   "that interview's --date (YYYY-MM-DD, or a Jalali date such as 1403/05/02), "
                                   "--mode or --title, then list.")
    p.add_argument("--study", required=True, metavar="PATH", help="the study folder")
    p.add_argument("--json", action="store_true",
                   help="print a JSON list: [{id, title, participant, date, mode, duration_s, status, coded, "
                        "segments, checked}], checked being the share of segments checked (0..1)")
    p.add_argument("--edit", type=int, metavar="ID", help="the interview to change")
    p.add_argument("--date", metavar="DATE", help="with --edit: when the interview was held")
    p.add_argument("--mode", choices=MODES, help="with --edit: how it was held")
    p.add_argument("--title", help="with --edit: a short title (empty to clear)")
    p.set_defaults(func=_interviews)


def _interviews(args: argparse.Namespace) -> int:
    from codebook import Study
    from codebook.dates import parse_display_date
    from codebook.errors import StudyError

    changes = {k: getattr(args, k) for k in ("date", "mode", "title") if getattr(args, k) is not None}
    if changes and args.edit is None:
        raise StudyError("--date, --mode and --title change an interview: name it with --edit ID.")
    with Study.open(args.study) as study:
        if args.edit is not None:
            if "date" in changes:
                iso = parse_display_date(changes["date"], "fa")
                if iso is None:
                    raise StudyError(f"“{changes['date']}” is not a date: write YYYY-MM-DD, or a Jalali "
                                     "date such as 1403/05/02.")
                changes["date"] = iso
            study.interviews.update(study.interviews.get(args.edit).id, **changes)
        rows = [_row(study, iv) for iv in study.interviews.list()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    print(_table(rows))
    return 0


def _row(study, iv) -> dict:
    p = study.interviews.progress(iv.id)
    pseudonym = study.participants.get(iv.participant_id).pseudonym if iv.participant_id else None
    return {"id": iv.id, "title": iv.title, "participant": pseudonym, "date": iv.date, "mode": iv.mode,
            "duration_s": None if iv.duration_ms is None else round(iv.duration_ms / 1000, 1),
            "status": p.state, "coded": p.coded, "segments": p.segments,
            "checked": round(p.checked / p.segments, 3) if p.segments else 0.0}


def _table(rows: list[dict]) -> str:
    from codebook.dates import format_hms
    from codebook.safety import terminal_text

    head = ("id", "participant", "date", "mode", "duration", "status", "checked")
    lines = [head]
    for r in rows:
        status = r["status"] + (" · coded" if r["coded"] else "")
        duration = format_hms(r["duration_s"] * 1000) if r["duration_s"] is not None else ""
        lines.append((str(r["id"]), terminal_text(r["participant"] or r["title"] or ""), terminal_text(r["date"] or ""),
                      terminal_text(r["mode"] or ""),
                      duration, status, f"{round(r['checked'] * 100)}%" if r["segments"] else ""))
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip() for line in lines)
