"""The vectorised agreement equals the pure-Python one it replaced, to the last bit, on studies
drawn at random (several interviews, segments of any length and out of id order, codings within
and across segments, touching and nested, three coders of whom two are compared)."""
import random

import krippendorff
import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codebook import Study
from codebook import agreement as ag
from codebook.agreement_matrix import binary_alpha
from codebook.errors import StudyError
from codebook.models import NewSegment
from tests.agreement.reference import compute as reference


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.booleans()), min_size=1, max_size=300))
def test_binary_alpha_in_closed_form_is_the_packages_to_the_last_bit(pairs):
    a = [int(x) for x, _ in pairs]
    b = [int(y) for _, y in pairs]
    n00 = sum(1 for x, y in pairs if not x and not y)
    n11 = sum(1 for x, y in pairs if x and y)
    got = binary_alpha(n00, n11, len(pairs) - n00 - n11)
    if len(set(a) | set(b)) < 2:
        return  # undefined: compute() never asks
    expected = krippendorff.alpha(reliability_data=np.array([a, b], dtype=float), level_of_measurement="nominal",
                                  value_domain=[0.0, 1.0])
    assert got == float(expected) or (np.isnan(expected) and got is None)
    assert got == ag.krippendorff_alpha(a, b)


def _draw_study(folder, seed: int) -> Study:
    rng = random.Random(seed)
    study = Study.create(folder)
    codes = [study.codes.add(f"c{k}").id for k in range(rng.randint(1, 5))]
    for _ in range(rng.randint(1, 3)):
        iv = study.interviews.add(title="i")
        texts = ["x" * rng.choice((0, 1, 3, 10, 25)) for _ in range(rng.randint(1, 7))]
        # start times out of id order sometimes: the layout follows start_ms, then id
        times = sorted(rng.sample(range(0, 100000, 10), len(texts))) if rng.random() < 0.7 else \
            rng.sample(range(0, 100000, 10), len(texts))
        seg = study.transcripts.add_segments(iv.id, [NewSegment(t, t + 5, x) for t, x in zip(times, texts, strict=True)])
        lengths = dict(zip(seg, map(len, texts), strict=True))
        for _ in range(rng.randint(0, 14)):
            i = rng.randrange(len(seg))
            j = min(len(seg) - 1, i + rng.choice((0, 0, 0, 1, 2)))
            s_off = rng.randint(0, lengths[seg[i]])
            e_off = rng.randint(0, lengths[seg[j]])
            if i == j and e_off < s_off and rng.random() < 0.8:
                s_off, e_off = e_off, s_off
            try:
                study.codings.add(rng.choice(codes), seg[i], s_off, seg[j], e_off, coder=rng.choice("ABC"))
            except StudyError:
                pass  # an empty or backward selection is refused, as in the app
    return study


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), unit=st.sampled_from(ag.UNITS), overlap=st.sampled_from([0.8, 0.5, 1.0, 0.05]))
def test_equals_the_pure_python_agreement(tmp_path_factory, seed, unit, overlap):
    study = _draw_study(tmp_path_factory.mktemp("s") / "s.mosahebeh", seed)
    try:
        names = {c for c, _n in ag.coders(study)}
        if not {"A", "B"} <= names:
            return
        got = ag.compute(study, "A", "B", unit=unit, overlap=overlap)
        codes, overall, interviews, disagreements = reference(study, "A", "B", unit=unit, overlap=overlap)
        assert got.codes == codes
        assert got.overall == overall
        assert got.interviews == interviews
        assert got.disagreements == disagreements
    finally:
        study.close()
