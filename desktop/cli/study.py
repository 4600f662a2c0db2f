"""``mosahebeh new PATH`` and ``mosahebeh demo PATH [--no-gui]``: make a study."""
from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create an empty study folder",
                       description="Create an empty study at PATH (the folder NAME.mosahebeh, with study.db and "
                                   "audio/). '.mosahebeh' is added to the name if missing.")
    p.add_argument("path", metavar="PATH", help="the study folder to create")
    p.add_argument("--name", help="the study's title (default: the folder name)")
    p.add_argument("--lang", choices=["fa", "en"], default="fa",
                   help="language of the default participant attributes (role, workplace, field, degree, "
                        "gender); default fa")
    p.set_defaults(func=_new)

    p = sub.add_parser("demo", help="create the demo study (and open it)",
                       description="Create the demo study at PATH: six invented experts on public libraries "
                                   "during COVID-19, six two-channel interviews with Persian speech, transcripts, "
                                   "a codebook with codings and an interview guide. Opens it in the app unless "
                                   "--no-gui is given.")
    p.add_argument("path", metavar="PATH", help="the study folder to create")
    p.add_argument("--no-gui", action="store_true", help="only build the study; do not open the app")
    p.set_defaults(func=_demo)


def _new(args: argparse.Namespace) -> int:
    from codebook import Study
    from codebook.participants import DEFAULT_ATTRIBUTES

    def setup(study) -> None:
        for name in DEFAULT_ATTRIBUTES[args.lang]:
            study.participants.define_attribute(name)

    # Built beside PATH and renamed into place when complete: a failure (a full disk) leaves nothing.
    with Study.create(args.path, name=args.name, setup=setup) as study:
        print(study.folder)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from codebook.demo import build_demo

    folder = build_demo(args.path)
    print(folder)
    if args.no_gui:
        return 0
    from desktop.cli._gui import open_app

    return open_app(study=str(folder), lang=None)
