"""``mosahebeh participants --study PATH``: list a study's participants, add one or change one.

    mosahebeh participants --study PATH [--json]
    mosahebeh participants --study PATH --add PSEUDONYM [--attr KEY=VALUE …] [--referrer P] [--json]
    mosahebeh participants --study PATH --edit ID [--pseudonym NEW] [--attr KEY=VALUE …] [--referrer P] [--json]

The same store calls as the app's Participants tab. Real names and contacts are
never printed (they are kept apart and entered in the app only).
"""
from __future__ import annotations

import argparse
import json

EPILOG = ("A participant P (--referrer) is named by pseudonym or by id; #7 always means id 7. "
          "--attr KEY= with nothing after = removes that attribute. --referrer '' clears the referrer.")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("participants", help="list a study's participants, or add or change one",
                       description="List the participants of a study (id, pseudonym, who referred them, "
                                   "attributes, interviews). With --add PSEUDONYM, add one; with --edit ID, "
                                   "change one; either prints that participant.",
                       epilog=EPILOG)
    p.add_argument("--study", required=True, metavar="PATH", help="the study folder")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--add", metavar="PSEUDONYM", help="add a participant with this pseudonym")
    what.add_argument("--edit", metavar="ID", type=int, help="change the participant with this id")
    p.add_argument("--pseudonym", metavar="NEW", help="with --edit: a new pseudonym")
    p.add_argument("--attr", metavar="KEY=VALUE", action="append", default=[],
                   help="with --add or --edit: set an attribute (role=librarian); repeat for more; "
                        "a new KEY becomes a column of the study")
    p.add_argument("--referrer", metavar="P", help="with --add or --edit: who referred them (pseudonym or id)")
    p.add_argument("--json", action="store_true",
                   help="print JSON: a list of {id, pseudonym, referred_by, referrer, attributes, notes, "
                        "interviews}, or that one object after --add/--edit (referred_by: an id or null; "
                        "referrer: that participant's pseudonym or null; interviews: ids)")
    p.set_defaults(func=_participants)


def attributes(pairs: list[str]) -> dict[str, str]:
    """``KEY=VALUE`` arguments as a dict (a value may hold ``=``; an empty one removes the attribute)."""
    from codebook.errors import StudyError

    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise StudyError("--attr takes KEY=VALUE (role=librarian), not “{pair}”.", pair=pair)
        out[key.strip()] = value.strip()
    return out


def _participants(args: argparse.Namespace) -> int:
    from codebook import Study
    from codebook.errors import StudyError

    attrs = attributes(args.attr)
    if args.add is None and args.edit is None and (attrs or args.referrer is not None or args.pseudonym):
        raise StudyError("--attr, --referrer and --pseudonym change a participant: add one with --add "
                         "PSEUDONYM or name one with --edit ID.")
    if args.pseudonym is not None and args.add is not None:
        raise StudyError("--pseudonym renames a participant with --edit ID; --add takes the pseudonym itself.")
    with Study.open(args.study) as study:
        people = study.participants
        referrer = None
        if args.referrer:
            referrer = people.find(args.referrer).id
        if args.add is not None:
            with study.atomic():
                one = people.add(args.add, attrs or None, referred_by=referrer)
        elif args.edit is not None:
            with study.atomic():
                people.get(args.edit)
                change: dict = {}
                if args.pseudonym is not None:
                    change["pseudonym"] = args.pseudonym
                if args.referrer is not None:
                    change["referred_by"] = referrer
                if change:
                    people.update(args.edit, **change)
                if attrs:
                    people.set_attributes(args.edit, attrs)
                one = people.get(args.edit)
        else:
            rows = [_row(study, p) for p in people.list()]
            print(json.dumps(rows, ensure_ascii=False, indent=1) if args.json else _table(rows, args))
            return 0
        row = _row(study, one)
    print(json.dumps(row, ensure_ascii=False, indent=1) if args.json else _table([row], args))
    return 0


def _row(study, p) -> dict:
    referrer = study.participants.get(p.referred_by).pseudonym if p.referred_by is not None else None
    return {"id": p.id, "pseudonym": p.pseudonym, "referred_by": p.referred_by, "referrer": referrer,
            "attributes": dict(p.attributes), "notes": p.notes,
            "interviews": [iv.id for iv in study.interviews.of_participant(p.id)]}


def _table(rows: list[dict], args: argparse.Namespace | None = None) -> str:
    from desktop.cli import cli_language

    if cli_language(args) == "fa":
        from desktop.messages.cli_output import participants_table

        return participants_table(rows)
    head = ("id", "pseudonym", "referred by", "interviews", "attributes")
    lines = [head] + [(str(r["id"]), r["pseudonym"], r["referrer"] or "", ", ".join(map(str, r["interviews"])),
                       "; ".join(f"{k}={v}" for k, v in r["attributes"].items())) for r in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() for line in lines)
