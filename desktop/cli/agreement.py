"""``mosahebeh agreement``: how far two coders agree, per code and overall.

    mosahebeh agreement --study PATH --coders A B [--unit segment|span] [--overlap 0.8]
        [--codes CODE ...] [--interviews ID ...] [--json] [--out FILE.xlsx|FILE.docx] [--lang fa|en]

See :mod:`codebook.agreement` for the units and the coefficients.
"""
from __future__ import annotations

import argparse
import json
import sys

from codebook import agreement as ag


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "agreement", help="inter-coder agreement: percent, Cohen's kappa, Krippendorff's alpha",
        description="Agreement between two coders of a study, per code and over all codes: percent agreement, "
                    "Cohen's kappa and Krippendorff's alpha (nominal), with the number of units. Unit 'segment': "
                    "each code present or absent in each transcript segment for each coder. Unit 'span': each "
                    "coding of either coder is a unit; a coding agrees with one of the other coder when they "
                    "overlap by at least --overlap of the longer one (MAXQDA's rule), counted both ways. "
                    "By default the interviews both coders coded and every code of the codebook.")
    p.add_argument("--study", metavar="PATH", required=True, help="the study folder (NAME.mosahebeh)")
    p.add_argument("--coders", nargs=2, metavar=("A", "B"), required=True,
                   help="the two coders' names, as stamped on their codings")
    p.add_argument("--unit", choices=ag.UNITS, default="segment", help="unit of analysis (default segment)")
    p.add_argument("--overlap", type=float, default=ag.OVERLAP,
                   help="span unit: the share of the longer coding two codings must overlap by (default 0.8)")
    p.add_argument("--codes", nargs="+", metavar="CODE", help="only these codes (ids or names; a category "
                                                              "stands for its codes)")
    p.add_argument("--interviews", nargs="+", metavar="ID", help="only these interviews (ids or labels)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    p.add_argument("--out", metavar="FILE", help="also write the table with its sentence for the paper "
                                                 "(.xlsx or .docx)")
    p.add_argument("--lang", choices=("fa", "en"), default="fa",
                   help="language of the --out table and its sentence (default fa)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from codebook.errors import StudyError
    from codebook.study import Study

    with Study.open(args.study) as study:
        codes = ag.resolve_codes(study, args.codes) if args.codes else None
        interviews = ag.resolve_interviews(study, args.interviews) if args.interviews else None
        result = ag.compute(study, args.coders[0], args.coders[1], unit=args.unit, overlap=args.overlap,
                            codes=codes, interviews=interviews)
    if args.out:
        fmt = Path(args.out).suffix.lower().lstrip(".")
        if fmt not in ("xlsx", "docx"):
            raise StudyError("--out writes .xlsx or .docx, not {out!r}.", out=args.out)
        ag.export(result, fmt, args.out, args.lang)
    if args.json:
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    from desktop.cli import cli_language

    if cli_language(args) == "fa":
        from desktop.messages import cli_output

        sys.stdout.write(cli_output.agreement_report(result, ag.sentence(result, "fa")))
        if args.out:
            sys.stdout.write(cli_output.wrote(args.out) + "\n")
        return 0
    sys.stdout.write(report(result))
    if args.out:
        sys.stdout.write(f"Wrote {args.out}\n")
    return 0


def report(result: ag.Agreement) -> str:
    def f(x):
        return "  n/a" if x is None else f"{x:5.2f}"

    def p(x):
        return "   n/a" if x is None else f"{x * 100:5.1f}%"

    width = max([len("Code")] + [len(c.code) for c in result.codes])
    lines = [f"Coders: {result.coders[0]} and {result.coders[1]}; unit: {result.unit}"
             + (f" (overlap {result.overlap:g})" if result.overlap is not None else "")
             + f"; interviews: {', '.join(map(str, result.interviews)) or 'none'}",
             f"{'Code':<{width}}  {'units':>6}  {'agree':>6}  {'kappa':>5}  {'alpha':>5}"]
    for c in result.codes:
        lines.append(f"{c.code:<{width}}  {c.units:>6}  {p(c.percent)}  {f(c.kappa)}  {f(c.alpha)}")
    o = result.overall
    lines.append(f"{'All codes':<{width}}  {o.units:>6}  {p(o.percent)}  {f(o.kappa)}  {f(o.alpha)}")
    lines.append("")
    lines.append(ag.sentence(result, "en"))
    lines.append(f"Disagreements: {len(result.disagreements)}")
    return "\n".join(lines) + "\n"
