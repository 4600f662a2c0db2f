"""Errors are worded for people in Persian: every worded error of codebook/ and transcribe/ has a
Persian sentence with the same placeholders (found by reading the source), the catalog holds nothing
the code no longer raises, and real store errors come out in Persian, paths isolated, digits Persian."""
from __future__ import annotations

from pathlib import Path

import pytest

from codebook import Study, StudyError
from codebook.backups import restore
from codebook.exchange import export
from desktop.cli import fault_sentence
from desktop.messages import FSI, PDI, catalog, system_language, word
from desktop.messages.sites import fields, problems, python_files, sites

ROOT = Path(__file__).resolve().parents[2]
CORE = list(sites(python_files(("codebook", "transcribe"))))


def test_the_checker_finds_the_raise_sites_of_the_store_and_of_transcription():
    literal = [s for s in CORE if s.kind == "literal"]
    assert len(literal) > 200  # about 250 sites: the scan reaches them all
    assert any(s.cls == "ModelError" for s in literal) and any(s.cls == "AudioError" for s in literal)
    assert any(s.template == "No backup at {copy}." for s in literal)


def test_every_raise_site_has_a_persian_sentence_with_the_same_placeholders():
    found = problems(catalog("fa"), CORE)
    assert found["fstring"] == []  # values are passed as keywords, never pasted into an f-string
    assert found["missing"] == []
    assert found["placeholders"] == []
    assert found["keywords"] == []  # each call passes every value its template names


def test_the_catalog_holds_no_orphan():
    everywhere = list(sites())  # desktop/ raises some of the same errors
    assert problems(catalog("fa"), everywhere)["orphan"] == []


def test_dynamic_sites_only_reraise_a_worded_error():
    dynamic = [s.where() for s in CORE if s.kind == "dynamic"]
    # study.py re-raises; whisper.py and the speech server's server.py raise Cancelled(resume_at), a signal;
    # worded.py keeps an error's own template and values when its sentence is passed on as text
    assert all("study.py" in w or "whisper.py" in w or "transcribe/server.py" in w or "transcribe/worded.py" in w
               for w in dynamic), dynamic


def test_the_checker_catches_what_it_is_for(tmp_path):
    code = tmp_path / "bad.py"
    code.write_text(
        "from codebook.errors import StudyError\n"
        "class MyError(StudyError):\n    pass\n"
        "def f(p, n):\n"
        "    raise MyError(f'{p} is bad')\n"
        "def g(p):\n"
        "    raise StudyError('{path} has no Persian.', path=p)\n"
        "def h(p):\n"
        "    raise MyError('No backup at {copy}.', cpy=p)\n"
        "from codebook.errors import StudyError as SE\n"
        "from codebook.jobs import BUSY\n"
        "def i(p):\n"
        "    raise SE('An aliased ' + 'class: {x}.', x=p)\n"
        "def j(p):\n"
        "    raise SE(BUSY, id=p)\n"
        "def k(p):\n"
        "    raise SE('Half ' + f'{p} pasted.')\n")
    found = problems({"No backup at {copy}.": "…{copy}", "Gone.": "رفته."}, list(sites([code])))
    assert len(found["fstring"]) == 2 and "bad.py:5" in found["fstring"][0]  # a subclass defined in the file counts
    assert "bad.py:17" in found["fstring"][1]  # an f-string inside a concatenation too
    missing = "\n".join(found["missing"])
    assert len(found["missing"]) == 3 and "{path} has no Persian." in missing
    assert "An aliased class: {x}." in missing and "already being transcribed" in missing  # alias, imported constant
    assert len(found["keywords"]) == 1 and "copy" in found["keywords"][0]
    assert found["orphan"] == ["'Gone.'"]
    assert problems({"No backup at {copy}.": "{cpy}"}, list(sites([code])))["placeholders"]
    assert fields("{size:,} of {n!r}") == {"size", "n"}


