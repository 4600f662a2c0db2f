"""The coefficients against hand-computed and published answers, and the overlap rule's edges."""
import random

import krippendorff
import pytest

from codebook.agreement import cohen_kappa, krippendorff_alpha, percent_agreement, spans_agree


def test_perfect_agreement_is_kappa_one():
    a = [1, 0, 1, 1, 0, 0, 1, 0]
    assert percent_agreement(a, a) == 1.0
    assert cohen_kappa(a, a) == pytest.approx(1.0)
    assert krippendorff_alpha(a, a) == pytest.approx(1.0)


def test_agreement_at_chance_is_kappa_zero():
    # Each coder says yes half the time, independently: po = 0.5 = pe.
    a = [1, 1, 0, 0] * 3
    b = [1, 0, 1, 0] * 3
    assert percent_agreement(a, b) == 0.5
    assert cohen_kappa(a, b) == pytest.approx(0.0, abs=1e-12)


def test_cohen_1960_worked_example():
    """Cohen (1960), Educational and Psychological Measurement 20:37-46, Table 1: 200 cases, three
    categories, po = .70, pc = .41, kappa = .492."""
    cells = {(1, 1): 88, (1, 2): 14, (1, 3): 18, (2, 1): 10, (2, 2): 40, (2, 3): 10,
             (3, 1): 2, (3, 2): 6, (3, 3): 12}
    a = [i for (i, _), n in cells.items() for _ in range(n)]
    b = [j for (_, j), n in cells.items() for _ in range(n)]
    assert len(a) == 200
    assert percent_agreement(a, b) == pytest.approx(0.70)
    assert cohen_kappa(a, b) == pytest.approx((0.70 - 0.41) / (1 - 0.41))
    assert round(cohen_kappa(a, b), 3) == 0.492


def test_krippendorff_2011_binary_example():
    """Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section A: two observers,
    ten units, binary data: alpha = 1 - 19 * 4 / (14 * 6) = 0.095."""
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert krippendorff_alpha(a, b) == pytest.approx(1 - 19 * 4 / (14 * 6))
    assert round(krippendorff_alpha(a, b), 3) == 0.095


def test_alpha_matches_the_krippendorff_package_on_random_data():
    rng = random.Random(17)
    for _ in range(20):
        n = rng.randint(5, 60)
        k = rng.randint(2, 4)
        a = [rng.randrange(k) for _ in range(n)]
        b = [x if rng.random() < 0.6 else rng.randrange(k) for x in a]
        if len(set(a) | set(b)) < 2:
            continue
        expected = krippendorff.alpha(reliability_data=[a, b], level_of_measurement="nominal")
        assert krippendorff_alpha(a, b) == pytest.approx(expected)


def test_undefined_where_only_one_value():
    a = b = [0] * 10
    assert percent_agreement(a, b) == 1.0
    assert cohen_kappa(a, b) is None and krippendorff_alpha(a, b) is None
    assert cohen_kappa([], []) is None and percent_agreement([], []) is None


@pytest.mark.parametrize("x, y, share, agree", [
    ((0, 10), (10, 20), 0.0001, False),  # touching: no character in common
    ((0, 100), (10, 90), 0.8, True),  # nested, 80 of the longer 100
    ((0, 100), (10, 89), 0.8, False),  # nested, 79 of 100
    ((10, 90), (0, 100), 0.8, True),  # the same, the other way round
    ((0, 100), (0, 50), 0.8, False),  # one span covering two: each half is 50%
    ((0, 100), (50, 100), 0.8, False),
    ((0, 100), (0, 50), 0.5, True),  # ... enough at 50%
    ((0, 100), (50, 100), 0.5, True),
    ((5, 15), (5, 15), 1.0, True),  # identical spans at 100%
    ((5, 15), (5, 16), 1.0, False),
])
def test_overlap_rule_edges(x, y, share, agree):
    assert spans_agree(x, y, share) is agree
