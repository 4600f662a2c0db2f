"""Word and character error rates with the Persian normalisation."""
from __future__ import annotations

import json
import random

from desktop.cli import main
from transcribe.wer import edit_distance, error_rates


def slow_distance(a, b):
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        new = [i]
        for j, y in enumerate(b, 1):
            new.append(min(row[j] + 1, new[-1] + 1, row[j - 1] + (x != y)))
        row = new
    return row[-1]


def test_edit_distance_matches_the_textbook_one():
    rng = random.Random(7)
    for _ in range(500):
        a = [rng.choice("ابپت") for _ in range(rng.randint(0, 70))]
        b = [rng.choice("ابپت") for _ in range(rng.randint(0, 70))]
        assert edit_distance(a, b) == slow_distance(a, b)


def test_spelling_variants_are_not_errors():
    rates = error_rates("کتاب‌خانه‌ها در سال ۱۳۹۹ بسته بودند.", "كتابخانه ها در سال 1399 بسته بودند")
    assert rates.word_errors == 0 and rates.ref_words == 6 and rates.char_errors == 0
    same = error_rates("مي‌روم", "می روم")
    assert same.wer == same.cer == 0.0
    assert error_rates("خانهٔ من مسئله دارد", "خانه‌ی من مساله دارد").wer == 0.0


def test_word_breaks_written_as_space_zwnj_or_nothing_do_not_count():
    """The issue's example: it scored 0.5 while the docs said such corrections are not errors."""
    rates = error_rates("او به کتاب‌خانه می‌رود", "او به کتابخانه می رود")
    assert rates.wer == 0.0 and rates.ref_words == 4
    assert error_rates("او به کتابخانه می رود", "او به کتاب‌خانه می‌رود").wer == 0.0
    # a real difference still counts, next to a word-break one
    rates = error_rates("او به کتاب‌خانه می‌رود", "او به کتابخانه می رفت")
    assert rates.word_errors == 1 and rates.ref_words == 4


def test_rates():
    rates = error_rates("من به کتابخانه رفتم", "من کتابخانه رفتیم")
    assert rates.ref_words == 4 and rates.word_errors == 2 and rates.wer == 0.5
    assert rates.char_errors == 3 and rates.ref_chars == 16


def test_cli(tmp_path, capsys):
    ref, hyp = tmp_path / "ref.txt", tmp_path / "hyp.txt"
    ref.write_text("من به کتابخانه رفتم\n", encoding="utf-8")
    hyp.write_text("\ufeffمن کتابخانه رفتیم\n", encoding="utf-8")
    assert main(["wer", str(ref), str(hyp)]) == 0
    out = capsys.readouterr().out
    assert "WER 50.0% (2 errors in 4 words)" in out and "Persian-normalised" in out
    assert "a word break written as a space, a ZWNJ or nothing does not count" in out
    assert main(["wer", str(ref), str(hyp), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["wer"] == 0.5
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    assert main(["wer", str(ref), str(tmp_path / "latin1.txt")]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_cli_reads_the_apps_own_txt_export(tmp_path, capsys):
    """Stamps, the title and speaker labels (known ones and a pseudonym) are not words."""
    export = tmp_path / "export.txt"
    export.write_text("مصاحبه با مریم\n\n[00:01] مصاحبه‌گر: او به کتاب‌خانه می‌رود؟\n\n"
                      "[00:05] مریم: بله هر روز\n\n", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("او به کتابخانه می رود\nبله هر روز\n", encoding="utf-8")
    assert main(["wer", str(export), str(draft), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["wer"] == 0.0 and result["ref_words"] == 7
    assert "does not count" in result["normalisation"]
