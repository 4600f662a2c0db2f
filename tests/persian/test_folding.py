"""Persian typed on other layouts: «ڪ» (U+06AA, swash kaf) matches «ک» and «ە» (U+06D5, ae) matches «ه»,
in search, find and replace, and the pseudonymisation list; the text is shown as it was typed."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from codebook import Study
from codebook.models import NewSegment
from codebook.pseudonymise import Replacer
from transcribe.normalize import clean_display, compact_key, fold, search_key

PAIRS = [("ڪتاب", "کتاب"), ("ڪتابخانە", "کتابخانه"), ("خانە", "خانه"), ("ڪاظم", "كاظم"), ("مدرسە ما", "مدرسه‌ی ما")]


@pytest.mark.parametrize(("typed", "persian"), PAIRS)
def test_the_variant_letters_fold_both_ways(typed, persian):
    assert search_key(typed) == search_key(persian)
    assert compact_key(typed) == compact_key(persian)


@given(st.text(alphabet="ڪکكەهةۀ ابتسی\u200c", max_size=20))
def test_folding_keeps_one_span_per_character_and_never_shows_the_variants(text):
    folded, spans = fold(text)
    assert len(folded) == len(spans)
    assert "ڪ" not in folded and "ە" not in folded
    assert search_key(text.replace("ک", "ڪ").replace("ه", "ە")) == search_key(text)


def test_the_text_is_shown_as_typed():
    assert clean_display("خانە") == "خانە"  # a Kurdish ە is a letter of its own in Kurdish text


def test_search_and_pseudonymisation_match_the_variants(tmp_path):
    study = Study.create(tmp_path / "s.mosahebeh", name="s")
    added = study.interviews.add(title="x")
    iid = getattr(added, "id", added)
    study.transcripts.add_segments(iid, [NewSegment(0, 1000, "در ڪتابخانە مدرسە بودم"),
                                         NewSegment(1000, 2000, "کتابخانه بسته بود")])
    assert len(study.transcripts.search("کتابخانه")) == 2
    assert len(study.transcripts.search("ڪتابخانە")) == 2
    study.close()
    r = Replacer({"کاظم": "P1"})
    assert r.text("آقای ڪاظم گفت") == "آقای P1 گفت"
    assert Replacer({"زهره": "P2"}).text("خانم زهرە آمد") == "خانم P2 آمد"
