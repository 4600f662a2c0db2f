"""The saturation sentence under the exported plot reads right to left in Persian, with the verdict
«X+Y» where Persian puts it (checked on the pixels matplotlib renders, not only on the string)."""
from __future__ import annotations

import unicodedata

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from codebook import saturation as sat
from codebook.reports import _font, caption_lines

ISOLATES_OPEN, ISOLATES_CLOSE = "\u2066\u2067\u2068", "\u2069"


def paragraph_direction(line: str) -> str:
    """The direction the Unicode bidi algorithm (rules P2, P3) gives a line: its first strong letter."""
    depth = 0
    for ch in line:
        if ch in ISOLATES_OPEN:
            depth += 1
        elif ch in ISOLATES_CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and unicodedata.bidirectional(ch) in ("L", "R", "AL"):
            return "ltr" if unicodedata.bidirectional(ch) == "L" else "rtl"
    return "ltr"


def saturated_sentence(base: int = 4, run: int = 2, threshold: float = 0.05) -> str:
    incidence = [set(range(i * 5, i * 5 + 6)) for i in range(base)] + [set()] * (run + 1)
    g = sat.guest(incidence, base=base, run=run, threshold=threshold)
    assert g.saturated
    return sat.guest_sentence(g, len(incidence), "fa")


def ink(text: str) -> np.ndarray:
    """The columns of a rendered line that hold ink (the line anchored at the right edge, as under the plot)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 0.5), dpi=100)
    canvas = FigureCanvasAgg(fig)
    fig.text(0.98, 0.5, text, ha="right", va="center", fontproperties=_font(font_manager), fontsize=10)
    canvas.draw()
    pixels = np.asarray(canvas.buffer_rgba())[:, :, :3].min(axis=2)
    return (pixels < 128).any(axis=0)


def columns(mask: np.ndarray) -> tuple[int, int]:
    where = np.flatnonzero(mask)
    return int(where[0]), int(where[-1])


def test_the_caption_line_with_the_verdict_is_laid_out_right_to_left():
    lines = caption_lines(saturated_sentence(), "fa")
    (line,) = [x for x in lines if "+" in x]
    assert paragraph_direction(line) == "rtl"
    left, right = columns(ink(line))
    # the verdict: the columns that change when its digits change (Vazirmatn's digits are all one width)
    swapped = line.replace("۴+۲", "۸+۸")
    assert swapped != line
    changed = np.flatnonzero(ink(line) != ink(swapped))
    v_left, v_right = int(changed[0]), int(changed[-1])
    # what comes before the verdict in the sentence stands to its right, what follows to its left
    before, after = line.split("۴+۲")
    b_left, _ = columns(ink(before.rstrip("\u202a")))
    assert v_right < b_left + 12 and v_right > b_left - 40, (v_left, v_right, b_left)
    assert v_left - left > 20  # «حاصل شد…» follows on the left
    assert right - v_right > 100
    # and the verdict itself reads 4 then 2 from left to right: the 4 is the left part that changes with it
    only_x = np.flatnonzero(ink(line) != ink(line.replace("۴+۲", "۸+۲")))
    assert only_x[-1] < v_left + (v_right - v_left) / 2


def test_the_full_stop_ends_the_caption_on_the_left():
    lines = caption_lines(saturated_sentence(), "fa")
    last = lines[-1]
    assert last.endswith(".")
    with_stop, without = ink(last), ink(last[:-1])
    changed = np.flatnonzero(with_stop != without)
    left, _ = columns(without)
    assert changed.size and changed[-1] < left + 2  # only the far left changed: the stop is read last


@settings(max_examples=25, deadline=None)
@given(base=st.integers(1, 40), run=st.integers(1, 9), pct=st.sampled_from([0.01, 0.05, 0.1, 0.2]),
       width=st.integers(30, 100))
def test_no_caption_line_starts_with_the_verdict_or_runs_left_to_right(base, run, pct, width):
    sentence = saturated_sentence(base, run, pct)
    lines = caption_lines(sentence, "fa", width)
    verdict = f"{sat.fa_digits(base)}+{sat.fa_digits(run)}"
    for line in lines:
        assert paragraph_direction(line) == "rtl", line
        assert not line.lstrip("\u200f\u200e\u202a").startswith(verdict)  # never the first thing on a line
    holding = [x for x in lines if "+" in x]
    assert len(holding) == 1 and f"\u202a{verdict}\u202c" in holding[0]  # kept left to right inside the line
    assert "".join(x.replace("\u200f", "").replace("\u202a", "").replace("\u202c", "") for x in lines).replace(" ", "") \
        == sentence.replace("\u200e", "").replace(" ", "")


def test_the_sentences_for_the_paper_say_what_the_review_asks():
    s = saturated_sentence()
    assert s.startswith("بر پایهٔ روش گست، نِیمی و چن (۲۰۲۰)")  # the method cited
    assert "آستانهٔ اطلاعات جدیدِ حداکثر ۵ درصد" in s  # the ≤ kept
    assert "یعنی پس از مصاحبهٔ ۴، دو مصاحبهٔ بعدی روی‌هم‌رفته بیش از ۵ درصد کد جدید" in s  # X+Y explained
    r = sat.Robustness(1000, 4.0, 4.0, 5.0, 0.173)
    assert "صدک‌های پنجم و نود و پنجمِ شمار مصاحبه‌ها تا اشباع: ۴ و ۵" in sat.robustness_sentence(r, 2, "fa")
    assert sat.chao2_sentence(14, 14.2, "fa") == "۱۴ کد شناسایی شد که حدود ۹۹ درصد از کل کدهای برآوردشده با برآوردگر Chao2 (۱۴٫۲ کد) است."
    assert sat.chao2_sentence(1, 1, "fa").startswith("یک کد شناسایی شد")
