"""Issue #24, classes 1–3: pseudonymisation replaces every listed name and every
participant's real name and contact, however it is spelled, in every field an export
writes; what it did not dare replace is listed for a person to check."""
from __future__ import annotations

import unicodedata
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codebook.exchange import export
from codebook.models import SPEAKER_PARTICIPANT, NewSegment
from codebook.pseudonymise import INSIDE_WORD, NAME_PART, ONE_LETTER, Replacer
from transcribe.normalize import compact_key

# names as words, each word as the pieces a compound is made of («محمدرضا» = محمد + رضا)
NAMES = [
    ([["محمد", "رضا"], ["رضایی"]], "م. ر."),
    ([["آرش"]], "الف"),
    ([["زهرا"], ["کیانی"]], "ز. ک."),
    ([["مریم"], ["یزدی"]], "م. ی."),
    ([["کاوه"]], "ک."),
    ([["علی", "اکبر"], ["تهرانی"]], "ع. ت."),
]
LATIN = [([["Maryam"], ["Tehrani"]], "M. T."), ([["Kaveh"]], "K.")]
WORD_BREAKS = [" ", "\u200c", "  ", "\u00a0", "\n", " \u200c", ""]
PIECE_BREAKS = ["", " ", "\u200c"]
HARAKAT = ["\u064e", "\u0650", "\u064f", "\u0651", "\u0652"]
CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "y": "у", "x": "х", "i": "і",
            "M": "М", "T": "Т", "K": "К", "H": "Н"}
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])


def _isolated(ch: str) -> str:
    """The presentation form of a letter (NFKC takes it back)."""
    try:
        return unicodedata.lookup(unicodedata.name(ch) + " ISOLATED FORM")
    except (KeyError, ValueError):
        return ch


@st.composite
def persian_spelling(draw, words):
    """``words`` written one of the ways a person, a keyboard or a paste writes them."""
    out = []
    for w, pieces in enumerate(words):
        word = draw(st.sampled_from(PIECE_BREAKS)).join(pieces)
        letters = []
        for i, ch in enumerate(word):
            if ch in " \u200c":
                letters.append(ch)
                continue
            ch = draw(st.sampled_from({"ی": ["ی", "ي"], "ک": ["ک", "ك", "ڪ"], "ه": ["ه", "ە", "ة"] if i == len(word) - 1
                                        else ["ه"], "آ": ["آ", "ا"]}.get(ch, [ch])))
            if draw(st.integers(0, 5)) == 0:
                ch = _isolated(ch)
            letters.append(ch)
            if draw(st.integers(0, 4)) == 0:
                letters.append(draw(st.sampled_from(HARAKAT)))
            if i + 1 < len(word) and word[i + 1] not in " \u200c" and draw(st.integers(0, 6)) == 0:
                letters.append(draw(st.sampled_from(["\u0640", "\u0640\u0640", "\u200d", "\u00ad"])))
        text = "".join(letters)
        if draw(st.booleans()):
            text = text.replace("ایی", "ائی")
        out.append(text)
        if w + 1 < len(words):
            out.append(draw(st.sampled_from(WORD_BREAKS)))
    return "".join(out)


@st.composite
def latin_spelling(draw, words):
    text = draw(st.sampled_from([" ", "  ", "\u00a0", "\n"])).join("".join(p) for p in words)
    text = "".join(ch.upper() if draw(st.booleans()) else ch.lower() for ch in text)
    return "".join(CYRILLIC.get(ch, ch) if draw(st.integers(0, 2)) == 0 else ch for ch in text)


@st.composite
def spelled_name(draw):
    words, new = draw(st.sampled_from(NAMES + LATIN))
    term = " ".join("".join(p) for p in words)
    strategy = latin_spelling(words) if words in [w for w, _ in LATIN] else persian_spelling(words)
    return term, new, draw(strategy)


