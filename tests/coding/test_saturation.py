"""Saturation methods against hand-computed cases and Guest et al.'s hypothetical."""
import pytest

from codebook import saturation as sat
from codebook.errors import StudyError


def guest_hypothetical():
    """Guest et al. (2020): a base of 4 interviews with 37 themes; run 5-6 adds 7 (19%),
    run 6-7 adds 4 (11%); here run 7-8 adds 1 (2.7%) and reaches the 5% threshold."""
    base = [set(range(0, 12)), set(range(10, 25)), set(range(20, 33)), set(range(30, 37))]
    i5 = {1, 2, 37, 38, 39}          # 3 new
    i6 = {5, 40, 41, 42, 43}         # 4 new
    i7 = {40, 3}                     # none new
    i8 = {44, 6}                     # 1 new
    return base + [i5, i6, i7, i8]


def test_guest_hypothetical_runs_and_verdict():
    g = sat.guest(guest_hypothetical())
    assert g.base_codes == 37
    assert [(r.first, r.last, r.new) for r in g.runs] == [(5, 6, 7), (6, 7, 4), (7, 8, 1)]
    assert round(g.runs[0].ratio * 100) == 19 and round(g.runs[1].ratio * 100) == 11
    assert g.saturated and g.x == 6 and g.label == "6+2"


def test_guest_threshold_is_inclusive_and_denominator_fixed():
    # base: 20 codes; run 21..: one new code in the run = 1/20 = 5% exactly -> saturated
    inc = [set(range(20)), set(), set(), set(), {20}, set()]
    g = sat.guest(inc, base=1, run=2, threshold=0.05)
    assert [(r.first, r.last, r.new) for r in g.runs] == [(2, 3, 0)]
    g = sat.guest(inc, base=4, run=2, threshold=0.05)
    assert [(r.first, r.last, r.new, r.ratio) for r in g.runs] == [(5, 6, 1, 0.05)]
    assert g.label == "4+2"
    g = sat.guest(inc, base=4, run=2, threshold=0.04)
    assert not g.saturated and g.x is None and g.label is None and g.assessable


def test_guest_not_yet_assessable():
    g = sat.guest([{1}, {2}, {3}, {4}, {5}])  # 5 < 4 + 2
    assert not g.assessable and not g.saturated and g.runs == ()
    s = sat.assess(list("abcde"), [{1}, {2}, {3}, {4}, {5}], permutations=10)
    assert "not yet assessable" in s.sentence("en") and "6" in s.sentence("en")
    assert s.sentence("fa").endswith("هنوز ممکن نیست: دست‌کم ۶ مصاحبه لازم است و تاکنون "
                                     "۵ مصاحبه انجام شده است.")
    g = sat.guest([set()] * 7)  # no code in the base: no denominator
    assert not g.assessable


def test_guest_rejects_bad_parameters():
    with pytest.raises(StudyError):
        sat.guest([{1}], base=0)
    with pytest.raises(StudyError):
        sat.guest([{1}], threshold=5)


def test_francis_counts_after_initial_sample():
    # new codes per interview: 3, 1, 0 | 0, 1, 0, 0 (initial 3, stop 2)
    inc = [{1, 2, 3}, {4}, {1}, {2}, {5}, {1}, {3}]
    assert sat.new_code_counts(inc)[1] == [3, 1, 0, 0, 1, 0, 0]
    f = sat.francis(inc, initial=3, stop=2)
    assert f.saturated and f.at == 7
    # interview 3 (no new code) lies in the initial sample: it must not count
    f = sat.francis([{1}, {2}, set(), set(), {3}], initial=3, stop=2)
    assert not f.saturated and f.at is None
    # defaults 10 and 3: first check 11-13
    inc = [{i} for i in range(10)] + [{0}, {1}, {2}, {3}]
    assert sat.francis(inc).at == 13
    assert sat.francis(inc[:12]).saturated is False


def test_chao2_both_formulas():
    # m=4; a,b in one interview (Q1=2), c in two (Q2=1), d in three; S_obs=4
    inc = [{"a", "c", "d"}, {"b", "c", "d"}, {"d"}, set()]
    assert sat.chao2(inc) == pytest.approx(4 + (3 / 4) * 2 ** 2 / (2 * 1))  # 5.5
    # Q2 = 0: m=3, a,b,c once (Q1=3), d three times: 4 + (2/3)*3*2/2 = 6
    inc = [{"a", "d"}, {"b", "d"}, {"c", "d"}]
    assert sat.chao2(inc) == pytest.approx(6.0)
    assert sat.chao2([]) == 0.0
    assert sat.chao2([{"a"}]) == 1.0  # m=1: (m-1)/m = 0


def test_counts_and_json_shape():
    s = sat.assess([10, 11, 12], [{"a", "b"}, {"b", "c"}, set()], permutations=20, seed=3)
    j = s.to_json()
    assert j["interviews"] == [10, 11, 12]
    assert j["new_codes"] == [2, 1, 0] and j["cumulative"] == [2, 3, 3]
    assert set(j) == {"interviews", "new_codes", "cumulative", "guest", "francis", "chao2", "permutations"}
    assert set(j["guest"]) == {"base", "run", "threshold", "base_codes", "runs", "saturated", "x", "label"}
    assert set(j["francis"]) == {"initial", "stop", "saturated", "at"}
    assert set(j["permutations"]) == {"k", "median_x", "p5_x", "p95_x", "share_saturated"}