def test_store_errors_are_worded_in_persian(tmp_path):
    study = Study.create(tmp_path / "s.mosahebeh", name="s")
    with pytest.raises(StudyError) as err:
        export(study, "docx", tmp_path / "f.docx", what="frequencies")
    assert word(err.value, "fa") == "کتاب کد خالی است: جدول فراوانی‌ای برای خروجی گرفتن نیست."
    assert word(err.value, "en") == str(err.value) == "The codebook is empty: there is no frequency table to export."
    with pytest.raises(StudyError) as err:
        export(study, "xlsx", tmp_path / "p.xlsx", what="participants")
    assert word(err.value, "fa") == "این پژوهش هنوز مشارکت‌کننده‌ای ندارد."
    missing = tmp_path / "nowhere" / "copy.db"
    with pytest.raises(StudyError) as err:
        restore(study.folder, missing)
    assert word(err.value, "fa") == f"نسخهٔ پشتیبانی در {FSI}{missing}{PDI} نیست."  # the path isolated
    study.participants.add("P1")
    with pytest.raises(StudyError) as err:
        study.participants.add("P1")
    assert word(err.value, "fa") == f"نام مستعار «{FSI}P1{PDI}» پیش‌تر در این پژوهش به کار رفته است."  # a Latin name isolated
    study.close()
    with pytest.raises(StudyError) as err:
        Study.create(tmp_path / "s.mosahebeh", name="again")
    sentence = word(err.value, "fa")
    assert f"{FSI}{tmp_path / 's.mosahebeh'}{PDI}" in sentence and "از پیش پژوهشی هست" in sentence
    assert not any("a" <= c <= "z" for c in sentence.replace(str(tmp_path / "s.mosahebeh"), ""))


def test_numbers_in_a_persian_sentence_are_persian_digits():
    e = StudyError("Not enough free space in {folder}: {count} MB needed, {count2} MB free. Nothing was imported.",
                   folder="/d", count=1234, count2=7)
    assert "۱۲۳۴ مگابایت لازم است و ۷ مگابایت" in word(e, "fa")
    e = StudyError("{rfilename} arrived with {size:,} bytes, the hub says {size2:,}.", rfilename="m.bin",
                   size=1234567, size2=1000)
    assert "۱٬۲۳۴٬۵۶۷" in word(e, "fa") and "۱٬۰۰۰" in word(e, "fa")


def test_an_error_with_no_entry_stays_english_and_the_system_locale_picks_persian():
    assert word(StudyError("Brand new {x}.", x=1), "fa") == "Brand new 1."
    assert word(ValueError("plain"), "fa") == "plain"
    assert system_language({"LANG": "fa_IR.UTF-8"}) == "fa"
    assert system_language({"LC_ALL": "en_US.UTF-8", "LANG": "fa_IR.UTF-8"}) == "en"
    assert system_language({}) == "en"
    assert fault_sentence(OSError(28, "No space left on device", "/x/y"), "fa").startswith("متوقف شد: دیسک پر است")


@pytest.mark.parametrize("how", ["flag", "locale"])
def test_the_command_line_words_its_errors_in_persian(tmp_path, how, monkeypatch, capsys):
    from desktop.cli import main

    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "fa_IR.UTF-8" if how == "locale" else "C.UTF-8")
    args = (["--lang", "fa"] if how == "flag" else []) + [
        "export", "--study", str(tmp_path / "none.mosahebeh"), "--format", "docx", "--out", str(tmp_path / "x.docx")]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("mosahebeh: ") and "\u0627" in err, err  # a Persian sentence
    assert FSI in err  # the folder's path isolated
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(args[2:] if how == "flag" else args) == 2
    assert "\u0627" not in capsys.readouterr().err  # English without the flag or a Persian locale


def test_sentences_that_are_not_errors_are_worded_too():
    from codebook.refiqda.repair import check_references  # noqa: F401  (the module that makes them)
    from codebook.worded import WordedText

    repair = WordedText("1 empty {tag} element", tag="Sets")
    assert repair == "1 empty Sets element" and isinstance(repair, str)  # the English text, as before
    assert word(repair, "fa") == f"یک عنصر خالی {FSI}Sets{PDI}"
    many = WordedText("{count} references to a user not listed in the project (ignored)", count=3)
    assert word(many, "fa") == "۳ ارجاع به کاربری که در فهرست کاربران پروژه نیست (نادیده گرفته شد)"
    assert any(s.cls == "WordedText" for s in CORE)  # the checker sees them
