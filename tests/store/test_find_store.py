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