def test_robustness_is_seeded_and_summarises_x():
    inc = guest_hypothetical() + [{0}, {1}, {2}]
    a = sat.robustness(inc, k=200, seed=1)
    b = sat.robustness(inc, k=200, seed=1)
    assert a == b and a.k == 200
    assert 0 < a.share_saturated <= 1
    assert 4 <= a.p5_x <= a.median_x <= a.p95_x <= len(inc) - 2
    # one interview holds every code: saturation in every ordering, at X = 4 unless it lands in a run
    inc = [set(range(10))] + [{0}] * 9
    r = sat.robustness(inc, k=300, seed=0)
    assert r.share_saturated == 1.0
    assert sat.robustness(inc, k=0) == sat.Robustness(0, None, None, None, None)


def test_percentile_matches_linear_interpolation():
    assert sat.percentile([1, 2, 3, 4], 50) == 2.5
    assert sat.percentile([5], 95) == 5
    assert sat.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 5) == pytest.approx(1.5)


def test_sentences():
    s = sat.assess(list(range(1, 9)), guest_hypothetical(), permutations=50)
    assert s.sentence() == "Saturation (base size 4, run length 2, ≤5% new information) was reached at 6+2."
    assert s.sentence("fa") == ("بر پایهٔ روش گست، نِیمی و چن (۲۰۲۰)، با اندازهٔ پایهٔ ۴ مصاحبه، طول دنبالهٔ ۲ مصاحبه "
                                "و آستانهٔ اطلاعات جدیدِ حداکثر ۵ درصد، اشباع کدها در \u200e۶+۲ حاصل شد؛ یعنی پس از "
                                "مصاحبهٔ ۶، دو مصاحبهٔ بعدی روی‌هم‌رفته بیش از ۵ درصد کد جدید (نسبت به کدهای "
                                "مصاحبه‌های پایه) نیفزودند.")
    p = s.paragraph("en")
    assert p.startswith(s.sentence()) and "random orderings" in p and "Chao2" in p
    s = sat.assess(list(range(1, 7)), [set(range(20))] + [{i + 100} for i in range(5)], permutations=0)
    assert s.sentence() == ("Saturation (base size 4, run length 2, ≤5% new information) "
                            "was not reached in 6 interviews.")


def test_persian_paragraph_reads_as_a_paper_would_print_it():
    """The issue's wording: دنباله (not اجرا), «درصد» in prose, ezafe, the Chao2 clause."""
    g = sat.GuestResult(base=4, run=2, threshold=0.05, base_codes=37, runs=(sat.Run(5, 6, 1, 0.03),),
                        saturated=True, x=5)
    assert sat.guest_sentence(g, 9, "fa").startswith(
        "بر پایهٔ روش گست، نِیمی و چن (۲۰۲۰)، با اندازهٔ پایهٔ ۴ مصاحبه، طول دنبالهٔ ۲ مصاحبه و آستانهٔ اطلاعات "
        "جدیدِ حداکثر ۵ درصد، اشباع کدها در \u200e۵+۲ حاصل شد؛ یعنی پس از مصاحبهٔ ۵،")
    r = sat.Robustness(k=200, median_x=6, p5_x=4, p95_x=10, share_saturated=0.985)
    assert sat.robustness_sentence(r, 2, "fa") == (
        "در ۲۰۰ ترتیب تصادفی مصاحبه‌ها، اشباع در ۹۸٫۵ درصد ترتیب‌ها حاصل شد "
        "(میانهٔ نقطهٔ اشباع: \u200e۶+۲؛ صدک‌های پنجم و نود و پنجمِ شمار مصاحبه‌ها تا اشباع: ۴ و ۱۰).")
    none = sat.Robustness(k=1000, median_x=None, p5_x=None, p95_x=None, share_saturated=0.0)
    assert sat.robustness_sentence(none, 2, "fa") == "در ۱٬۰۰۰ ترتیب تصادفی مصاحبه‌ها، اشباع در هیچ‌یک حاصل نشد."
    assert sat.chao2_sentence(9, 22.9, "fa") == "۹ کد شناسایی شد که حدود ۳۹ درصد از کل کدهای برآوردشده با برآوردگر Chao2 (۲۲٫۹ کد) است."
    assert "٪" not in sat.robustness_sentence(r, 2, "fa") + sat.chao2_sentence(9, 22.9, "fa")


def test_incidence_csv(tmp_path):
    f = tmp_path / "inc.csv"
    f.write_text("\ufeffinterview,code\nP2,a\nP1,b\nP2,c\nP3,\nP1,a\n", encoding="utf-8")
    labels, codes = sat.read_incidence_csv(f)
    assert labels == ["P2", "P1", "P3"]
    assert codes == [frozenset("ac"), frozenset("ba"), frozenset()]


@pytest.mark.parametrize("content, message", [
    ("", "empty"),
    ("who,what\nP1,a\n", "header"),
    ("interview,code\n", "no interviews"),
    ("interview,code\n,a\n", "line 2"),
])
def test_incidence_csv_bad_input(tmp_path, content, message):
    f = tmp_path / "bad.csv"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(StudyError, match=message):
        sat.read_incidence_csv(f)


def test_incidence_csv_not_utf8_and_missing(tmp_path):
    f = tmp_path / "latin.csv"
    f.write_bytes("interview,code\nP1,caf\xe9\n".encode("latin-1"))
    with pytest.raises(StudyError, match="UTF-8"):
        sat.read_incidence_csv(f)
    with pytest.raises(StudyError, match="No incidence file"):
        sat.read_incidence_csv(tmp_path / "nope.csv")
