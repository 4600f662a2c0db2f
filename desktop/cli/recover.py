"""``mosahebeh recover PATH``: finish recordings cut short (crash, kill, power, full disk).

PATH is a take folder, a file given to ``record --out`` (its ``NAME.take``
beside it), or a study folder (every unfinished take of the study, each
attached to its interview).
"""
from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser("recover", help="finish a recording that was cut short",
                              description="Finish a recording whose program was killed or whose disk filled up: "
                                          "writes the interview file from what was saved.")
    p.add_argument("path", metavar="PATH", help="a take folder, the FILE.wav given to `record --out`, or a study folder")
    p.add_argument("--out", metavar="FILE.wav", help="write the result here instead")
    p.set_defaults(func=run)


def run(args) -> int:
    from codebook.errors import StudyError
    from desktop.cli import cli_language
    from transcribe.recording.finish import finish_take
    from transcribe.recording.take import find_unfinished

    path = Path(args.path)
    if not path.exists() and not path.with_suffix(".take").exists():
        raise StudyError("Nothing at {path}.", path=str(path))
    study_folder = _study_of(path)
    if study_folder is not None:
        return _recover_study(study_folder, path, cli_language(args) == "fa")
    takes = find_unfinished(path)
    if not takes:
        raise StudyError("No unfinished recording at {path}.", path=str(path))
    if args.out and len(takes) > 1:
        raise StudyError("{path} holds {count} unfinished recordings; --out needs one.", path=str(path), count=len(takes))
    for take in takes:
        result = finish_take(take, out=args.out)
        if cli_language(args) == "fa":
            from desktop.messages.cli_output import num
            from desktop.messages.cli_output import path as shown

            print(f"{shown(take.folder)} بازیابی شد: {shown(result.path)}، {num(result.channels)} کانال، "
                  f"{num(result.duration_ms / 1000, '.1f')} ثانیه، {num(len(result.marks))} نشانک.")
            continue
        print(f"Recovered {take.folder}: {result.path}, {result.channels} channel{'s' if result.channels > 1 else ''}, "
              f"{result.duration_ms / 1000:.1f} s, {len(result.marks)} marks.")
    return 0


def _study_of(path: Path) -> Path | None:
    for p in [path.resolve(), *path.resolve().parents]:
        if (p / "study.db").is_file():
            return p
    return None


def _recover_study(folder: Path, path: Path, fa: bool = False) -> int:
    from codebook import Study
    from codebook.errors import StudyError
    from codebook.recording import attach_take, pending_takes

    with Study.open(folder) as study:
        takes = [t for t in pending_takes(study)
                 if path.resolve() == folder or path.resolve() == t.folder.resolve()]
        if not takes:
            raise StudyError("No unfinished recording in {path}.", path=str(path))
        for take in takes:
            interview = attach_take(study, take)
            if fa:
                from desktop.messages.cli_output import num
                from desktop.messages.cli_output import path as shown

                print(f"{shown(take.folder)} بازیابی شد: مصاحبهٔ {num(interview.id)} ({study.interviews.label(interview)})، "
                      f"{num((interview.duration_ms or 0) / 1000, '.1f')} ثانیه.")
                continue
            print(f"Recovered {take.folder}: interview {interview.id} ({study.interviews.label(interview)}), "
                  f"{(interview.duration_ms or 0) / 1000:.1f} s.")
    return 0
