"""Property-based fuzzing (Hypothesis) of every importer: SRT, WebVTT, stamped TXT, noScribe
HTML, .qdc and .qdpx. Whatever the bytes, an import either succeeds with valid segments or
codes, or is refused with a StudyError (a sentence for the user) and changes nothing:
``pragma integrity_check`` stays ok and every table keeps its row count. Any other
exception is a bug.

Kept quick (a few dozen examples per importer, no deadline) so the fault suite stays well
inside the normal test run; HYPOTHESIS_PROFILE=deep runs many more examples by hand."""
from __future__ import annotations

import io
import os
import re
import zipfile

import numpy as np
import pytest
import soundfile as sf
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from codebook import Study, refiqda
from codebook.errors import StudyError
from codebook.formats import import_transcript
from codebook.formats.read import MAX_MS
from codebook.models import SPEAKER_INTERVIEWER, SPEAKER_PARTICIPANT, NewSegment
from faults_support import snapshot

settings.register_profile("faults", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])
settings.register_profile("deep", max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "2000")), deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "faults")

# -- text pieces that break parsers -------------------------------------------------------------

NASTY = st.sampled_from(["", "\x00", "\ufeff", "\u202e", "\u200c", "\r", "\r\n", "\t", "-->", "<", "&", "&#0;",
                         "&#x110000;", "<v ", ">", ":", "]", "[", "\ud800", "\x1f", "\u2028", "=1+1", "٫", "۱۲:۳۴"])
TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=30) | NASTY | \
    st.sampled_from(["مصاحبه‌گر: سلام", "P: بله", "Interviewer:", "S00: متن", "SPEAKER_1: x", "سلام دنیا"])
NUM = st.integers(0, 99) | st.sampled_from([0, 59, 60, 61, 99, 100, 999, 10**20, -1]) | st.integers(-10**30, 10**30)


def _two(n: int) -> str:
    return f"{n:02d}" if n >= 0 else str(n)


TIME = st.builds(lambda h, m, s, f, sep, hours: (f"{_two(h)}:" if hours else "") + f"{_two(m)}:{_two(s)}"
                 + (f"{sep}{abs(f) % 1000:03d}" if sep else ""), NUM, NUM, NUM, NUM,
                 st.sampled_from([",", ".", ""]), st.booleans())


def _cue(start, end, arrow, body, voice):
    v = f"<v {voice}>" if voice is not None else ""
    return f"{start} {arrow} {end}\n{v}{body}\n"


CUE = st.builds(_cue, TIME, TIME, st.sampled_from(["-->", "-->", "->", "—>"]), TEXT,
                st.none() | st.sampled_from(["Interviewer", "S01", "نام", ""]))
LINES = st.lists(CUE | TEXT | st.builds(lambda n: f"{n}\n", NUM), max_size=12)
STAMP = st.builds(lambda t, br, body: f"{br[0]}{t}{br[1]} {body}", TIME, st.sampled_from(["[]", "()", "[)"]), TEXT)


def _encode(text: str, how: str) -> bytes:
    if how == "utf-8":
        return text.encode("utf-8", "surrogatepass")
    if how == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    if how == "utf-16":
        return b"\xff\xfe" + text.encode("utf-16-le", "surrogatepass")
    if how == "utf-16-odd":
        return b"\xff\xfe" + text.encode("utf-16-le", "surrogatepass") + b"\x00"
    if how == "utf-16-be":
        return b"\xfe\xff" + text.encode("utf-16-be", "surrogatepass")
    return text.encode("cp1256", "replace")


ENCODING = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-odd", "utf-16-be", "cp1256"])

# -- the study an import goes into ------------------------------------------------------------


@pytest.fixture(scope="module")
def target(tmp_path_factory):
    """A study with an interview (10 s of audio duration) that fuzzed transcripts are imported onto."""
    study = Study.create(tmp_path_factory.mktemp("fuzz") / "target")
    p = study.participants.add("نام مستعار")
    iv = study.interviews.add(p.id, title="مصاحبه")
    study.interviews.update(iv.id, duration_ms=10_000)
    study.interviews.add(p.id, title="بی‌زمان")
    yield study
    study.close()


