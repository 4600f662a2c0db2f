"""The Qt catalogs hold no orphan (a message no code asks for) and no duplicate (one key in two
catalogs, where the one loaded first wins silently; one English source worded two ways)."""
from desktop.messages.catalogs import (
    DIFFERENT_ON_PURPOSE,
    Message,
    code_strings,
    duplicates,
    messages,
    orphans,
)


def test_the_catalogs_hold_no_orphan():
    assert [f"{m.file} {m.context} {m.source!r}" for m in orphans()] == []


def test_the_catalogs_hold_no_duplicate():
    assert duplicates() == []


def test_the_checks_catch_an_orphan_and_both_kinds_of_duplicate():
    strings = code_strings()
    assert "Language of the interviews:" in strings  # a tr() literal of desktop/ is seen
    made = [Message("a_fa.ts", "X", "Language of the interviews:", "زبان"),
            Message("b_fa.ts", "X", "Language of the interviews:", "زبان مصاحبه‌ها"),
            Message("b_fa.ts", "Y", "No code asks for this", "…")]
    assert [m.source for m in orphans(made, strings)] == ["No code asks for this"]
    found = duplicates(made)
    assert any("a_fa.ts, b_fa.ts" in d for d in found) and any("worded 2 ways" in d for d in found)


def test_every_catalog_is_read_and_the_reviewed_words_are_in():
    msgs = messages()
    assert len(msgs) > 550 and len({m.file for m in msgs}) >= 13
    shown = {(m.context, m.source): m.translation for m in msgs}
    assert shown[("ModelSettingsWidget", "Azerbaijani")] == "ترکی آذربایجانی"
    assert shown[("ModelSettingsWidget", "Turkish")] == "ترکی استانبولی"
    assert all(source in {m.source for m in msgs} for source in DIFFERENT_ON_PURPOSE)
