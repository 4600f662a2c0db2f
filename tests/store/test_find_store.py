"""Find through the store API: what the find dialog and study-wide search rest on.

Written against ``study.transcripts.search`` (not its SQL), so it keeps holding
whichever index serves it (LIKE over ``compact`` today, FTS5 tomorrow)."""
import sqlite3

import pytest

from codebook import Study
from codebook.models import NewSegment
from transcribe.find import find_spans

TEXTS = ["او کمی رودخانه دید", "او می رود", "او میرود", "او می\u200cرود", "خانهٔ من", "خانه\u200cی ما",
         "خانه ی شما", "این مسأله", "آن مسئول", "۲٫۵ ساعت", "ھمه رفتند", "کتاب\u200bخانه"]


@pytest.fixture
def segments(study):
    iv = study.interviews.add(study.participants.add("م۱").id)
    study.transcripts.add_segments(iv.id, [NewSegment(i * 1000, i * 1000 + 900, t) for i, t in enumerate(TEXTS)])
    return study


def found(study, query):
    return [s.text for s in study.transcripts.search(query)]


@pytest.mark.parametrize("query", ["می‌رود", "می رود", "میرود"])
def test_a_word_break_is_found_however_written_but_never_across_words(segments, query):
    assert found(segments, query) == ["او می رود", "او میرود", "او می\u200cرود"]


@pytest.mark.parametrize("query, expected", [
    ("خانه‌ی من", ["خانهٔ من"]),
    ("خانهٔ ما", ["خانه\u200cی ما"]),
    ("خانه ی شما", ["خانه ی شما"]),
    ("خانۀ شما", ["خانه ی شما"]),
    ("مساله", ["این مسأله"]),
    ("مسؤول", ["آن مسئول"]),
    ("2.5", ["۲٫۵ ساعت"]),
    ("همه", ["ھمه رفتند"]),
    ("کتاب‌خانه", ["کتاب\u200cخانه"]),  # the zero-width space was stored as a ZWNJ
])
def test_the_normaliser_pairs_are_found_through_the_store(segments, query, expected):
    assert found(segments, query) == expected


def test_every_segment_found_has_a_match_the_editor_can_show(segments):
    for query in ["رود", "می‌رود", "خانه", "من"]:
        for s in segments.transcripts.search(query):
            assert find_spans(s.text, query)


def test_search_columns_written_by_an_older_folding_are_rebuilt_on_open(segments):
    folder = segments.folder
    segments.db.execute("UPDATE segments SET search = 'x', compact = 'x'")
    segments.db.execute("DELETE FROM meta WHERE key = 'fold_version'")
    segments.close()
    with Study.open(folder) as again:
        assert found(again, "مساله") == ["این مسأله"]
        assert len(again.transcripts.search_words("مساله")) == 1
        assert again.transcripts.refold() == 0  # current now: nothing to do


@pytest.mark.parametrize("query", ["می‌رود", "می رود", "میرود"])
def test_full_text_search_does_not_care_how_a_word_break_is_written(segments, query):
    found_texts = {s.text for s in segments.transcripts.search_words(query)}
    assert {"او می رود", "او میرود", "او می\u200cرود"} <= found_texts
    assert "او کمی رودخانه دید" not in found_texts


@pytest.mark.parametrize("query", ["رود", "می‌رود", "خانه", "من", "ه", "مساله"])
def test_find_gives_every_span_and_find_next_walks_them_in_order(segments, query):
    ts = segments.transcripts
    expected = [(s.interview_id, s.id, a, b) for s in ts.search(query) for a, b in find_spans(s.text, query)]
    assert ts.find(query) == expected and expected
    walked, hit = [], ts.find_next(query)
    while hit is not None:
        walked.append(hit)
        hit = ts.find_next(query, after=(hit[1], hit[3]))
    assert walked == expected


def test_find_next_keeps_to_its_interview_and_to_the_order_held(segments):
    ts = segments.transcripts
    other = segments.interviews.add(segments.participants.add("م۲").id)
    # added out of time order: the walk still follows the transcript's times
    ts.add_segments(other.id, [NewSegment(5000, 5900, "دومین خانه"), NewSegment(1000, 1900, "اولین خانه")])
    texts = lambda hits: [ts.segment(h[1]).text for h in hits]  # noqa: E731
    hit = ts.find_next("خانه", other.id)
    second = ts.find_next("خانه", other.id, after=(hit[1], hit[3]))
    assert texts([hit, second]) == ["اولین خانه", "دومین خانه"]
    assert ts.find_next("خانه", other.id, after=(second[1], second[3])) is None
    study_wide = ts.find("خانه")
    assert texts(study_wide[-2:]) == ["اولین خانه", "دومین خانه"] and study_wide[:-2] == ts.find("خانه", hit[0] - 1)
    assert ts.find_next("ناپیدا") is None and ts.find("") == []


@pytest.mark.parametrize("query", ["می‌رود", "خانه", "مساله"])
def test_replacements_are_what_replacing_each_segment_gives(segments, query):
    from transcribe.find import replace_all_text

    ts = segments.transcripts
    planned = ts.replacements(query, "X")
    expected = {}
    for s in ts.search(query):
        new, n = replace_all_text(s.text, query, "X")
        if new != s.text:
            expected[s.id] = (s.interview_id, s.text, new, n)
    assert planned == expected and planned
    assert [s.text for s in ts.search(query)] == [old for _i, old, _new, _n in planned.values()]  # nothing written