def _check_import(study, tmp_path, data: bytes, suffix: str, fmt: str | None, interview: int) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    before = snapshot(study.folder)
    try:
        n = import_transcript(study, interview, path, fmt, replace=True)
    except StudyError as exc:
        assert str(exc).strip(), "a refusal must say why"
        assert snapshot(study.folder) == before
        return
    segments = study.transcripts.segments(interview)
    assert int(n) == len(segments) > 0
    duration = study.interviews.get(interview).duration_ms
    for s in segments:
        assert 0 <= s.start_ms <= s.end_ms <= (duration or MAX_MS)
        assert s.text.strip() and "\x00" not in s.text
    snapshot(study.folder)  # integrity ok after a successful import too


@settings(settings.get_profile(PROFILE))
@given(lines=LINES, how=ENCODING, interview=st.sampled_from([1, 2]))
def test_fuzz_srt(target, tmp_path, lines, how, interview):
    _check_import(target, tmp_path, _encode("\n".join(lines), how), ".srt", None, interview)


@settings(settings.get_profile(PROFILE))
@given(lines=LINES, how=ENCODING)
def test_fuzz_vtt(target, tmp_path, lines, how):
    _check_import(target, tmp_path, _encode("WEBVTT\n\n" + "\n".join(lines), how), ".vtt", "vtt", 1)


@settings(settings.get_profile(PROFILE))
@given(lines=st.lists(STAMP | TEXT, max_size=12), how=ENCODING, interview=st.sampled_from([1, 2]))
def test_fuzz_stamped_txt(target, tmp_path, lines, how, interview):
    _check_import(target, tmp_path, _encode("\n".join(lines), how), ".txt", "txt", interview)


ANCHOR = st.builds(lambda a, b, spk, body: f'<a name="ts_{a}_{b}_{spk}">{body}</a>',
                   NUM, NUM, st.sampled_from(["S00", "S01", "", "x_y", "Interviewer"]), TEXT)
PARA = st.builds(lambda parts: "<p>" + " ".join(parts) + "</p>", st.lists(ANCHOR | TEXT, max_size=4))
GARBAGE = st.sampled_from(["<html>", "<body>", "</p>", "<!--", "<![CDATA[", "<!DOCTYPE html>", "<script>",
                           '<a name="ts_', "&", "</html>", "<p", "<?xml version='1.0'?>"])


@settings(settings.get_profile(PROFILE))
@given(parts=st.lists(PARA | GARBAGE | TEXT, max_size=10), how=ENCODING)
def test_fuzz_noscribe_html(target, tmp_path, parts, how):
    _check_import(target, tmp_path, _encode("<html><body>" + "".join(parts) + "</body></html>", how), ".html",
                  "html", 1)


@settings(settings.get_profile(PROFILE))
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".srt", ".vtt", ".txt", ".html"]))
def test_fuzz_transcript_bytes(target, tmp_path, data, suffix):
    _check_import(target, tmp_path, data, suffix, None, 1)


# -- REFI-QDA --------------------------------------------------------------------------------


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


GUID = st.uuids().map(str) | st.sampled_from(["", "not-a-guid", "00000000-0000-0000-0000-000000000000"])
CODE_NAME = TEXT | st.sampled_from(["=HYPERLINK(\"http://x\")", "کد", "a" * 300])


def _code(children):
    return st.builds(lambda g, name, codable, color, desc, kids: (
        f'<Code guid="{g}" name="{_attr(name)}" isCodable="{codable}"'
        + (f' color="{_attr(color)}"' if color is not None else "") + ">"
        + (f"<Description>{_attr(desc)}</Description>" if desc is not None else "") + "".join(kids) + "</Code>"),
        GUID, CODE_NAME, st.sampled_from(["true", "false", "maybe"]),
        st.none() | st.sampled_from(["#fff", "#123456", "red", "#12345678"]), st.none() | TEXT, children)


CODES = st.recursive(st.just([]), lambda kids: st.lists(_code(kids), max_size=3), max_leaves=8)


@settings(settings.get_profile(PROFILE))
@given(codes=CODES, ns=st.sampled_from(["urn:QDA-XML:codebook:1.0", "urn:QDA-XML:project:1.0", "urn:other"]),
       how=st.sampled_from(["utf-8", "utf-16", "utf-16-odd", "cp1256"]), cut=st.none() | st.integers(0, 2000))
def test_fuzz_qdc(target, tmp_path, codes, ns, how, cut):
    text = f'<?xml version="1.0"?><CodeBook xmlns="{ns}" origin="fuzz"><Codes>{"".join(codes)}</Codes></CodeBook>'
    data = _encode(text, how)
    if cut is not None:
        data = data[:cut]
    path = tmp_path / "fuzz.qdc"
    path.write_bytes(data)
    before = snapshot(target.folder)
    try:
        result = refiqda.import_qdc(target, path)
    except StudyError as exc:
        assert str(exc).strip()
        assert snapshot(target.folder) == before
        return
    assert result.added + result.reused > 0
    snapshot(target.folder)


