"""``mosahebeh code``: apply a code to a span of segments of one interview, or take it off.

    mosahebeh code --study PATH --interview ID --segments A-B --code "CATEGORY/CODE" [--coder NAME] [--remove]

Segments are numbered as the transcript editor shows them: 1 for the first row,
in transcript order (not segment ids). The coding covers the whole text of
segments A to B. The code, and its category, are made when missing. The coder
is the name set in the app's Settings (the same name the app stamps on a coding
made in its editor), or none when no name is set there; ``--coder`` overrides it.
"""
from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("code", help="code segments A to B of an interview with CATEGORY/CODE (or take it off)",
                       description="Code the whole text of segments A to B of one interview with a code, as the "
                                   "editor does with a selection. Segments are numbered as the transcript editor "
                                   "shows its rows: 1 is the first, in transcript order (these are positions, not "
                                   "segment ids). The code, and its category, are made when missing.",
                       epilog="CODE alone names the one code of that name anywhere in the codebook (made at the "
                              "top when there is none); CATEGORY/SUBCATEGORY/CODE goes deeper. The coder stamped "
                              "on the coding is --coder, else the name set in the app's Settings "
                              "(“Your name as coder”), else none, as the app itself does.")
    p.add_argument("--study", required=True, metavar="PATH", help="the study folder")
    p.add_argument("--interview", required=True, type=int, metavar="ID",
                   help="the interview (its id: see `mosahebeh interviews`)")
    p.add_argument("--segments", required=True, metavar="A-B",
                   help="the first and last segment, numbered from 1 as in the editor (A-B, or A for one)")
    p.add_argument("--code", required=True, metavar="CATEGORY/CODE", help="the code to apply or take off")
    p.add_argument("--coder", metavar="NAME", help="whose coding this is (default: the name in the app's Settings)")
    p.add_argument("--remove", action="store_true",
                   help="take off that code's coding of exactly these segments by this coder")
    p.set_defaults(func=_code)


def segment_range(text: str) -> tuple[int, int]:
    """``A-B`` (or ``A``; an en dash works too) as two 1-based positions."""
    from codebook.errors import StudyError

    first, sep, last = text.replace("–", "-").partition("-")
    try:
        a = int(first.strip())
        b = int(last.strip()) if sep else a
    except ValueError:
        raise StudyError("--segments takes A-B, the first and last segment numbered from 1 (3-5), "
                         "not “{text}”.", text=text) from None
    if a > b:
        a, b = b, a
    return a, b


def _code(args: argparse.Namespace) -> int:
    from codebook import Study
    from codebook.coders import clean_name
    from codebook.errors import StudyError
    from codebook.worded import WordedText
    from desktop.cli import cli_language
    from desktop.cli._settings import coder_name
    from desktop.messages import word

    def say(text: WordedText) -> None:
        print(word(text, cli_language(args)))

    first, last = segment_range(args.segments)
    coder = clean_name(args.coder) if args.coder is not None else coder_name()
    who = WordedText("coder {name}", name=coder) if coder else WordedText("no coder name")
    where = (WordedText("segment {first}", first=first) if first == last
             else WordedText("segments {first}–{last}", first=first, last=last))
    with Study.open(args.study) as study:
        with study.atomic():
            segments = study.transcripts.at_positions(args.interview, first, last)
            start, end = segments[0], segments[-1]
            span = (start.id, 0, end.id, len(end.text))
            if args.remove:
                code = study.codes.by_path(args.code)
                gone = [c for c in study.codings.list(interview_id=args.interview, code_id=code.id)
                        if c.coder == coder and (c.start_segment_id, c.start_offset, c.end_segment_id,
                                                 c.end_offset) == span]
                if not gone:
                    raise StudyError("No coding of {code} ({who}) covers exactly {where} of interview {id}.",
                                     code=study.codes.path(code.id), who=who, where=where, id=args.interview)
                for c in gone:
                    study.codings.remove(c.id)
                say(WordedText("Took {code} off {where} of interview {id} ({who}).", code=study.codes.path(code.id),
                               where=where, id=args.interview, who=who))
                return 0
            if not any(s.text for s in segments):
                raise StudyError("There is no text to code in {where} of interview {id}.", where=where,
                                 id=args.interview)
            code, made = study.codes.at_path(args.code)
            already = [c for c in study.codings.list(interview_id=args.interview, code_id=code.id)
                       if c.coder == coder and (c.start_segment_id, c.start_offset, c.end_segment_id,
                                                c.end_offset) == span]
            if not already:
                study.codings.add(code.id, *span, coder=coder)
        for c in made:
            say(WordedText("Made the category {path}.", path=study.codes.path(c.id)) if c.kind == "category"
                else WordedText("Made the code {path}.", path=study.codes.path(c.id)))
        values = dict(id=args.interview, where=where, code=study.codes.path(code.id), who=who)
        say(WordedText("Interview {id}, {where}, already had {code} ({who}).", **values) if already
            else WordedText("Interview {id}, {where}, now has {code} ({who}).", **values))
    return 0
