"""Saturation: how many new codes each interview brings, and when new ones stop coming.

Every function here works on an *incidence*: a list, in the order the
interviews were held, of the set of codes used in each interview. It knows
nothing about studies (see :func:`codebook.analysis.incidence` for that) and
nothing about Qt.

>>> inc = [{"a", "b"}, {"b", "c"}, {"c"}, set()]
>>> new_code_counts(inc)
([2, 2, 1, 0], [2, 1, 0, 0], [2, 3, 3, 3])

Methods:

* :func:`guest` -- Guest, Namey & Chen (2020), PLOS ONE 15(5):e0232076. The
  first ``base`` interviews give the denominator (the codes found in them).
  Runs of ``run`` interviews roll forward one interview at a time from the
  one after the base; a run's *new information* is the number of codes in it
  not seen in any earlier interview, divided by the base's codes. Saturation
  is the first run whose ratio is at or under ``threshold``, reported as
  ``X+Y``: X the last interview before that run, Y the run length.
* :func:`francis` -- Francis et al. (2010), Psychology & Health 25(10): after
  an initial analysis sample of ``initial`` interviews, saturation is at the
  first interview that closes ``stop`` consecutive interviews (all after the
  initial sample) with no new code.
* :func:`chao2` -- the Chao2 estimate of how many codes exist in all, from the
  code x interview incidence.
* :func:`robustness` -- the Guest verdict over random re-orderings.

:func:`assess` runs them all and returns a :class:`Saturation`, whose
:meth:`~Saturation.to_json` is the shape ``mosahebeh saturation --json`` prints.
"""
from __future__ import annotations

import csv
import random
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from codebook.errors import StudyError
from transcribe.normalize import fa_digits

BASE, RUN, THRESHOLD = 4, 2, 0.05
INITIAL, STOP = 10, 3
PERMUTATIONS, SEED = 1000, 0
_EPS = 1e-12  # 1/20 must count as "at or under 5%"

Incidence = Sequence[Iterable[Hashable]]


# -- the basic counts -----------------------------------------------------------

def _masks(incidence: Incidence) -> list[int]:
    """Each interview's codes as a bit mask (one bit per distinct code): fast unions and counts."""
    bits: dict[Hashable, int] = {}
    out = []
    for codes in incidence:
        m = 0
        for c in codes:
            m |= 1 << bits.setdefault(c, len(bits))
        out.append(m)
    return out


def new_code_counts(incidence: Incidence) -> tuple[list[int], list[int], list[int]]:
    """Per interview, in order: (codes used, new codes, cumulative distinct codes)."""
    used, new, cumulative = [], [], []
    seen = 0
    for m in _masks(incidence):
        used.append(m.bit_count())
        new.append((m & ~seen).bit_count())
        seen |= m
        cumulative.append(seen.bit_count())
    return used, new, cumulative


# -- Guest, Namey & Chen 2020 -------------------------------------------------------

@dataclass(frozen=True)
class Run:
    """One run examined: interviews ``first``..``last`` (positions from 1)."""
    first: int
    last: int
    new: int
    ratio: float


@dataclass(frozen=True)
class GuestResult:
    base: int
    run: int
    threshold: float
    base_codes: int
    runs: tuple[Run, ...]
    saturated: bool
    x: int | None

    @property
    def label(self) -> str | None:
        """The verdict as the paper writes it, ``"X+Y"``; None when not saturated."""
        return f"{self.x}+{self.run}" if self.saturated else None

    @property
    def assessable(self) -> bool:
        """False while there are too few interviews (or no code in the base) to examine a run."""
        return bool(self.runs)

    def to_json(self) -> dict:
        return {"base": self.base, "run": self.run, "threshold": self.threshold, "base_codes": self.base_codes,
                "runs": [{"first": r.first, "last": r.last, "new": r.new, "ratio": r.ratio} for r in self.runs],
                "saturated": self.saturated, "x": self.x, "label": self.label}


