"""Each fault from issue #14 on the command line: one sentence on stderr, exit code 2, no
traceback, and the study unchanged (``pragma integrity_check`` ok, same row counts)."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid

import pytest

from codebook import Study
from codebook.models import NewSegment
from faults_support import (CAN_MOUNT, ROOT, assert_one_sentence, cli, fill, fsize_limit, remount_read_only,
                                  small_disk, snapshot)


def _study(folder, *, with_transcript=True, duration_ms=None):
    study = Study.create(folder, name="faults")
    p = study.participants.add("مشارکت‌کننده")
    iv = study.interviews.add(p.id, title="مصاحبه")
    if duration_ms:
        study.interviews.update(iv.id, duration_ms=duration_ms)
    if with_transcript:
        study.transcripts.add_segments(iv.id, [NewSegment(0, 1000, "متن اول", ""), NewSegment(1000, 2000, "دوم", "")])
    study.close()
    return study.folder


def _srt(cues: int) -> str:
    return "\n".join(f"{i + 1}\n00:{i // 60 % 60:02d}:{i % 60:02d},000 --> 00:{i // 60 % 60:02d}:{i % 60:02d},900\n"
                     f"متن فارسی نسبتاً بلندی برای پر کردن دیسک، بخش {i}\n" for i in range(cues))


def _qdc(codes: int) -> str:
    body = "".join(f'<Code guid="{uuid.uuid4()}" name="کد {i}" isCodable="true">'
                   f"<Description>{'توضیح بلند ' * 20}</Description></Code>" for i in range(codes))
    return ('<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="t">'
            f"<Codes>{body}</Codes></CodeBook>")


# -- numbers and text that used to raise ------------------------------------------------------


def test_huge_interview_id_is_one_sentence(tmp_path):
    folder = _study(tmp_path / "s")
    srt = tmp_path / "a.srt"
    srt.write_text(_srt(2), encoding="utf-8")
    before = snapshot(folder)
    assert_one_sentence(cli("export", "--study", folder, "--format", "txt", "--interview", "9" * 20,
                            "--out", tmp_path / "x.txt"), "no interview")
    assert_one_sentence(cli("import", "--study", folder, srt, "--interview", "9" * 20), "no interview")
    assert snapshot(folder) == before


@pytest.mark.parametrize("name,data,words", [
    ("hour.srt", "1\n99999999999999999999:00:00,000 --> 99999999999999999999:00:01,000\nسلام\n".encode(),
     ["can be read"]),
    ("odd.srt", b"\xff\xfe" + "00:00:01,000 --> 00:00:02,000\nhi\n".encode("utf-16-le") + b"\x41", ["utf-16"]),
    ("surrogate.srt", b"\xff\xfe\x00\xd8\x41\x00", ["utf-16"]),
    ("big.html", b'<p><a name="ts_99999999999999999999999_5_S00">hi</a></p>', ["noscribe"]),
    ("stamps.txt", "عنوان\n[00:00:01]\n[00:00:05]  \n".encode(), ["no text"]),
])
def test_bad_transcript_files_are_one_sentence_and_replace_nothing(tmp_path, name, data, words):
    folder = _study(tmp_path / "s")
    path = tmp_path / name
    path.write_bytes(data)
    before = snapshot(folder)
    assert_one_sentence(cli("import", "--study", folder, path, "--interview", 1, "--replace"), *words)
    assert snapshot(folder) == before
    with Study.open(folder) as study:
        assert [s.text for s in study.transcripts.segments(1)] == ["متن اول", "دوم"]


def test_skipped_and_clamped_times_are_counted_and_said(tmp_path):
    folder = _study(tmp_path / "s", with_transcript=False, duration_ms=10_000)
    srt = tmp_path / "a.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nیک\n\n2\n00:00:61,000 --> 00:00:62,000\nبد\n\n"
                   "3\n00:00:03,000 -> 00:00:04,000\nبدون پیکان\n\n4\n00:00:08,000 --> 00:00:12,000\nبریده\n\n"
                   "5\n00:00:20,000 --> 00:00:21,000\nپس از پایان\n", encoding="utf-8")
    r = cli("import", "--study", folder, srt, "--interview", 1)
    assert r.returncode == 0, r.stderr
    assert "Imported 2 segments" in r.stdout
    assert "1 cue with a time that cannot be read" in r.stdout
    assert "1 cue starting after the end of the audio" in r.stdout
    assert "1 cue ending after the end of the audio" in r.stdout
    with Study.open(folder) as study:
        assert [(s.start_ms, s.end_ms) for s in study.transcripts.segments(1)] == [(1000, 2000), (8000, 10_000)]


def test_noscribe_negative_times_are_set_to_zero_and_counted(tmp_path):
    folder = _study(tmp_path / "s", with_transcript=False)
    html = tmp_path / "n.html"
    html.write_text('<html><body><p><a name="ts_-500_900_S00">منفی</a></p>'
                    '<p><a name="ts_1000_2000_S01">مثبت</a></p></body></html>', encoding="utf-8")
    r = cli("import", "--study", folder, html, "--interview", 1)
    assert r.returncode == 0, r.stderr
    assert "1 cue with a negative time (set to 0)" in r.stdout
    with Study.open(folder) as study:
        assert study.transcripts.segments(1)[0].start_ms == 0


def test_nul_and_control_characters_in_docx_and_xlsx_are_left_out_and_said(tmp_path):
    study = Study.create(tmp_path / "s")
    p = study.participants.add("نام\x00مستعار\x07", attributes={"نقش": "مد\x00یر"})
    iv = study.interviews.add(p.id, title="عنوان\x1f")
    study.transcripts.add_segments(iv.id, [NewSegment(0, 1000, "متن\x00با\x01کنترل", "participant")])
    code = study.codes.add("کد\x02")
    seg = study.transcripts.segments(iv.id)[0]
    study.codings.add(code.id, seg.id, 0, seg.id, 3)
    folder = study.folder
    study.close()
    for args in (["--format", "docx", "--interview", 1], ["--format", "xlsx", "--what", "participants"],
                 ["--format", "docx", "--what", "participants"], ["--format", "docx", "--what", "quotes"],
                 ["--format", "xlsx", "--what", "frequencies"]):
        out = tmp_path / f"out-{args[1]}-{args[3]}.{args[1]}"
        r = cli("export", "--study", folder, *args, "--out", out)
        assert r.returncode == 0, r.stderr
        assert "Left out" in r.stdout and "control character" in r.stdout, r.stdout
        assert out.is_file()


# -- a second process holding the write lock ---------------------------------------------------


def test_locked_study_is_one_sentence(tmp_path):
    folder = _study(tmp_path / "s")
    srt = tmp_path / "a.srt"
    srt.write_text(_srt(3), encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({str(folder / 'study.db')!r}, isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE'); c.execute(\"UPDATE meta SET value = value WHERE key = 'name'\")\n"
        "print('locked', flush=True); time.sleep(120)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        before = snapshot(folder)
        err = assert_one_sentence(cli("import", "--study", folder, srt, "--interview", 1, "--replace",
                                      timeout=200))
        assert "busy" in err or "lock" in err or "another" in err, err
    finally:
        holder.kill()
        holder.wait()
    assert snapshot(folder) == before


# -- read-only media --------------------------------------------------------------------------


def test_study_on_read_only_media_opens_for_viewing_and_exports(tmp_path):
    if CAN_MOUNT:
        ctx = small_disk("4m")
    else:
        ctx = None
    if ctx is None:
        folder = _study(tmp_path / "s")
        for f in [folder, *folder.rglob("*")]:
            f.chmod(0o555 if f.is_dir() else 0o444)
        _check_read_only(folder, tmp_path)
        return
    with ctx as disk:
        src = _study(tmp_path / "s")
        shutil.copytree(src, disk / src.name)
        remount_read_only(disk)
        _check_read_only(disk / src.name, tmp_path)


def _check_read_only(folder, tmp_path):
    with Study.open(folder) as study:
        assert study.read_only
        assert [s.text for s in study.transcripts.segments(1)] == ["متن اول", "دوم"]
        from codebook.errors import StudyReadOnlyError

        with pytest.raises(StudyReadOnlyError, match="editing is off"):
            study.participants.add("دیگر")
    r = cli("export", "--study", folder, "--format", "docx", "--interview", 1, "--out", tmp_path / "ro.docx")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "ro.docx").stat().st_size > 1000
    srt = tmp_path / "a.srt"
    srt.write_text(_srt(2), encoding="utf-8")
    assert_one_sentence(cli("import", "--study", folder, srt, "--interview", 1, "--replace"), "read-only",
                        "editing is off")


# -- a full disk -------------------------------------------------------------------------------


def test_srt_import_on_a_full_disk_changes_nothing_and_frees_the_wal(tmp_path):
    srt = tmp_path / "many.srt"
    srt.write_text(_srt(12000), encoding="utf-8")
    with small_disk("2m") as disk:
        folder = _study(disk / "s")
        fill(disk, leave=256 * 1024)
        before = snapshot(folder)
        err = assert_one_sentence(cli("import", "--study", folder, srt, "--interview", 1, "--replace"))
        assert "full" in err, err
        assert snapshot(folder) == before
        wal = folder / "study.db-wal"
        assert not wal.exists() or wal.stat().st_size < 64 * 1024


def test_qdc_import_on_a_full_disk_changes_nothing(tmp_path):
    qdc = tmp_path / "big.qdc"
    qdc.write_text(_qdc(3000), encoding="utf-8")
    with small_disk("2m") as disk:
        folder = _study(disk / "s")
        fill(disk, leave=200 * 1024)
        before = snapshot(folder)
        assert_one_sentence(cli("import", "--study", folder, qdc), "full")
        assert snapshot(folder) == before


def test_new_on_a_full_disk_leaves_nothing(tmp_path):
    with small_disk("2m") as disk:
        fill(disk, leave=8 * 1024)
        assert_one_sentence(cli("new", disk / "n"), "full")
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]


@pytest.mark.parametrize("fmt,what", [("docx", "transcript"), ("xlsx", "frequencies"), ("csv", "quotes"),
                                      ("txt", "transcript")])
def test_exports_to_a_full_disk_are_one_sentence_and_leave_no_file(tmp_path, hostile, fmt, what):
    hostile.close()
    with small_disk("1m") as disk:
        fill(disk)
        args = ["--interview", 1] if fmt == "docx" else []
        r = cli("export", "--study", hostile.folder, "--format", fmt, "--what", what, *args, "--out", disk / f"x.{fmt}")
        assert_one_sentence(r, "no space")
        r = cli("export", "--study", hostile.folder, "--format", "txt", "--out", disk / "all")
        assert_one_sentence(r, "no space")
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]


def test_file_size_limit_without_root_is_one_sentence(tmp_path):
    """Where no tmpfs can be mounted, RLIMIT_FSIZE makes writes fail the same way (EFBIG)."""
    study = Study.create(tmp_path / "s")
    iv = study.interviews.add(None, title="بلند")
    study.transcripts.add_segments(iv.id, [NewSegment(i * 1000, i * 1000 + 900, f"متن فارسی نسبتاً بلند {i}", "")
                                           for i in range(3000)])
    folder = study.folder
    study.close()
    limit = 100 * 1024  # above the 32 KiB WAL index SQLite maps, below the export and the import
    r = cli("export", "--study", folder, "--format", "txt", "--interview", 1, "--out", tmp_path / "x.txt",
            preexec_fn=fsize_limit(limit))
    assert_one_sentence(r, "too large")
    assert not (tmp_path / "x.txt").exists()
    srt = tmp_path / "many.srt"
    srt.write_text(_srt(6000), encoding="utf-8")
    before = snapshot(folder)
    r = cli("import", "--study", folder, srt, "--interview", 1, "--replace",
            preexec_fn=fsize_limit(max(limit, (folder / "study.db").stat().st_size + 8192)))
    assert_one_sentence(r)
    assert snapshot(folder) == before


def test_debug_keeps_the_traceback(tmp_path):
    r = cli("export", "--study", tmp_path / "none", "--format", "txt", "--out", tmp_path / "x",
            env={"MOSAHEBEH_DEBUG": "1"})
    assert r.returncode == 1 and "Traceback" in r.stderr


@pytest.mark.parametrize("name,size", [("huge.srt", 2 * 2**30), ("huge.qdc", 2**30)])
def test_huge_files_are_refused_before_reading(tmp_path, name, size):
    """A 2 GiB .srt or 1 GiB .qdc (sparse here) is refused by its size, without reading it into memory."""
    import resource

    folder = _study(tmp_path / "s")
    path = tmp_path / name
    with open(path, "wb") as f:
        f.truncate(size)
    before = snapshot(folder)
    args = ["--interview", 1, "--replace"] if name.endswith(".srt") else []
    r = cli("import", "--study", folder, path, *args,
            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20)))
    assert_one_sentence(r, "too large", "MB")
    assert snapshot(folder) == before
