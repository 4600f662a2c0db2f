"""Offsets between Qt and the store, Persian dates and clocks, normalised find."""
from codebook.dates import format_clock, format_date, format_duration, parse_clock, parse_display_date
from desktop.transcript.find_replace import find_spans, replace_all_text
from desktop.transcript.offsets import from_utf16, to_utf16

ZWNJ = "\u200c"


def test_offsets_round_trip_with_zwnj_and_emoji():
    text = f"کتاب{ZWNJ}خانه 😀 WhatsApp 👍🏽 تمام"
    for cp in range(len(text) + 1):
        assert from_utf16(text, to_utf16(text, cp)) == cp
    emoji = text.index("😀")
    assert to_utf16(text, emoji + 1) == emoji + 2          # the emoji is two UTF-16 units
    assert to_utf16(text, text.index("خ")) == text.index("خ")  # ZWNJ is one unit in both
    assert from_utf16(text, emoji + 1) == emoji             # inside a surrogate pair: the character's start
    assert to_utf16(text, len(text)) == len(text.encode("utf-16-le")) // 2


def test_dates_jalali_in_persian_gregorian_in_english():
    assert format_date("2024-03-20", "fa") == "۱۴۰۳/۰۱/۰۱"
    assert format_date("2024-03-20", "en") == "2024-03-20"
    assert format_date(None, "fa") == ""
    assert parse_display_date("۱۴۰۳/۰۱/۰۱", "fa") == "2024-03-20"
    assert format_duration(3_725_000, "en") == "1:02:05"
    assert format_clock(65_400, "fa") == "۰۱:۰۵٫۴"  # the Persian decimal separator
    assert parse_clock("۰۱:۰۵.۴") == parse_clock("۰۱:۰۵٫۴") == 65_400
    assert parse_clock("nonsense") is None


def test_find_matches_through_persian_normalisation():
    text = f"این کتاب{ZWNJ}خانه و آن كتاب"  # the second with Arabic kaf
    spans = find_spans(text, "کتاب")
    assert [text[a:b] for a, b in spans] == ["کتاب", "كتاب"]
    spans = find_spans(text, "كتابخانه")  # Arabic kaf, no ZWNJ
    assert [text[a:b] for a, b in spans] == [f"کتاب{ZWNJ}خانه"]
    new, n = replace_all_text("علی گفت و علي رفت", "علی", "مشارکت‌کننده ۱")
    assert n == 2 and new == "مشارکت‌کننده ۱ گفت و مشارکت‌کننده ۱ رفت"
    assert find_spans("متن", "") == []