def _check(base: int, run: int, threshold: float) -> None:
    if base < 1 or run < 1:
        raise StudyError("The base size and the run length must be at least 1.")
    if not 0 <= threshold < 1:
        raise StudyError("The new-information threshold is a share between 0 and 1 (0.05 is 5%).")


def _guest_masks(masks: list[int], base: int, run: int, threshold: float, keep_runs: bool = True):
    base_seen = 0
    for m in masks[:base]:
        base_seen |= m
    base_codes = base_seen.bit_count()
    runs: list[Run] = []
    if base_codes == 0 or len(masks) < base + run:
        return base_codes, runs, None
    # prefix[i] = codes seen in interviews 1..i
    prefix = [0]
    for m in masks:
        prefix.append(prefix[-1] | m)
    for first in range(base + 1, len(masks) - run + 2):  # positions from 1
        last = first + run - 1
        in_run = 0
        for m in masks[first - 1:last]:
            in_run |= m
        new = (in_run & ~prefix[first - 1]).bit_count()
        ratio = new / base_codes
        if keep_runs:
            runs.append(Run(first, last, new, ratio))
        if ratio <= threshold + _EPS:
            return base_codes, runs, first - 1
    return base_codes, runs, None


def guest(incidence: Incidence, base: int = BASE, run: int = RUN, threshold: float = THRESHOLD) -> GuestResult:
    """Guest, Namey & Chen (2020): the first run of ``run`` interviews after the
    base whose new codes are at most ``threshold`` of the base's codes.

    ``runs`` lists every run examined up to the verdict (all of them when
    saturation is not reached; none when there are fewer than ``base + run``
    interviews or the base holds no code: "not yet assessable")."""
    _check(base, run, threshold)
    base_codes, runs, x = _guest_masks(_masks(incidence), base, run, threshold)
    return GuestResult(base, run, threshold, base_codes, tuple(runs), x is not None, x)


# -- Francis et al. 2010 ------------------------------------------------------------

@dataclass(frozen=True)
class FrancisResult:
    initial: int
    stop: int
    saturated: bool
    at: int | None  # position (from 1) of the interview that closes the stopping run

    def to_json(self) -> dict:
        return {"initial": self.initial, "stop": self.stop, "saturated": self.saturated, "at": self.at}


def francis(incidence: Incidence, initial: int = INITIAL, stop: int = STOP) -> FrancisResult:
    """Francis et al. (2010): saturated at the first interview that closes ``stop``
    consecutive interviews with no new code, counting only interviews after the
    initial analysis sample of ``initial`` (first check: 11-13, then 12-14, ...)."""
    if initial < 0 or stop < 1:
        raise StudyError("The initial sample must be 0 or more and the stopping criterion at least 1.")
    _, new, _ = new_code_counts(incidence)
    streak = 0
    for pos, n in enumerate(new, start=1):
        if pos <= initial:
            continue
        streak = streak + 1 if n == 0 else 0
        if streak >= stop:
            return FrancisResult(initial, stop, True, pos)
    return FrancisResult(initial, stop, False, None)


# -- Chao2 --------------------------------------------------------------------------

def chao2(incidence: Incidence) -> float:
    """Estimated number of codes in all (bias-corrected Chao2 for incidence data).

    With m interviews, S_obs codes seen, Q1 codes seen in exactly one interview
    and Q2 in exactly two: S_obs + ((m-1)/m) Q1^2 / (2 Q2), or when Q2 = 0,
    S_obs + ((m-1)/m) Q1 (Q1-1) / 2. No interview: 0."""
    m = len(incidence)
    if m == 0:
        return 0.0
    freq: dict[Hashable, int] = {}
    for codes in incidence:
        for c in set(codes):
            freq[c] = freq.get(c, 0) + 1
    s_obs = len(freq)
    q1 = sum(1 for f in freq.values() if f == 1)
    q2 = sum(1 for f in freq.values() if f == 2)
    factor = (m - 1) / m
    if q2 > 0:
        return s_obs + factor * q1 * q1 / (2 * q2)
    return s_obs + factor * q1 * (q1 - 1) / 2


# -- order robustness -----------------------------------------------------------------

