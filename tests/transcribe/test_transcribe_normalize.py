"""Persian normalisation: every rule the transcription issue lists, one by one."""
import pytest

from transcribe.normalize import canonical, clean_display, compact_key, persian_digits, search_key


@pytest.mark.parametrize("variant, plain", [
    ("يك", "یک"),              # Arabic yeh and kaf
    ("مصطفى", "مصطفی"),        # alef maksura
    ("مسئله", "مسیله"),        # yeh with hamza
    ("مدرسة", "مدرسه"),        # teh marbuta
    ("خانۀ", "خانه"),          # heh with yeh above
    ("أحمد إمام ٱلله", "احمد امام الله"),
    ("مؤسسه", "موسسه"),
    ("۱۳۹۹ و ١٤٠٠", "1399 و 1400"),  # Persian and Arabic-Indic digits
    ("کتاب\u200cخانه", "کتاب خانه"),   # ZWNJ to a space
    ("\u200fسلام\u200e", "سلام"),      # RLM, LRM dropped
    ("کتــــاب", "کتاب"),       # tatweel
    ("کِتابْ", "کتاب"),         # harakat
    ("  دو   فاصله\tو\nخط ", "دو فاصله و خط"),
    ("WhatsApp", "whatsapp"),
])
def test_search_key_folds_each_variant(variant, plain):
    assert search_key(variant) == search_key(plain) == plain


def test_compact_key_matches_any_word_break():
    assert compact_key("كتابخانه") == compact_key("کتاب‌خانه") == compact_key("کتاب خانه")


def test_clean_display_changes_letters_and_zwnj_spacing_only():
    assert clean_display(" كتاب \u200c خانه ۱۲ كِ ") == "کتاب\u200cخانه ۱۲ کِ"  # digits and harakat stay


def test_canonical_is_nfc_with_lf():
    assert canonical("\u0627\u0653\r\nب\rپ") == "\u0622\nب\nپ"


def test_persian_digits_for_display():
    assert persian_digits("4+2, 99.5%") == "۴+۲, ۹۹.۵%"
    assert persian_digits("99.5", decimal=True) == "۹۹٫۵"