@SETTINGS
@given(spelled_name(), st.sampled_from(["دیروز ", "«", "", "گفت: "]), st.sampled_from([" گفت", "»", "", "\u200cها آمدند", "."]))
def test_a_glossary_name_however_spelled_is_replaced(name, before, after):
    term, new, spelled = name
    r = Replacer({term: new})
    assert r.text(before + spelled + after, "here") == before + new + after, spelled.encode("unicode_escape")
    assert r.report.counts[term] == 1


@SETTINGS
@given(spelled_name())
def test_a_real_name_however_spelled_is_replaced_by_the_pseudonym(name):
    term, _, spelled = name
    r = Replacer({}, [(term, "", "P7")])
    assert r.text(f"او {spelled} است") == "او P7 است"


@given(st.sampled_from(["09121234567", "۰۹۱۲۱۲۳۴۵۶۷", "0912 123 4567", "۰۹۱۲-۱۲۳-۴۵۶۷", "+98 912 123 4567",
                        "(0912) 123-4567", "٠٩١٢١٢٣٤٥٦٧"]),
       st.sampled_from(["0912-123-4567", "+989121234567", "۰۹۱۲ ۱۲۳ ۴۵۶۷"]))
@SETTINGS
def test_a_contact_phone_is_replaced_whatever_separates_its_digits(written, stored):
    r = Replacer({}, [("زهرا کیانی", f"{stored}, Zahra.K@Mail.example", "P1")])
    out = r.text(f"شماره: {written} و ایمیل zahra.k@mail.example بود")
    assert out == "شماره: […] و ایمیل […] بود"


def test_near_misses_are_listed_not_replaced():
    r = Replacer({"آرش": "الف", "کیوان": "ک."}, [("زهرا کیانی", "", "P1")])
    text = "آرشیو را کیوانی و کیوون و زهرا دیدند"
    assert r.text(text, "مصاحبه ۱") == text
    misses = {(m.found, m.why) for m in r.report.near_misses}
    assert ("آرشیو", INSIDE_WORD) in misses and ("کیوانی", INSIDE_WORD) in misses
    assert ("کیوون", ONE_LETTER) in misses and ("زهرا", NAME_PART) in misses
    assert "آرشیو" in r.report.summary() and "not replaced" in r.report.summary()


def test_for_study_reads_real_names_and_contacts(study):
    p = study.participants.add("P1", real_name="زهرا کیانی", contact="0912 000 1111")
    study.glossary.add("آرش", "الف")
    r = Replacer.for_study(study)
    assert r.text("زهرا كيانی و ارش، ۰۹۱۲۰۰۰۱۱۱۱") == "P1 و الف، […]"
    assert not Replacer.for_study(study, enabled=False)
    assert p.id


# -- every field that leaves the study ---------------------------------------------------------------

SECRETS = ["محمدرضا", "رضایی", "آرش", "ارش", "زهرا", "کیانی", "09121110000", "zahra@example.org"]


def _hostile_names_study(study):
    study.glossary.add("محمدرضا رضایی", "م. ر.")
    study.glossary.add("آرش", "الف")
    p = study.participants.add("P1", notes="با زهرا كيانی تماس گرفتم", attributes={"معرف": "ارش"},
                               real_name="زهرا کیانی", contact="0912 111 0000; zahra@example.org")
    iv = study.interviews.add(p.id, title="مصاحبه با محمد رضا رضائی", notes="ZAHRA@example.org")
    study.transcripts.add_segments(iv.id, [
        NewSegment(0, 1000, "من زهرا کیانی هستم؛ آرش‌ها را می‌شناسم", SPEAKER_PARTICIPANT),
        NewSegment(1000, 2000, "شماره‌ام ۰۹۱۲ ۱۱۱ ۰۰۰۰ است", "محمد\u200cرضا رضایی"),
    ])
    cat = study.codes.add_category("خانوادهٔ آرش")
    code = study.codes.add("رابطه با محمدرضا رضایی", cat.id, description="آنچه زهرا کیانی گفت")
    seg = study.transcripts.segments(iv.id)[0]
    study.codings.add(code.id, seg.id, 0, seg.id, 5, memo="زهرا کیانی خندید")
    study.memos.add("آرش را دیدم", title="دیدار با زهرا کیانی")
    study.marks.add(iv.id, 500, label="زهرا کیانی مکث کرد")
    return iv