@dataclass(frozen=True)
class Robustness:
    k: int
    median_x: float | None
    p5_x: float | None
    p95_x: float | None
    share_saturated: float | None  # of the k orderings; None when k = 0

    def to_json(self) -> dict:
        return {"k": self.k, "median_x": self.median_x, "p5_x": self.p5_x, "p95_x": self.p95_x,
                "share_saturated": self.share_saturated}


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) by linear interpolation between order statistics
    (NumPy's default, Hyndman & Fan type 7)."""
    xs = sorted(values)
    if not xs:
        raise ValueError("percentile of nothing")
    pos = (len(xs) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def robustness(incidence: Incidence, k: int = PERMUTATIONS, seed: int = SEED, base: int = BASE, run: int = RUN,
               threshold: float = THRESHOLD) -> Robustness:
    """The Guest verdict over ``k`` random re-orderings of the interviews
    (``random.Random(seed)``, so the figures repeat). X is summarised over the
    orderings that reach saturation; ``share_saturated`` is over all ``k``."""
    _check(base, run, threshold)
    if k < 0:
        raise StudyError("The number of permutations cannot be negative.")
    if k == 0:
        return Robustness(0, None, None, None, None)
    masks = _masks(incidence)
    rng = random.Random(seed)
    xs = []
    for _ in range(k):
        order = masks[:]
        rng.shuffle(order)
        x = _guest_masks(order, base, run, threshold, keep_runs=False)[2]
        if x is not None:
            xs.append(x)
    if not xs:
        return Robustness(k, None, None, None, 0.0)
    return Robustness(k, percentile(xs, 50), percentile(xs, 5), percentile(xs, 95), len(xs) / k)


# -- everything together --------------------------------------------------------------

@dataclass(frozen=True)
class Saturation:
    """All the saturation figures for one ordered incidence."""
    interviews: tuple  # ids (a study) or labels (a CSV), in order
    codes_used: tuple[int, ...]
    new_codes: tuple[int, ...]
    cumulative: tuple[int, ...]
    guest: GuestResult
    francis: FrancisResult
    chao2: float
    permutations: Robustness

    @property
    def found_share(self) -> float | None:
        """Codes found as a share of the Chao2 estimate (None before any code)."""
        total = self.cumulative[-1] if self.cumulative else 0
        return total / self.chao2 if self.chao2 > 0 else None

    def to_json(self) -> dict:
        """The object ``mosahebeh saturation --json`` prints."""
        return {"interviews": list(self.interviews), "new_codes": list(self.new_codes),
                "cumulative": list(self.cumulative), "guest": self.guest.to_json(),
                "francis": self.francis.to_json(), "chao2": self.chao2,
                "permutations": self.permutations.to_json()}

    def sentence(self, lang: str = "en") -> str:
        """The Guest verdict as a sentence for the paper."""
        return guest_sentence(self.guest, len(self.interviews), lang)

    def paragraph(self, lang: str = "en") -> str:
        """The sentence, then order robustness and the Chao2 estimate."""
        parts = [self.sentence(lang)]
        r = self.permutations
        if r.k and self.guest.assessable:
            parts.append(robustness_sentence(r, self.guest.run, lang))
        if self.chao2 > 0:
            parts.append(chao2_sentence(self.cumulative[-1], self.chao2, lang))
        return " ".join(parts)


def assess(interviews: Sequence, incidence: Incidence, *, base: int = BASE, run: int = RUN,
           threshold: float = THRESHOLD, initial: int = INITIAL, stop: int = STOP,
           permutations: int = PERMUTATIONS, seed: int = SEED) -> Saturation:
    """Run every method on an ordered incidence (``interviews[i]`` used ``incidence[i]``)."""
    if len(interviews) != len(incidence):
        raise ValueError("one set of codes per interview")
    incidence = [frozenset(c) for c in incidence]
    used, new, cumulative = new_code_counts(incidence)
    return Saturation(tuple(interviews), tuple(used), tuple(new), tuple(cumulative),
                      guest(incidence, base, run, threshold), francis(incidence, initial, stop),
                      chao2(incidence), robustness(incidence, permutations, seed, base, run, threshold))


# -- sentences ---------------------------------------------------------------------------



def label_text(x: int | None, run: int, lang: str = "en") -> str:
    """The verdict ``X+Y``; in Persian with Persian digits, kept left to right
    (a leading LRM) as Persian writes arithmetic, so X stays on the left."""
    if x is None:
        return "—"
    if lang == "fa":
        return f"\u200e{fa_digits(x)}+{fa_digits(run)}"
    return f"{x}+{run}"


def _pct(share: float) -> str:
    text = f"{share * 100:.1f}".rstrip("0").rstrip(".")
    return text


CITATION_FA = "بر پایهٔ روش گست، نِیمی و چن (۲۰۲۰)"
_WORDS_FA = ("صفر", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه")


def fa_count(n: int) -> str:
    """A count in running Persian prose: one to nine in words (as journals write them), larger in digits."""
    return _WORDS_FA[n] if 0 < n < 10 else fa_digits(n)


def guest_sentence(g: GuestResult, n_interviews: int, lang: str = "en") -> str:
    """"Saturation (base size 4, run length 2, ≤5% new information) was reached at 7+2." and its
    Persian twin, written for a paper (review 3, §8.1): the method cited, the settings in prose with
    the «حداکثر» of the threshold, the verdict glossed: «بر پایهٔ روش گست، نِیمی و چن (۲۰۲۰)، با
    اندازهٔ پایهٔ ۴ مصاحبه، طول دنبالهٔ ۲ مصاحبه و آستانهٔ اطلاعات جدیدِ حداکثر ۵ درصد، اشباع کدها در
    ۷+۲ حاصل شد؛ یعنی …»; or that it was not reached, or cannot yet be assessed."""
    pct = _pct(g.threshold)
    if lang == "fa":
        settings = (f"با اندازهٔ پایهٔ {fa_digits(g.base)} مصاحبه، طول دنبالهٔ {fa_digits(g.run)} مصاحبه و "
                    f"آستانهٔ اطلاعات جدیدِ حداکثر {fa_digits(pct)} درصد")
        if g.saturated:
            together = " روی‌هم‌رفته" if g.run > 1 else ""
            verb = "نیفزودند" if g.run > 1 else "نیفزود"
            return (f"{CITATION_FA}، {settings}، اشباع کدها در {label_text(g.x, g.run, 'fa')} حاصل شد؛ یعنی "
                    f"پس از مصاحبهٔ {fa_digits(g.x)}، {fa_count(g.run)} مصاحبهٔ بعدی{together} بیش از "
                    f"{fa_digits(pct)} درصد کد جدید (نسبت به کدهای مصاحبه‌های پایه) {verb}.")
        if g.assessable:
            return f"{CITATION_FA}، {settings}، اشباع کدها در {fa_digits(n_interviews)} مصاحبهٔ انجام‌شده حاصل نشد."
        head = (f"ارزیابی اشباع کدها (روش گست، نِیمی و چن، ۲۰۲۰؛ اندازهٔ پایهٔ {fa_digits(g.base)} مصاحبه و "
                f"طول دنبالهٔ {fa_digits(g.run)} مصاحبه) هنوز ممکن نیست")
        if n_interviews >= g.base + g.run:
            return f"{head}، زیرا در مصاحبه‌های پایه هنوز کدی ثبت نشده است."
        return (f"{head}: دست‌کم {fa_digits(g.base + g.run)} مصاحبه لازم است و تاکنون "
                f"{fa_digits(n_interviews)} مصاحبه انجام شده است.")
    head = f"Saturation (base size {g.base}, run length {g.run}, ≤{pct}% new information)"
    if g.saturated:
        return f"{head} was reached at {g.x}+{g.run}."
    if g.assessable:
        return f"{head} was not reached in {n_interviews} interviews."
    if n_interviews >= g.base + g.run:
        return f"{head} is not yet assessable: the base interviews hold no codes."
    return (f"{head} is not yet assessable: it needs at least {g.base + g.run} interviews "
            f"and there {'is' if n_interviews == 1 else 'are'} {n_interviews}.")


def _x(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.1f}".rstrip("0").rstrip(".")


def robustness_sentence(r: Robustness, run: int, lang: str = "en") -> str:
    share = _pct(r.share_saturated or 0.0)
    if lang == "fa":
        if not r.share_saturated:
            return f"در {fa_digits(r.k)} ترتیب تصادفی مصاحبه‌ها، اشباع در هیچ‌یک حاصل نشد."
        text = f"در {fa_digits(r.k)} ترتیب تصادفی مصاحبه‌ها، اشباع در {fa_digits(share)} درصد ترتیب‌ها حاصل شد"
        if r.median_x is None:
            return text + "."
        of_what = "صدک‌های پنجم و نود و پنجمِ شمار مصاحبه‌ها تا اشباع"
        p5, p95 = fa_digits(_x(r.p5_x)), fa_digits(_x(r.p95_x))
        spread = f"{of_what} هر دو {p5}" if p5 == p95 else f"{of_what}: {p5} و {p95}"
        return text + f" (میانهٔ نقطهٔ اشباع: \u200e{fa_digits(_x(r.median_x))}+{fa_digits(run)}؛ {spread})."
    text = f"Across {r.k} random orderings of the interviews, saturation was reached in {share}% of them"
    if r.median_x is None:
        return text + "."
    return text + f" (median {_x(r.median_x)}+{run}; 5th-95th percentile of X {_x(r.p5_x)}-{_x(r.p95_x)})."


def chao2_sentence(found: int, estimate: float, lang: str = "en") -> str:
    share = round(100 * found / estimate) if estimate else 0
    if lang == "fa":
        return (f"{fa_count(found) if found == 1 else fa_digits(found)} کد شناسایی شد که حدود {fa_digits(share)} "
                f"درصد از کل کدهای برآوردشده با برآوردگر Chao2 ({fa_digits(_x(round(estimate, 1)))} کد) است.")
    found_text = "1 code was found" if found == 1 else f"{found} codes were found"
    return f"{found_text}, about {share}% of the {_x(round(estimate, 1))} estimated by Chao2."


# -- the incidence CSV -----------------------------------------------------------------------

def read_incidence_csv(path: str | Path) -> tuple[list[str], list[frozenset[str]]]:
    """Read an incidence CSV: header ``interview,code``, one row per code used in an
    interview; interviews in the order of their first row; an empty code stands for
    an interview with no codes. Returns (interview labels, their code sets)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    except FileNotFoundError:
        raise StudyError("No incidence file at {path}.", path=path) from None
    except IsADirectoryError:
        raise StudyError("{path} is a folder; give the incidence CSV file.", path=path) from None
    except UnicodeDecodeError:
        raise StudyError("{path} is not UTF-8 text; save the CSV as UTF-8.", path=path) from None
    except (OSError, csv.Error) as exc:
        raise StudyError("Cannot read {path}: {exc}.", path=path, exc=exc) from None
    numbered = [(n, r) for n, r in enumerate(rows, start=1) if any(cell.strip() for cell in r)]
    if not numbered:
        raise StudyError("{path} is empty; it needs the header 'interview,code' and one row per code used.", path=path)
    header = [h.strip().lower() for h in numbered[0][1]]
    if header[:2] != ["interview", "code"] or any(h for h in header[2:]):
        raise StudyError("{path} must start with the header 'interview,code' (found {items!r}).", path=path, items=','.join(numbered[0][1]))
    order: dict[str, set[str]] = {}
    for n, row in numbered[1:]:
        label = row[0].strip() if row else ""
        code = row[1].strip() if len(row) > 1 else ""
        if not label:
            raise StudyError("{path}, line {n}: the interview is empty.", path=path, n=n)
        codes = order.setdefault(label, set())
        if code:
            codes.add(code)
    if not order:
        raise StudyError("{path} has a header but no interviews.", path=path)
    return list(order), [frozenset(v) for v in order.values()]
