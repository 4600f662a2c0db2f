"""REFI-QDA projects written by other tools (../shared/refi-real, see its README):
each imports into a new study with its codings, the repairs listed, and what
is not imported counted; every coded span holds the source's text at its
positions (counted as the producer counts them)."""
from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from codebook import Study
from codebook.refiqda import import_qdpx_new
from transcribe.normalize import canonical

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "refi-real"
P = "{urn:QDA-XML:project:1.0}"
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=f"the shared REFI-QDA files are not at {REAL}")

# file stem prefix -> (codes incl. categories, interviews, codings imported, how it counts positions)
EXPECTED = {
    "nvivo": (152, 2, 303, "utf16"),
    "maxqda": (307, 10, 0, "codepoints"),
    "atlasti": (14, 9, 0, "codepoints"),
    "qualcoder": (285, 30, 753, "codepoints"),
}


def _file(prefix: str) -> Path:
    found = sorted(REAL.glob(f"{prefix}*.qdpx"))
    if not found:
        pytest.skip(f"no {prefix} file in {REAL}")
    return found[0]


def _slice(text: str, a: int, b: int, counting: str) -> str:
    if counting == "utf16":
        return text.encode("utf-16-le")[2 * a:2 * b].decode("utf-16-le")
    return text[a:b]


def expected_spans(qdpx: Path, counting: str) -> dict[str, list[str]]:
    """{source name: [the text of each coding's selection]} read straight from the file."""
    with zipfile.ZipFile(qdpx) as z:
        names = {n.casefold(): n for n in z.namelist()}
        root = etree.fromstring(z.read(names.get("project.qde") or next(n for n in z.namelist() if n.endswith(".qde"))))
        out: dict[str, list[str]] = {}
        for src in root.iter(f"{P}TextSource"):
            path = src.get("plainTextPath", "")[len("internal://"):]
            entry = names.get(f"sources/{path}".casefold())
            if entry is None:
                continue
            text = z.read(entry).decode("utf-8").removeprefix("\ufeff")
            for sel in src.iter(f"{P}PlainTextSelection"):
                piece = _slice(text, int(sel.get("startPosition")), int(sel.get("endPosition")), counting)
                out.setdefault(src.get("name"), []).extend([piece] * len(sel.findall(f"{P}Coding")))
        return out


def squash(text: str) -> str:
    return "".join(canonical(text).split())


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_real_project_imports_with_its_codings(prefix, tmp_path):
    qdpx = _file(prefix)
    n_codes, n_interviews, n_codings, counting = EXPECTED[prefix]
    result = import_qdpx_new(qdpx, tmp_path / "imported")
    with Study.open(tmp_path / "imported.mosahebeh") as study:
        assert len(study.codes.list()) == n_codes
        assert len(study.interviews.list()) == n_interviews
        assert result.counts["codings"] == len(study.codings.list()) == n_codings
        # every coded span holds the source text at its positions
        expected = expected_spans(qdpx, counting)
        got: dict[str, list[str]] = {}
        for iv in study.interviews.list():
            segs = study.transcripts.segments(iv.id)
            order = {s.id: i for i, s in enumerate(segs)}
            for c in study.codings.list(interview_id=iv.id):
                first, last = order[c.start_segment_id], order[c.end_segment_id]
                parts = [segs[i].text[c.start_offset if i == first else 0:c.end_offset if i == last else None]
                         for i in range(first, last + 1)]
                got.setdefault(study.interviews.label(iv), []).append("\n".join(parts))
        for name, spans in expected.items():
            label = canonical(name).strip()
            assert sorted(map(squash, got.get(label, []))) == sorted(map(squash, spans)), name
    # nothing is left beside the study
    assert [p.name for p in tmp_path.iterdir()] == ["imported.mosahebeh"]



def test_what_each_file_repairs_and_leaves_out(tmp_path):
    results = {p: import_qdpx_new(_file(p), tmp_path / p) for p in EXPECTED}
    assert any("UTF-16" in r for r in results["nvivo"].repairs)
    assert results["qualcoder"].repairs == ["1 reference to a user not listed in the project (ignored)"]
    assert results["maxqda"].skipped == Counter({"sets": 2})
    atlas = results["atlasti"]
    assert atlas.repairs == ["2 GUIDs used twice, once in a part not imported (that part ignored)"]
    # all 16 codings are counted: none can be imported (no text in the archive, pictures, PDFs, video ranges)
    coding_kinds = [k for k in atlas.skipped if "codings" in k]
    assert sum(atlas.skipped[k] for k in coding_kinds) == 16
    assert "Repaired: 2 GUIDs used twice" in atlas.summary() and "Not imported:" in atlas.summary()


def test_every_key_of_the_result_is_declared_for_the_dialogs(tmp_path):
    from codebook.refiqda.import_ import COUNT_KINDS, SKIPPED_KINDS

    for prefix in EXPECTED:
        result = import_qdpx_new(_file(prefix), tmp_path / prefix)
        assert set(result.counts) <= set(COUNT_KINDS) and set(result.skipped) <= set(SKIPPED_KINDS), prefix