def _leaked(data: bytes) -> list[str]:
    text = compact_key(data.decode("utf-8", "replace"))
    return [s for s in SECRETS if compact_key(s) in text]


def test_no_name_leaves_through_any_field_of_any_export(study, tmp_path):
    iv = _hostile_names_study(study)
    outs = []
    result = export(study, "qdpx", tmp_path / "p.qdpx", pseudonymise=True)
    with zipfile.ZipFile(tmp_path / "p.qdpx") as z:
        outs += [(f"qdpx:{n}", z.read(n)) for n in z.namelist()]
    assert result.replaced.total >= 10
    for fmt in ("txt", "srt", "vtt"):
        export(study, fmt, tmp_path / fmt, what="transcript", pseudonymise=True)
        outs += [(f.name, f.name.encode() + f.read_bytes()) for f in (tmp_path / fmt).iterdir()]
    export(study, "docx", tmp_path / "t.docx", interview=iv.id, pseudonymise=True)
    for what in ("quotes", "frequencies", "participants"):
        export(study, "csv", tmp_path / f"{what}.csv", what=what, pseudonymise=True)
        outs.append((what, (tmp_path / f"{what}.csv").read_bytes()))
    for what in ("frequencies", "participants"):
        export(study, "xlsx", tmp_path / f"{what}.xlsx", what=what, pseudonymise=True)
    export(study, "qdc", tmp_path / "c.qdc", pseudonymise=True)
    outs.append(("qdc", (tmp_path / "c.qdc").read_bytes()))
    for f in ("t.docx", "frequencies.xlsx", "participants.xlsx"):
        with zipfile.ZipFile(tmp_path / f) as z:
            outs += [(f"{f}:{n}", z.read(n)) for n in z.namelist()]
    leaks = [(where, _leaked(data)) for where, data in outs if _leaked(data)]
    assert not leaks


def test_the_command_prints_what_it_replaced_and_the_near_misses(study, tmp_path, capsys):
    from desktop.cli import main

    _hostile_names_study(study)
    study.transcripts.add_segments(study.interviews.list()[0].id, [NewSegment(3000, 4000, "آرشیو را دیدم", "")])
    folder = study.folder
    study.close()
    assert main(["export", "--study", str(folder), "--format", "txt", "--out", str(tmp_path / "t"),
                 "--pseudonymise"]) == 0
    out = capsys.readouterr().out
    assert "Replaced" in out and "«آرشیو»" in out and "not replaced" in out


def test_the_export_dialog_shows_the_near_misses(qtbot, study, tmp_path):
    from desktop.context import StudyContext
    from desktop.exchange.dialogs import ExportDialog

    _hostile_names_study(study)
    study.transcripts.add_segments(study.interviews.list()[0].id, [NewSegment(3000, 4000, "آرشیو را دیدم", "")])
    ctx = StudyContext(study)
    d = ExportDialog(ctx)
    qtbot.addWidget(d)
    d.what.setCurrentIndex(d.what.findData("transcript"))
    d.fmt.setCurrentIndex(d.fmt.findData("txt"))
    assert d.pseudonymise.isChecked()  # the study has real names: on by default
    d.out.setText(str(tmp_path / "t"))
    d.start()
    qtbot.waitUntil(lambda: d.run_button.isEnabled(), timeout=30000)
    if d.worker is not None:
        d.worker.wait()
    text = d.status.text().replace("\u2068", "").replace("\u2069", "")  # names are bidi-isolated
    assert "Replaced" in text and "«آرشیو»" in text and "inside a longer word" in text, text


def test_the_codebook_export_replaces_names_in_code_names(study, tmp_path):
    _hostile_names_study(study)
    result = export(study, "qdc", tmp_path / "c.qdc", pseudonymise=True)
    assert result.replaced.total >= 3 and not _leaked((tmp_path / "c.qdc").read_bytes())
