"""Coders: the names stamped on codings (who applied a code), listed and renamed.

A coder is just the ``coder`` text of each coding; the app stamps the name set
in its settings, REFI-QDA carries it as the ``creatingUser`` of a coding, and a
merge brings a colleague's codings in under their name.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from codebook.errors import StudyError
from transcribe.normalize import canonical

if TYPE_CHECKING:
    from codebook.study import Study


def coders(study: Study) -> list[tuple[str, int]]:
    """Every coder named on a coding (the empty name: codings with no coder), with
    how many codings each made, most first."""
    rows = study.db.execute("SELECT coder, COUNT(*) FROM codings GROUP BY coder ORDER BY COUNT(*) DESC, coder")
    return [(r[0], r[1]) for r in rows.fetchall()]


def clean_name(name: str) -> str:
    return " ".join(canonical(name or "").split())


def rename(study: Study, old: str, new: str) -> int:
    """Put ``new`` on every coding stamped ``old``; returns how many. Renaming onto a
    name already in use joins the two (say so before calling, if that is not meant)."""
    new = clean_name(new)
    if not new:
        raise StudyError("A coder needs a name.")
    if old == new:
        return 0
    if old not in dict(coders(study)):
        raise StudyError(f"No coding by a coder named {old!r} in this study.")
    with study.atomic():
        return study.codings.rename_coder(old, new)


def coding_ids_by(study: Study, coder: str) -> set[int]:
    """The ids of a coder's codings (for views that filter by coder)."""
    return {r[0] for r in study.db.execute("SELECT id FROM codings WHERE coder = ?", [coder]).fetchall()}


def set_coder(study: Study, coding_ids, name: str) -> None:
    """Stamp ``name`` on the given codings (the undo of a rename puts the old name back on exactly those)."""
    ids = list(coding_ids)
    with study.atomic():
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            study.db.execute(f"UPDATE codings SET coder = ? WHERE id IN ({','.join('?' * len(part))})",
                             [name, *part])
