"""Where a colleague's work comes from, opened as a study for :mod:`codebook.merge`:
another study folder, a zipped study (a ``.zip`` holding one ``study.db``, at its
root or in one folder), or a REFI-QDA project read into a temporary study through
the importer, with the project's code GUIDs kept beside it.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
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
def open_theirs(path: str | os.PathLike) -> Iterator[tuple[Study, dict[int, str], bool]]:
    """Their work as an open study: (study, {code id: GUID}, whether their codes carry
    creation times comparable with mine). A ``.qdpx`` or an archive is unpacked into a
    temporary folder, removed afterwards."""
    from codebook.study import DB_NAME, SUFFIX, Study

    path = Path(path)
    if path.is_dir() or path.name == DB_NAME:
        with Study.open(path) as theirs:
            yield theirs, {c.id: theirs.record_guid("code", c.id) for c in theirs.codes.list()}, True
        return
    if not path.is_file():
        raise StudyError("Nothing to merge at {path}: give a study folder, a study archive (.zip) or a .qdpx.", path=path)
    tmp = Path(tempfile.mkdtemp(prefix="mosahebeh-merge-"))
    try:
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
            raise StudyError("{file} is not a study folder, a study archive (.zip) or a REFI-QDA project (.qdpx).", file=path.name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _unpack_archive(path: Path, into: Path) -> Path:
    """Unpack a study archive (a zip with one study.db, at its root or in one folder) safely."""
    from codebook.study import DB_NAME

    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        dbs = [n for n in names if n == DB_NAME or n.endswith("/" + DB_NAME) and n.count("/") == 1]
        if len(dbs) != 1:
            raise StudyError("{file} is a zip, but not a study archive (it holds no single {DB_NAME}).", file=path.name, DB_NAME=DB_NAME)
        root = into.resolve()
        for info in z.infolist():
            target = (into / info.filename).resolve()
            if root not in target.parents and target != root:
                raise StudyError("{file} holds a path outside its folder ({filename}); not merged.", file=path.name, filename=info.filename)
        z.extractall(into)
    return into / dbs[0]


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
