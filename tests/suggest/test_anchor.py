"""A model's quote anchored to real words: exact, through the Persian folding, near-exact, or not at all."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from codebook.suggestions.anchor import anchor

WORDS = ["کتابخانه", "تعطیل", "شد", "بودجه", "نرسید", "کاربران", "سالمند", "اینترنت", "نداشتند", "مجازی",
         "جلسه", "کتاب‌خوانی", "برگزار", "کردیم", "همه‌گیری", "در", "و", "ما", "هم"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=3, max_size=30), st.data())
def test_any_run_of_words_anchors_exactly_to_itself(words, data):
    text = " ".join(words)
    a = data.draw(st.integers(0, len(words) - 1))
    b = data.draw(st.integers(a + 1, len(words)))
    quote = " ".join(words[a:b])
    start, end, how = anchor(text, quote)
    assert text[start:end] == quote and how == "exact"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=3, max_size=30), st.data())
def test_arabic_letters_and_joiners_anchor_through_the_folding(words, data):
    text = " ".join(words)
    a = data.draw(st.integers(0, len(words) - 1))
    b = data.draw(st.integers(a + 1, len(words)))
    quote = " ".join(words[a:b]).replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ")
    start, end, how = anchor(text, quote)
    assert how in ("exact", "folded")
    # The span is real words of the text, and folds to the quote.
    from transcribe.normalize import compact_key
    assert compact_key(text[start:end]) == compact_key(quote)


def test_a_near_quote_widens_to_whole_words_and_a_wrong_one_is_none():
    text = "ما در دوران همه‌گیری جلسه‌های کتاب‌خوانی را در اینستاگرام برگزار کردیم و استقبال خوب بود."
    start, end, how = anchor(text, "جلسه‌های کتابخونی را در اینستاگرام برگزار کردیم")
    assert how == "near" and text[start:end] == "جلسه‌های کتاب‌خوانی را در اینستاگرام برگزار کردیم"
    assert anchor(text, "بودجهٔ کتابخانه به موقع نرسید و کارکنان نگران بودند") is None
    assert anchor(text, "") is None and anchor("", "x") is None
    assert anchor(text, "«استقبال خوب بود»")[2] == "exact"
