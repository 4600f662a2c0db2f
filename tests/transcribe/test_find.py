"""Find and replace through the Persian folding never corrupts text."""
import pytest

from transcribe.find import find_spans, replace_all_text

ZWNJ = "\u200c"


def test_replace_never_crosses_a_word_boundary_the_query_does_not_have():
    text = "او کمی رودخانه دید"
    assert find_spans(text, "می‌رود") == []
    assert replace_all_text(text, "می‌رود", "می‌رفت") == (text, 0)
    assert replace_all_text(f"او کمی{ZWNJ}رودخانه دید", "می رود", "می‌رفت")[1] == 0


@pytest.mark.parametrize("written", ["می رود", f"می{ZWNJ}رود", "میرود", "می\u200bرود", "مي‌رود"])
@pytest.mark.parametrize("query", ["می‌رود", "می رود", "میرود"])
def test_a_word_break_inside_the_query_may_be_written_any_way(written, query):
    text = f"او هر روز {written}، نه؟"
    new, n = replace_all_text(text, query, "می‌رفت")
    assert n == 1 and new == "او هر روز می‌رفت، نه؟"


def test_replace_changes_nothing_outside_the_match():
    text = "خانهٔ من و خانه‌ی او و کتاب‌خانه‌ها"
    assert replace_all_text(text, "کتابخانه", "کتابخانه‌ی")[0] == "خانهٔ من و خانه‌ی او و کتابخانه‌ی‌ها"
    # the ezafe goes with the word it is written on
    assert replace_all_text("خانه‌ی من", "خانه", "کتاب") == ("کتاب من", 1)
    # within one word a query matches as a substring, as any find does
    assert [("رودخانه"[a:b]) for a, b in find_spans("رودخانه", "رود")] == ["رود"]


def test_matches_through_normalisation():
    text = f"این کتاب{ZWNJ}خانه و آن كتاب"
    assert [text[a:b] for a, b in find_spans(text, "کتاب")] == ["کتاب", "كتاب"]
    assert [text[a:b] for a, b in find_spans(text, "كتابخانه")] == [f"کتاب{ZWNJ}خانه"]
    t = "کِتابْ خوب"
    assert [t[a:b] for a, b in find_spans(t, "کتاب")] == ["کِتابْ"]  # harakat go along
    t = "این مسأله و مسئله"
    assert [t[a:b] for a, b in find_spans(t, "مساله")] == ["مسأله", "مسئله"]
    assert find_spans("متن", "") == [] and find_spans("", "متن") == []
