"""Where a colleague's work comes from, opened as a study for :mod:`codebook.merge`:
another study folder, a zipped study (a ``.zip`` holding one ``study.db``, at its
root or in one folder), or a REFI-QDA project read into a temporary study through
the importer, with the project's code GUIDs kept beside it.
"""
from __future__ import annotations

import contextlib
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from codebook.errors import StudyError
from codebook.models import Code
from transcribe.normalize import canonical

if TYPE_CHECKING:
    from codebook.study import Study


@contextlib.contextmanager
def open_theirs(path: str | os.PathLike, near: str | os.PathLike) -> Iterator[tuple[Study, dict[int, str], bool]]:
    """Their work as an open study: (study, {code id: GUID}, whether their codes carry
    creation times comparable with mine). A ``.qdpx`` or an archive is unpacked into a
    working folder inside ``near`` (my study folder: their study holds real names, which
    never go to the system's temporary folder), removed afterwards, and at the next start
    of any command if this one is killed (:mod:`codebook.locking`)."""
    from codebook.locking import temp_dir
    from codebook.study import DB_NAME, SUFFIX, Study

    path = Path(path)
    if path.is_dir() or path.name == DB_NAME:
        with Study.open(path) as theirs:
            yield theirs, {c.id: theirs.record_guid("code", c.id) for c in theirs.codes.list()}, True
        return
    if not path.is_file():
        raise StudyError("Nothing to merge at {path}: give a study folder, a study archive (.zip) or a .qdpx.", path=path)
    with temp_dir(near, "merge") as tmp:
        if path.suffix.lower() == ".qdpx":
            from codebook.refiqda import import_qdpx

            stem = path.stem
            with Study.create(tmp / f"theirs{SUFFIX}", name=stem) as theirs:
                import_qdpx(theirs, path)
                guids = _qdpx_code_guids(theirs, path)
                yield theirs, guids, False
        elif zipfile.is_zipfile(path):
            db = _unpack_archive(path, tmp)
            with Study.open(db.parent) as theirs:
                yield theirs, {c.id: theirs.record_guid("code", c.id) for c in theirs.codes.list()}, True
        else:
            raise StudyError("{file} is not a study folder, a study archive (.zip) or a REFI-QDA project (.qdpx).",
                             file=path.name)


def _unpack_archive(path: Path, into: Path) -> Path:
    """Unpack a study archive (a zip with one study.db, at its root or in one folder) with the
    importer's checks (:class:`codebook.refiqda.archive.SafeZip`: unsafe paths, entry count, sizes,
    zip-bomb ratios, entries larger than they say, the free space); only the database and
    the files under ``audio/`` are taken, as plain files."""
    from codebook.refiqda.archive import SafeZip, free_space_ok
    from codebook.study import DB_NAME

    z = SafeZip(path)
    try:
        files = [i for i in z.all if not i.is_dir()]  # every entry (``entries`` keeps one name per case)
        names = [i.filename for i in files]
        dbs = [n for n in names if n == DB_NAME or n.endswith("/" + DB_NAME) and n.count("/") == 1]
        if len(dbs) != 1:
            raise StudyError("{name} is a zip, but not a study archive (it holds no single {db}).",
                             name=path.name, db=DB_NAME)
        top = dbs[0][: -len(DB_NAME)]
        wanted = [i for i in files if i.filename == dbs[0]
                  or (i.filename.startswith(top + "audio/") and i.filename.count("/") == top.count("/") + 1
                      and not i.filename.rsplit("/", 1)[1].startswith("."))]
        free_space_ok(into, sum(i.file_size for i in wanted))
        (into / "audio").mkdir()
        for info in wanted:
            z.copy_to(info, into / info.filename[len(top):])
    finally:
        z.close()
    return into / DB_NAME


def _qdpx_code_guids(theirs: Study, path: Path) -> dict[int, str]:
    """{code id in the temporary study: its GUID in the project}, matched by the path of names."""
    from codebook.refiqda.archive import SafeZip
    from codebook.refiqda.codebook_xml import read_codes
    from codebook.refiqda.xmlutil import PROJECT_NS, parse

    archive = SafeZip(path)
    try:
        info = archive.find("project.qde") or next(
            (i for n, i in archive.entries.items() if n.endswith(".qde") and "/" not in n), None)
        if info is None:
            raise StudyError("{name} holds no project.qde: it is not a REFI-QDA project.", name=path.name)
        root = parse(archive.read(info), "project")
    finally:
        archive.close()
    codes_el = root.find(f"{{{PROJECT_NS}}}CodeBook/{{{PROJECT_NS}}}Codes")
    by_path: dict[tuple[str, ...], str] = {}

    def walk(specs, prefix):
        for s in specs:
            key = prefix + (canonical(s.name).strip(),)
            by_path.setdefault(key, s.guid)
            walk(s.children, key)
    walk(read_codes(codes_el), ())
    return {c.id: by_path[p] for c, p in _code_paths(theirs).items() if p in by_path}


def _code_paths(study: Study) -> dict[Code, tuple[str, ...]]:
    codes = study.codes.list()
    by_id = {c.id: c for c in codes}
    out = {}
    for c in codes:
        names, cur = [c.name], c
        while cur.parent_id is not None:
            cur = by_id[cur.parent_id]
            names.append(cur.name)
        out[c] = tuple(reversed(names))
    return out
