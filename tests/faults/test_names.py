"""File names made from study text are safe and bounded, and checked before the first file."""
from __future__ import annotations

import pytest

from codebook.errors import StudyError
from codebook.models import NewSegment
from codebook.safety import NAME_BYTES, check_names, safe_filename
from codebook.exchange import export

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


@pytest.mark.parametrize("stem", [
    "011-\u202eevil\u202c gpj.exe", "a\nb\rc\u2028d", "../../etc/passwd", "a\\b:c*?\"<>|", "\x00nul\x1f",
    "CON", " . ", "", "کتاب‌خانه" * 60, "😀" * 100,
])
def test_safe_filename(stem):
    name = safe_filename(stem, "docx")
    assert name.endswith(".docx")
    assert len(name.encode("utf-8")) <= NAME_BYTES <= 255 - 15
    assert not set(name) & set(BIDI + "/\\\n\r\x00\u2028")
    assert not name.startswith(".") and name.split(".")[0].upper() not in ("CON", "NUL")
    check_names("x", [name])


def test_zwnj_stays_in_persian_names():
    assert safe_filename("کتاب‌خانه", "txt") == "کتاب‌خانه.txt"


def test_unsafe_or_colliding_names_are_refused_before_writing():
    with pytest.raises(StudyError, match="not a safe file name"):
        check_names("x", ["a\u202eb.txt"])
    with pytest.raises(StudyError, match="both be called"):
        check_names("x", ["a.txt", "A.txt"])


def test_all_transcripts_export_with_hostile_and_long_pseudonyms(study, tmp_path):
    names = ["\u202eevil\u202c gpj.exe", "line\nbreak/slash", "پژوهش" * 40, "نام‌مستعار\u2067" * 30]
    for k, pseudonym in enumerate(names):
        p = study.participants.add(pseudonym)
        iv = study.interviews.add(p.id, title=pseudonym)
        study.transcripts.add_segments(iv.id, [NewSegment(0, 1000, f"متن {k}", "")])
    out = tmp_path / "all"
    for fmt in ("txt", "docx"):
        message = export(study, fmt, out / fmt, what="transcript")
        files = sorted((out / fmt).iterdir())
        assert len(files) == len(names), (message, files)
        for f in files:
            assert len(f.name.encode("utf-8")) <= 255
            assert not set(f.name) & set(BIDI + "\n")
            assert f.suffix == f".{fmt}"
        assert not [f for f in (out / fmt).iterdir() if f.name.endswith(".part")]
