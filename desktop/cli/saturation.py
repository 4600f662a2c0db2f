"""``mosahebeh saturation``: saturation figures for a study or an incidence CSV.

    mosahebeh saturation (--study PATH | --incidence FILE.csv) [--base 4] [--run 2]
        [--threshold 0.05] [--initial 10] [--stop 3] [--permutations 1000] [--seed 0] [--json]

For a study, the interviews counted are those with at least one transcript
segment, in the order held (date, then creation); ``interviews`` in the JSON
are their ids. For a CSV (header ``interview,code``), they are the labels in
the order of their first row.
"""
from __future__ import annotations

import argparse
import json
import sys

from codebook import saturation as sat
from codebook.errors import StudyError
from codebook.wording import counted


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "saturation", help="saturation of the codes (Guest et al. 2020, Francis et al. 2010, Chao2)",
        description="Saturation of the codes over the interviews in the order they were held: new and "
                    "cumulative codes, the Guest, Namey & Chen (2020) verdict X+Y, Francis et al. (2010), "
                    "order robustness over random re-orderings, and the Chao2 estimate of all codes.")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--study", metavar="PATH", help="a study folder (NAME.mosahebeh)")
    src.add_argument("--incidence", metavar="FILE.csv",
                     help="a CSV with header 'interview,code', one row per code used in an interview "
                          "(an empty code: an interview with no codes)")
    p.add_argument("--base", type=int, default=sat.BASE, help="Guest: base size in interviews (default 4)")
    p.add_argument("--run", type=int, default=sat.RUN, help="Guest: run length in interviews (default 2)")
    p.add_argument("--threshold", type=float, default=sat.THRESHOLD,
                   help="Guest: new-information threshold as a share (default 0.05 = 5%%)")
    p.add_argument("--initial", type=int, default=sat.INITIAL, help="Francis: initial analysis sample (default 10)")
    p.add_argument("--stop", type=int, default=sat.STOP, help="Francis: stopping criterion (default 3)")
    p.add_argument("--permutations", type=int, default=sat.PERMUTATIONS,
                   help="random re-orderings for order robustness (default 1000; 0 to skip)")
    p.add_argument("--seed", type=int, default=sat.SEED, help="seed of the re-orderings (default 0)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a report")
    p.set_defaults(func=run)


def _load(args) -> tuple[list, list, list[str] | None]:
    """(interview ids or labels, code sets, display labels for the report)."""
    if args.incidence:
        labels, codes = sat.read_incidence_csv(args.incidence)
        return labels, codes, labels
    from codebook.analysis import incidence
    from codebook.study import Study

    with Study.open(args.study) as study:
        inc = incidence(study)
    return inc.ids, list(inc.codes), [i.label for i in inc.interviews]


def run(args: argparse.Namespace) -> int:
    ids, codes, labels = _load(args)
    result = sat.assess(ids, codes, base=args.base, run=args.run, threshold=args.threshold,
                        initial=args.initial, stop=args.stop, permutations=args.permutations, seed=args.seed)
    if args.json:
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    from desktop.cli import cli_language

    sys.stdout.write(report(result, labels, cli_language(args)))
    return 0


def report(result: sat.Saturation, labels: list[str], lang: str = "en") -> str:
    """The readable report: the table of interviews, each method's verdict, the sentence."""
    if lang == "fa":
        from desktop.messages.cli_output import saturation_report

        return saturation_report(result, labels, result.paragraph("fa"))
    lines = []
    width = max([len("Interview")] + [len(str(x)) for x in labels])
    lines.append(f"{'#':>3}  {'Interview':<{width}}  {'used':>5}  {'new':>5}  {'total':>5}")
    for n, (label, u, new, cum) in enumerate(zip(labels, result.codes_used, result.new_codes,
                                                 result.cumulative), start=1):
        lines.append(f"{n:>3}  {label:<{width}}  {u:>5}  {new:>5}  {cum:>5}")
    if not labels:
        lines.append("(no interview with a transcript yet)")
    g = result.guest
    lines.append("")
    lines.append(f"Guest, Namey & Chen (2020): base {counted(g.base, 'interview')} with {counted(g.base_codes, 'code')}, "
                 f"run length {g.run}, threshold {g.threshold:.0%}")
    for r in g.runs:
        lines.append(f"  run {r.first}-{r.last}: {r.new} new, {r.ratio:.1%}")
    if g.saturated:
        lines.append(f"  saturation at {g.label}")
    elif g.assessable:
        lines.append("  saturation not reached")
    else:
        lines.append("  not yet assessable")
    f = result.francis
    lines.append(f"Francis et al. (2010): initial sample {f.initial}, stopping criterion {f.stop}: "
                 + (f"saturated at interview {f.at}" if f.saturated else "not saturated"))
    r = result.permutations
    if r.k:
        spread = (f"median X {r.median_x:g}, 5th-95th percentile {r.p5_x:g}-{r.p95_x:g}"
                  if r.median_x is not None else "no ordering saturated")
        lines.append(f"Order robustness ({counted(r.k, 'ordering')}): {r.share_saturated:.1%} reach saturation; {spread}")
    found = result.cumulative[-1] if result.cumulative else 0
    share = f" ({result.found_share:.0%} found)" if result.found_share is not None else ""
    lines.append(f"Chao2 estimate of all codes: {result.chao2:.1f}; found {found}{share}")
    lines.append("")
    lines.append(result.paragraph(lang))  # the paragraph for the paper in the UI language (--lang fa)
    return "\n".join(lines) + "\n"


__all__ = ["register", "run", "report", "StudyError"]
