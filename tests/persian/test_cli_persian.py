"""The command line speaks Persian with ``--lang fa`` or a Persian locale: its tables, summaries and
errors come out in Persian words and digits, file names isolated; English stays as it was."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from codebook.demo import build_demo
from desktop.messages import FSI, PDI

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path, lang: str = "C.UTF-8", ok: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": lang, "LC_ALL": lang}
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("LANGUAGE", None)
    done = subprocess.run([sys.executable, "-m", "desktop", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)
    assert (done.returncode == 0) == ok, done.stderr
    return done


def latin_words(text: str) -> list[str]:
    """Latin words outside isolated runs (file names) and the method names kept in Latin."""
    text = re.sub(f"{FSI}[^{PDI}]*{PDI}", "", text)
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in {"Chao", "WER", "CER", "REFI", "QDA", "JSON"}]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory.mktemp("cli-fa") / "demo.mosahebeh")


@pytest.mark.parametrize("command", [
    ("saturation",), ("interviews",), ("participants",), ("coders",),
    ("agreement", "--coders", "مریم", "رضا"),
])
def test_tables_come_out_in_persian_and_english_is_unchanged(demo, command):
    english = run(*command, "--study", str(demo), cwd=demo.parent).stdout
    assert run("--lang", "en", *command, "--study", str(demo), cwd=demo.parent).stdout == english
    persian = run("--lang", "fa", *command, "--study", str(demo), cwd=demo.parent).stdout
    assert latin_words(persian) == [], persian
    assert not re.search(r"[0-9]", re.sub(f"{FSI}[^{PDI}]*{PDI}", "", persian).replace("Chao2", ""))
    assert run(*command, "--study", str(demo), cwd=demo.parent, lang="fa_IR.UTF-8").stdout == persian  # the locale


def test_saturation_and_agreement_say_their_verdicts_in_persian(demo):
    sat = run("--lang", "fa", "saturation", "--study", str(demo), cwd=demo.parent).stdout
    assert "گست، نِیمی و چن (۲۰۲۰)" in sat and "اشباع در \u2066۴+۲\u2069" in sat and "برآورد Chao2 از کل کدها: ۱۴٫۲" in sat
    agr = run("--lang", "fa", "agreement", "--study", str(demo), "--coders", "مریم", "رضا", cwd=demo.parent).stdout
    assert "همهٔ کدها" in agr and "۹۸٫۲٪" in agr and "موارد عدم توافق: ۴" in agr


def test_exports_imports_backups_and_wer_in_persian(demo, tmp_path):
    out = run("--lang", "fa", "export", "--study", str(demo), "--format", "archive", "--out", str(tmp_path / "a"),
              cwd=tmp_path).stdout
    assert out.startswith(f"بایگانی پژوهش در {FSI}{tmp_path / 'a.mosahebeh.zip'}{PDI} ذخیره شد: ۶ مشارکت‌کننده، ۶ مصاحبه")
    assert latin_words(out) == []
    back = run("--lang", "fa", "import", str(tmp_path / "a.mosahebeh.zip"), "--study", str(tmp_path / "b.mosahebeh"),
               cwd=tmp_path).stdout
    assert back.startswith("وارد شد: ۶ مشارکت‌کننده، ۶ مصاحبه، ۴۲ بخش") and latin_words(back) == []
    made = run("--lang", "fa", "backups", "--study", str(tmp_path / "b.mosahebeh"), "--now", cwd=tmp_path).stdout
    assert made.startswith("از پژوهش نسخهٔ پشتیبان گرفته شد:") and "مگابایت" in made
    (tmp_path / "ref.txt").write_text("سلام دنیا\n", encoding="utf-8")
    (tmp_path / "hyp.txt").write_text("سلام دنیای\n", encoding="utf-8")
    wer = run("--lang", "fa", "wer", "ref.txt", "hyp.txt", cwd=tmp_path).stdout
    assert wer.startswith("نرخ خطای واژه (WER): ۵۰٫۰٪ (۱ خطا در ۲ واژه)")
    assert run("wer", "ref.txt", "hyp.txt", cwd=tmp_path).stdout.startswith("WER 50.0% (1 errors in 2 words)")


def test_errors_of_the_command_line_in_persian(demo, tmp_path):
    err = run("--lang", "fa", "code", "--study", str(demo), "--interview", "1", "--segments", "x-y", "--code", "a",
              cwd=tmp_path, ok=False).stderr
    assert err.startswith("mosahebeh: ") and f"نه «{FSI}x-y{PDI}»" in err
    err = run("--lang", "fa", "code", "--study", str(demo), "--interview", "1", "--segments", "2-3", "--code",
              "تعطیلی فیزیکی", "--remove", "--coder", "Maryam", cwd=tmp_path, ok=False).stderr
    assert f"کدگذار: {FSI}Maryam{PDI}" in err and "بخش‌های ۲ تا ۳" in err  # the fragments worded too


def test_the_models_list_in_persian(tmp_path):
    persian = run("--lang", "fa", "models", "list", cwd=tmp_path)
    assert persian.stdout.startswith("* Whisper base همراه برنامه") and "مگابایت" in persian.stdout
    assert latin_words(persian.stderr.replace("CTranslate2", "")) == []  # the offline hint, paths isolated
    assert run("models", "list", cwd=tmp_path).stdout.startswith("* bundled")


def test_coding_from_the_command_line_says_it_in_persian(demo, tmp_path):
    args = ("code", "--study", str(demo), "--interview", "2", "--segments", "1-2", "--code", "آزمون/کد نو",
            "--coder", "Reza")
    made = run("--lang", "fa", *args, cwd=tmp_path).stdout.splitlines()
    assert made == ["مقولهٔ «آزمون» ساخته شد.", "کد «آزمون/کد نو» ساخته شد.",
                    f"مصاحبهٔ ۲، بخش‌های ۱ تا ۲، اکنون کد «آزمون/کد نو» را دارد (کدگذار: {FSI}Reza{PDI})."]
    assert run(*args, cwd=tmp_path).stdout == "Interview 2, segments 1–2, already had آزمون/کد نو (coder Reza).\n"
    gone = run("--lang", "fa", *args, "--remove", cwd=tmp_path).stdout
    assert gone.startswith("کد «آزمون/کد نو» از بخش‌های ۱ تا ۲ مصاحبهٔ ۲ برداشته شد")


def test_a_pseudonymised_export_reports_in_persian(demo, tmp_path):
    out = run("--lang", "fa", "export", "--study", str(demo), "--format", "txt", "--interview", "1", "--pseudonymise",
              "--out", str(tmp_path / "p.txt"), cwd=tmp_path).stdout
    said = out.splitlines()[1]
    assert said.startswith(("هیچ نامی از فهرست جایگزینی", "نام در مجموع", "۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸", "۹"))
    assert latin_words(out) == []


def test_the_merge_preview_in_persian(demo, tmp_path):
    import shutil

    theirs = tmp_path / "theirs.mosahebeh"
    shutil.copytree(demo, theirs)
    out = run("--lang", "fa", "merge", "--study", str(demo), str(theirs), "--dry-run", cwd=tmp_path).stdout
    assert out.startswith(f"ادغام از {FSI}{theirs.name}{PDI}:") and "مصاحبه‌های تطبیق‌یافته: ۶ از ۶" in out
    assert out.rstrip().endswith("اجرای آزمایشی: چیزی تغییر نکرد.") and latin_words(out) == []


CRASH = """
import os, sys, time
from transcribe.recording import FakeSource, Recorder, SimClock
clock = SimClock(speed=5)
Recorder(sys.argv[1], [FakeSource(role="mic", frequency=1000, clock=clock)], clock=clock).start()
time.sleep(1.0)
os._exit(0)  # the recording is cut short, as by a crash
"""


def test_a_recording_cut_short_is_recovered_in_persian(tmp_path):
    take = tmp_path / "take"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", CRASH, str(take)], env=env, check=True, timeout=60)
    said = run("--lang", "fa", "recover", str(take), cwd=tmp_path).stdout
    assert said.startswith(f"{FSI}{take}{PDI} بازیابی شد: {FSI}{take / 'take.wav'}{PDI}، ۱ کانال، ")
    assert said.rstrip().endswith("ثانیه، ۰ نشانک.") and latin_words(said) == []


def test_the_queue_words_an_interview_that_failed_for_the_apps_worker(tmp_path):
    """The app's queue runs `mosahebeh --lang LANG transcribe --queued --progress-json`: its events carry the
    sentence in the app's language (it was the English text before)."""
    import numpy as np
    import soundfile as sf

    from codebook import Study

    sf.write(tmp_path / "a.wav", np.zeros(16000, dtype="float32"), 16000)
    with Study.create(tmp_path / "q.mosahebeh", name="q") as study:
        iv = study.interviews.add(None, title="x")
        study.interviews.attach_audio(iv.id, tmp_path / "a.wav")
        study.interviews.audio_file(iv.id).unlink()  # its audio went missing: it fails
    out = run("--lang", "fa", "transcribe", "--study", str(tmp_path / "q.mosahebeh"), "--all", "--progress-json",
              cwd=tmp_path).stdout
    failed = [json.loads(line)["failed"] for line in out.splitlines() if '"failed"' in line]
    assert failed and failed[0]["message"].startswith("صدای مصاحبهٔ ۱ پیدا نمی‌شود")


def test_adding_and_removing_a_model_in_persian(tmp_path):
    from transcribe.models import bundled_model_dir

    added = run("--lang", "fa", "models", "add", str(bundled_model_dir()), "--name", "fa-test-base", "--link",
                cwd=tmp_path).stdout
    assert added.startswith(f"مدل {FSI}fa-test-base{PDI} (") and "مگابایت) در" in added and latin_words(added) == []
    gone = run("--lang", "fa", "models", "remove", "fa-test-base", cwd=tmp_path).stdout
    assert gone.startswith(f"مدل {FSI}fa-test-base{PDI} حذف شد")