@pytest.fixture(scope="module")
def qdpx_path(tmp_path_factory):
    """A real export (audio, transcript with sync points, codings, memos, variables) to mutate."""
    folder = tmp_path_factory.mktemp("fuzz-qdpx")
    study = Study.create(folder / "src", name="منبع")
    p = study.participants.add("مشارکت‌کننده", attributes={"نقش": "مدیر"})
    iv = study.interviews.add(p.id, title="مصاحبه", date="2021-05-03")
    wav = folder / "a.wav"
    sf.write(str(wav), np.zeros((8000, 2), dtype="float32"), 8000)
    study.interviews.attach_audio(iv.id, wav)
    study.transcripts.add_segments(iv.id, [NewSegment(0, 400, "سلام، خوش آمدید.", SPEAKER_INTERVIEWER),
                                           NewSegment(400, 900, "کتابخانه بسته شد.", SPEAKER_PARTICIPANT)])
    code = study.codes.add("تعطیلی", study.codes.add_category("کرونا").id)
    seg = study.transcripts.segments(iv.id)[1]
    study.codings.add(code.id, seg.id, 0, seg.id, 8, memo="یادداشت")
    study.memos.add("یادداشت کلی", title="مطالعه")
    out = folder / "src.qdpx"
    refiqda.export_qdpx(study, out)
    study.close()
    return out


def _rezip(original: bytes, qde: bytes | None, source: bytes | None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "project.qde" and qde is not None:
                data = qde
            elif info.filename.startswith("sources/") and info.filename.endswith(".txt") and source is not None:
                data = source
            zout.writestr(info.filename, data)
    return buf.getvalue()


_ATTR = re.compile(rb'="[^"]*"')
_TEXT = re.compile(rb">[^<]+<")


@st.composite
def mutated_qde(draw, original: bytes):
    with zipfile.ZipFile(io.BytesIO(original)) as z:
        qde = z.read("project.qde")
    kind = draw(st.sampled_from(["attr", "attr", "text", "bytes", "cut"]))
    if kind in ("attr", "text"):
        spots = list((_ATTR if kind == "attr" else _TEXT).finditer(qde))
        m = spots[draw(st.integers(0, len(spots) - 1))]
        value = draw(NUM.map(str) | CODE_NAME | GUID).encode("utf-8", "surrogatepass")
        value = value.replace(b"&", b"&amp;").replace(b'"', b"&quot;").replace(b"<", b"&lt;")
        new = b'="' + value + b'"' if kind == "attr" else b">" + value + b"<"
        return qde[:m.start()] + new + qde[m.end():]
    if kind == "cut":
        return qde[:draw(st.integers(0, len(qde)))]
    pos = draw(st.integers(0, len(qde) - 1))
    return qde[:pos] + draw(st.binary(min_size=1, max_size=8)) + qde[pos + draw(st.integers(0, 8)):]


SOURCE = st.none() | st.builds(_encode, TEXT, st.sampled_from(["utf-8", "utf-16", "utf-16-odd", "cp1256"])) | \
    st.just(b"\xff\xfe\x00\xd8")


@settings(settings.get_profile(PROFILE).__class__(settings.get_profile(PROFILE),
                                                   max_examples=max(10, settings.get_profile(PROFILE).max_examples // 2)))
@given(data=st.data(), source=SOURCE)
def test_fuzz_qdpx(qdpx_path, tmp_path_factory, data, source):
    qdpx_bytes = qdpx_path.read_bytes()
    qde = data.draw(st.none() | mutated_qde(qdpx_bytes))
    assume(qde is not None or source is not None)
    folder = tmp_path_factory.mktemp("q")
    path = folder / "fuzz.qdpx"
    path.write_bytes(_rezip(qdpx_bytes, qde, source))
    study = Study.create(folder / "new")
    try:
        before = snapshot(study.folder)
        try:
            refiqda.import_qdpx(study, path)
        except StudyError as exc:
            assert str(exc).strip()
            assert snapshot(study.folder) == before
            assert not list(study.audio_dir.iterdir())
            return
        snapshot(study.folder)
    finally:
        study.close()
