"""What a study holds beyond codes and codings, carried in REFI-QDA terms so
that a Mosahebeh-to-Mosahebeh round trip keeps it (other tools see ordinary
variables and notes):

==========================  ==================================================
in the study                in the project
==========================  ==================================================
who referred a participant  case variable ``Referred by`` (Text): the pseudonym
interview status            source variable ``Interview status`` (Text)
checked segments            source variable ``Checked segments`` (Text): line
                            numbers from 1, as ranges (``1-12,15``)
the interview guide         a project note ``Interview guide``: one main
                            question a line, follow-ups indented with a tab
the glossary                a project note ``Glossary``: ``term<TAB>replacement
                            <TAB>note`` a line (not written when pseudonymising)
a bookmark / a question     a note ``Bookmark`` / ``Guide question`` holding the
asked                       label, referenced by a ``TranscriptSelection`` whose
                            sync points carry the time (no position) in the
                            audio source's transcript; on a text source, a
                            ``NoteRef`` to a note named ``Bookmark @<ms> ms``
==========================  ==================================================
"""
from __future__ import annotations

import re

REFERRED_BY = "Referred by"
GUIDE_NOTE = "Interview guide"
GLOSSARY_NOTE = "Glossary"
MARK_NOTE = {"mark": "Bookmark", "question": "Guide question"}
MARK_KIND = {v: k for k, v in MARK_NOTE.items()}
UNTITLED = "Memo"  # the name of a note made from a memo without a title
_AT = re.compile(r"^(Bookmark|Guide question) @(\d+) ms$")


def ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 5]`` → ``"1-3,5"``."""
    out: list[str] = []
    start: int | None = None
    prev: int | None = None
    for n in sorted(numbers):
        if start is None or prev is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            out.append(f"{start}-{prev}" if prev != start else str(start))
            start = prev = n
    if start is not None:
        out.append(f"{start}-{prev}" if prev != start else str(start))
    return ",".join(out)


def parse_ranges(text: str) -> list[int] | None:
    """The numbers in ``"1-3,5"``, or None when it is not such a list."""
    out: list[int] = []
    for part in (text or "").replace(" ", "").split(","):
        if not part:
            continue
        a, _, b = part.partition("-")
        if not a.isdigit() or (b and not b.isdigit()):
            return None
        out.extend(range(int(a), int(b or a) + 1))
    return out


def guide_text(questions) -> str:
    """The guide as note text (``questions`` in :meth:`Guide.list` order)."""
    return "\n".join(("\t" if q.parent_id is not None else "") + " ".join(q.text.split()) for q in questions)


def read_guide(text: str) -> list[tuple[bool, str]]:
    """(is a follow-up, text) for each question line of a guide note."""
    out: list[tuple[bool, str]] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            out.append((line.startswith(("\t", " ")) and bool(out), line.strip()))
    return out


def glossary_text(terms) -> str:
    return "\n".join("\t".join((" ".join(g.term.split()), " ".join((g.replacement or "").split()),
                                " ".join(g.note.split()))) for g in terms)


def read_glossary(text: str) -> list[tuple[str, str | None, str]]:
    out = []
    for line in text.replace("\r\n", "\n").split("\n"):
        parts = line.split("\t")
        if parts[0].strip():
            parts += ["", ""]
            out.append((parts[0].strip(), parts[1].strip() or None, parts[2].strip()))
    return out


def mark_name_at(kind: str, at_ms: int) -> str:
    return f"{MARK_NOTE[kind]} @{int(at_ms)} ms"


def read_mark_name(name: str) -> tuple[str, int] | None:
    m = _AT.match(name or "")
    return (MARK_KIND[m.group(1)], int(m.group(2))) if m else None
