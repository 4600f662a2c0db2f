"""Persian normalisation: every rule, and every pair a researcher expects to match, both ways."""
import random

import pytest

from transcribe.normalize import canonical, clean_display, compact_key, fold, persian_digits, search_key

ZWNJ = "\u200c"


@pytest.mark.parametrize("variant, plain", [
    ("يك", "یک"),              # Arabic yeh and kaf
    ("مصطفى", "مصطفی"),        # alef maksura
    ("مدرسة", "مدرسه"),        # teh marbuta
    ("خانۀ", "خانه"),          # heh with yeh above
    ("ھمه", "همه"),            # heh doachashmee
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


# The pairs the issue lists (and their close kin): each must match the other, both ways,
# in search_key (full-text words) and in compact_key (find).
PAIRS = [
    # ezafe
    ("خانهٔ من", "خانه\u200cی من"), ("خانهٔ من", "خانه ی من"), ("خانه\u200cی من", "خانه ی من"),
    ("خانۀ من", "خانه\u200cی من"), ("بودجهٔ خرید", "بودجه ی خرید"),
    # hamza
    ("مسئله", "مسأله"), ("مسئله", "مساله"), ("مسأله", "مساله"),
    ("مسئول", "مسؤول"), ("مسئول", "مسوول"), ("رئیس", "رییس"), ("مسائل", "مسایل"), ("پائیز", "پاییز"),
    ("هیئت", "هیأت"), ("اشیاء", "اشیا"), ("سؤال", "سوال"),
    # the wrong joiners typed or pasted for a ZWNJ
    ("می\u200bرود", "می\u200cرود"), ("می\u200dرود", "می\u200cرود"), ("می\u00adرود", "می\u200cرود"),
    ("می\ufeffرود", "می\u200cرود"),
    # letters
    ("ھمه", "همه"), ("كتاب", "کتاب"), ("علي", "علی"),
    # decimal and thousands separators
    ("۲٫۵", "2.5"), ("٢٫٥", "2.5"), ("۱٬۰۰۰", "1,000"),
]


@pytest.mark.parametrize("a, b", PAIRS)
def test_each_pair_folds_together_both_ways(a, b):
    assert search_key(a) == search_key(b)
    assert search_key(b) == search_key(a)
    assert compact_key(a) == compact_key(b)


@pytest.mark.parametrize("a, b", [
    ("خانه\u200cای", "خانه"),   # the indefinite «‌ای» is a word, not an ezafe
    ("خانه یک", "خانه"),        # nor a word that starts with ی
    ("جزء", "جز"),              # ء after a consonant stays
    ("2.5", "25"),
])
def test_what_must_not_fold_together(a, b):
    assert search_key(a) != search_key(b)


def test_word_breaks_match_in_compact_key_only():
    assert compact_key("كتابخانه") == compact_key("کتاب‌خانه") == compact_key("کتاب خانه")
    assert compact_key("میرود") == compact_key("می رود") and search_key("میرود") != search_key("می رود")


def test_fold_maps_back_to_the_original_and_agrees_with_search_key():
    text = f"او کتــاب{ZWNJ}خانهٔ  مسئله‌ی ما را دید."
    folded, spans = fold(text)
    assert folded == search_key(text)
    assert len(spans) == len(folded)
    assert [text[a:b] for a, b in spans][:4] == ["ا", "و", " ", "ک"]
    assert text[spans[folded.index("ت")][0]:spans[folded.index("ت")][1]] == "تــ"  # tatweel goes with the letter
    rng = random.Random(3)
    alphabet = "ائیوهءؤأخکيكھة ۲٫.\u200c\u200b\u200d\u00ad\ufeff\u0640\u064e\u0654\u0653\t\nAb،؟!-"
    for _ in range(20000):
        x = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert fold(x)[0] == search_key(x), repr(x)


@pytest.mark.parametrize("joiner", ["\u200b", "\u200d", "\u00ad", "\ufeff"])
def test_wrong_joiners_become_zwnj_in_stored_and_displayed_text(joiner):
    assert canonical(f"می{joiner}رود") == f"می{ZWNJ}رود"
    assert clean_display(f"می{joiner}رود ") == f"می{ZWNJ}رود"
    assert len(canonical(f"می{joiner}رود")) == len(f"می{joiner}رود")  # offsets keep


def test_a_zwj_between_emoji_stays():
    family = "\U0001F468\u200d\U0001F469"
    assert canonical(family) == family


def test_clean_display_changes_letters_and_zwnj_spacing_only():
    assert clean_display(" كتاب \u200c خانه ۱۲ كِ ھ ") == "کتاب\u200cخانه ۱۲ کِ ه"  # digits and harakat stay


def test_canonical_is_nfc_with_lf():
    assert canonical("\u0627\u0653\r\nب\rپ") == "\u0622\nب\nپ"


def test_persian_digits_for_display():
    assert persian_digits("4+2, 99.5%") == "۴+۲, ۹۹.۵%"
    assert persian_digits("99.5", decimal=True) == "۹۹٫۵"
