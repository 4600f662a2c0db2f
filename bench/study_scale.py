"""How the app copes with a real study: N interviews × 400 Persian segments.

    python bench/study_scale.py --interviews 60 [--coders 1|2|3] [--json] [--reuse] [--repeat 3]

Builds a study through the public API (participants, interviews, 400 segments
each with word timings, 12 categories × 10 codes, ~80 codings per interview;
with ``--coders 2`` or ``3`` a team's study: every interview coded again by the
other coders, most of their codings on the first coder's passages with the same
code and shifted edges, some with another code, some passages missed, some
passages only they coded), then measures each operation (min and median of ``--repeat`` runs, wall time
and CPU time) headless and in the Qt window (offscreen), with the peak memory.
It prints a table; with ``--json`` one object with a key per operation (the
median wall time in seconds) and ``min``, ``cpu`` and ``peak_memory_mb`` beside.

The built study is cached under the temp folder (``--reuse`` takes it from
there, and reports the build time measured when it was made); every run works
on a fresh copy, so edits do not pile up.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SEGMENTS = 400
CATEGORIES, CODES_PER_CATEGORY = 12, 10
CODINGS_PER_INTERVIEW = 80
COMMON = "خیلی"  # the common word the study-wide find looks for
CACHE_VERSION = 1
CODERS = ("مریم", "رضا", "سارا")  # the first coder, then the colleagues who code the same interviews
WORDS = ("ما", "کتاب", "کتابخانه", "کتاب‌ها", "بودجه", "کارکنان", "نگران", "بودند", "می‌رود", "می رود",
         "خدمات", "آنلاین", "شروع", "کردیم", "دوران", "کرونا", "چطور", "بود", "خانه", "فرستادیم", "پیک",
         "هیچ", "چیز", "تازه‌ای", "نبود", "مدیر", "گفت", "که", "این", "آن", "را", "از", "به", "در", "با",
         "برای", "مردم", "شهر", "روستا", "سال", "۱۳۹۹", "۲۰", "درصد", "کم", "زیاد", "شد", "نمی‌دانم",
         "فکر", "می‌کنم", "واقعاً", "سخت", "آسان", "کودکان", "نوجوانان", "امانت", "عضویت", "کتابدار")


def _segment_text(rng: random.Random) -> str:
    n = rng.randint(12, 30)
    words = [rng.choice(WORDS) for _ in range(n)]
    if rng.random() < 0.95:
        words.insert(rng.randrange(len(words)), COMMON)
    return " ".join(words) + "."


def build(path: Path, n: int, seed: int = 7, coders: int = 1) -> dict:
    """Build the study through the public API; returns the seconds each part took.

    With one coder the codings carry no coder's name (as a study coded alone); with more, the
    first coder's are stamped ``CODERS[0]`` and each colleague codes every interview again."""
    from codebook import Study
    from codebook.models import SPEAKER_INTERVIEWER, SPEAKER_PARTICIPANT, NewSegment, Word

    rng = random.Random(seed)
    t0, c0 = time.perf_counter(), time.process_time()
    study = Study.create(path, name=f"Scale {n}")
    study.participants.define_attribute("نقش")
    study.participants.define_attribute("جنسیت")
    codes = []
    for c in range(CATEGORIES):
        cat = study.codes.add_category(f"دسته {c + 1}")
        for k in range(CODES_PER_CATEGORY):
            codes.append(study.codes.add(f"کد {c + 1}-{k + 1}", cat.id).id)
    # Codes are used unevenly, as in a real study: a few often, many rarely.
    weights = [1.0 / (i + 1) ** 0.6 for i in range(len(codes))]
    t_segments = t_codings = 0.0
    for i in range(n):
        p = study.participants.add(f"مشارکت‌کننده {i + 1}", attributes={
            "نقش": rng.choice(("مدیر", "کتابدار", "کاربر")), "جنسیت": rng.choice(("زن", "مرد"))})
        iv = study.interviews.add(p.id, date=f"2021-{1 + i // 28:02d}-{1 + i % 28:02d}", mode="whatsapp")
        segs, at = [], 0
        for s in range(SEGMENTS):
            text = _segment_text(rng)
            tokens = text.split()
            dur = 600 * len(tokens)
            step = dur // len(tokens)
            words = tuple(Word(at + j * step, at + (j + 1) * step, t, round(rng.uniform(0.4, 1), 3))
                          for j, t in enumerate(tokens))
            segs.append(NewSegment(at, at + dur, text, SPEAKER_INTERVIEWER if s % 4 == 0 else SPEAKER_PARTICIPANT,
                                   words))
            at += dur + 300
        ts = time.perf_counter()
        ids = study.transcripts.add_segments(iv.id, segs)
        t_segments += time.perf_counter() - ts
        used = rng.choices(codes, weights, k=CODINGS_PER_INTERVIEW + rng.randint(-2, 2))
        tc = time.perf_counter()
        first = CODERS[0] if coders > 1 else ""
        made = []
        for code_id in used:
            k = rng.randrange(len(ids) - 1)
            a = rng.randrange(len(segs[k].text) // 2)
            if rng.random() < 0.15:  # across two segments
                span = (ids[k], a, ids[k + 1], rng.randint(1, len(segs[k + 1].text)))
            else:
                span = (ids[k], a, ids[k], rng.randint(a + 1, len(segs[k].text)))
            study.codings.add(code_id, *span, coder=first)
            made.append((code_id, k, span))
        for other in CODERS[1:coders]:
            for code_id, k, (s_id, a, e_id, b) in made:
                r = rng.random()
                if r < 0.15:
                    continue  # a passage the colleague did not code
                if r < 0.3:  # the same passage, another code
                    code_id = rng.choices(codes, weights)[0]
                # the edges a few characters off, as two people select the same passage
                a2 = max(0, min(len(segs[k].text) - 1, a + rng.randint(-6, 6)))
                end_text = segs[k + 1].text if e_id != s_id else segs[k].text
                b2 = max(1, min(len(end_text), b + rng.randint(-6, 6)))
                if e_id == s_id and b2 <= a2:
                    a2, b2 = a, b
                study.codings.add(code_id, s_id, a2, e_id, b2, coder=other)
            for _ in range(CODINGS_PER_INTERVIEW // 10):  # passages only this colleague coded
                k = rng.randrange(len(ids))
                a = rng.randrange(len(segs[k].text) // 2)
                study.codings.add(rng.choices(codes, weights)[0], ids[k], a, ids[k],
                                  rng.randint(a + 1, len(segs[k].text)), coder=other)
        t_codings += time.perf_counter() - tc
    total, cpu = time.perf_counter() - t0, time.process_time() - c0
    codings = study.db.execute("SELECT COUNT(*) FROM codings").fetchone()[0]
    study.close()
    return {"build": total, "build_cpu": cpu, "build_segments": t_segments, "build_codings": t_codings, "codings": codings}


def cached_study(n: int, reuse: bool, coders: int = 1) -> tuple[Path, dict]:
    name = f"scale-{n}-v{CACHE_VERSION}" + (f"-{coders}coders" if coders > 1 else "")
    cache = Path(tempfile.gettempdir()) / "mosahebeh-bench" / f"{name}.mosahebeh"
    info_file = cache.with_suffix(".json")
    if reuse and info_file.is_file() and (cache / "study.db").is_file():
        return cache, json.loads(info_file.read_text())
    shutil.rmtree(cache, ignore_errors=True)
    info_file.unlink(missing_ok=True)  # a build cut short leaves no stale timing behind
    cache.parent.mkdir(parents=True, exist_ok=True)
    info = build(cache, n, coders=coders)
    info_file.write_text(json.dumps(info))
    return cache, info


class Timer:
    """Runs a function ``repeat`` times; keeps wall and CPU seconds (process and this thread)."""

    def __init__(self, repeat: int):
        self.repeat = repeat
        self.results: dict[str, dict] = {}

    def measure(self, key: str, label: str, fn, setup=None, after=None) -> None:
        walls, cpus = [], []
        for i in range(self.repeat):
            if setup:
                setup(i)
            c0, w0 = time.process_time(), time.perf_counter()
            fn(i)
            w, c = time.perf_counter() - w0, time.process_time() - c0
            if after:  # deferred work on the GUI thread (timers): added to the cost
                extra_w, extra_c = after(i)
                w, c = w + extra_w, c + extra_c
            walls.append(w)
            cpus.append(c)
        self.results[key] = {"label": label, "min": min(walls), "median": statistics.median(walls),
                             "cpu": statistics.median(cpus)}


def gui_thread_busy(app, ms: int = 250) -> tuple[float, float]:
    """Let queued events and timers run for ``ms``; returns (GUI thread CPU s, GUI thread CPU s):
    the wall time the GUI thread was busy is approximated by its CPU time while idle-waiting."""
    t0 = time.thread_time()
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)
    busy = time.thread_time() - t0
    return busy, busy


def run_command(argv: list[str]) -> tuple[float, float]:
    """Run ``mosahebeh ARGV`` in a new Python process (as a user would); (wall s, its CPU s)."""
    import subprocess

    code = "import sys; from desktop.cli import main; sys.exit(main(sys.argv[1:]))"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    w0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *argv], check=True, stdout=subprocess.DEVNULL,
                   cwd=Path(__file__).resolve().parents[1])
    wall = time.perf_counter() - w0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run(n: int, repeat: int, reuse: bool, coders: int = 1) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="mosahebeh-scale-"))
    os.environ["MOSAHEBEH_DATA_DIR"] = str(work / "data")
    source, info = cached_study(n, reuse, coders)
    folder = work / "study.mosahebeh"
    shutil.copytree(source, folder)

    from codebook import Study, analysis, retrieval
    from codebook import agreement as ag
    from codebook.refiqda import export_qdpx, import_qdpx

    t = Timer(repeat)
    t.results["build"] = {"label": "build the study through the API", "min": info["build"],
                          "median": info["build"], "cpu": info.get("build_cpu", info["build"])}
    t.results["build_codings"] = {"label": "  of which Codings.add", "min": info["build_codings"],
                                  "median": info["build_codings"], "cpu": info["build_codings"]}
    study = Study.open(folder)  # any migration happens here, before the measurements
    interviews = [i.id for i in study.interviews.list()]
    mid = interviews[len(interviews) // 2]
    segs = study.transcripts.segments(mid)
    counts = study.codes.coding_counts()
    top_code = max(counts, key=counts.get)
    quotes_n = counts[top_code]

    # -- headless ------------------------------------------------------------------
    def edit_store(i):
        seg = segs[50 + i]
        study.transcripts.set_text(seg.id, seg.text + " " + COMMON)
    t.measure("edit_store", "edit one segment's text (store only)", edit_store)
    t.measure("quotes_store", f"quotes of one code ({quotes_n}) (store)",
              lambda i: retrieval.coded_segments(study, top_code, recursive=False))
    search_page = getattr(study.transcripts, "search_page", None)
    if search_page is not None:
        t.measure("find_store", "find a common word, first page (store)", lambda i: search_page(COMMON, limit=100))
    else:
        t.measure("find_store", "find a common word, all hits (store)", lambda i: study.transcripts.search(COMMON))
    t.measure("saturation_store", "saturation recompute, 1000 orderings (store)",
              lambda i: analysis.study_saturation(study, permutations=1000))
    t.measure("tables_store", "frequency tables and matrix (store)",
              lambda i: (analysis.frequency_tables(study), analysis.code_matrix(study)))
    qdpx = work / "export.qdpx"
    t.measure("export_qdpx", "export QDPX (no audio)", lambda i: export_qdpx(study, qdpx, include_audio=False))
    targets = []

    def new_target(i):
        targets.append(Study.create(work / f"import-{i}.mosahebeh"))
    t.measure("import_qdpx", "import QDPX into a new study", lambda i: import_qdpx(targets[i], qdpx),
              setup=new_target)
    for s in targets:
        s.close()
    if coders > 1:
        pair = CODERS[0], CODERS[1]
        t.measure("agreement_store", "agreement of two coders, segment unit (store)",
                  lambda i: ag.compute(study, *pair))
        t.measure("agreement_span_store", "agreement of two coders, span unit (store)",
                  lambda i: ag.compute(study, *pair, unit="span"))
        cli = [run_command(["agreement", "--study", str(folder), "--coders", *pair]) for _ in range(repeat)]
        t.results["agreement_cli"] = {"label": "mosahebeh agreement (a new process, start-up included)",
                                      "min": min(w for w, _ in cli), "median": statistics.median(w for w, _ in cli),
                                      "cpu": statistics.median(c for _, c in cli)}
    study.close()

    # -- the Qt window, offscreen --------------------------------------------------------
    from PySide6.QtWidgets import QApplication

    from desktop.app import set_language
    from desktop.context import StudyContext
    from desktop.main_window import MainWindow
    from desktop.settings import Settings
    from desktop.transcript.model import COL_TEXT

    app = QApplication.instance() or QApplication(["bench"])
    set_language("fa")
    study = Study.open(folder)
    ctx = StudyContext(study)
    settings = Settings()
    windows = []

    def open_window(i):
        w = MainWindow(ctx, settings)
        w.show()
        app.processEvents()
        windows.append(w)

    def close_window(i):
        busy = gui_thread_busy(app)
        if i < repeat - 1:  # keep the last one open for what follows
            w = windows.pop()
            w.hide()
            w.ctx = ctx
            w.setAttribute(__import__("PySide6.QtCore").QtCore.Qt.WidgetAttribute.WA_DeleteOnClose, False)
            w.editor.shutdown()
            w.deleteLater()
            app.processEvents()
        return busy
    t.measure("open_window", "open the main window on the study", open_window, after=close_window)
    window = windows[-1]
    window.resize(1280, 800)
    t.measure("open_editor", "open one interview's transcript editor (400 rows)",
              lambda i: (window.open_transcript(interviews[(len(interviews) // 3 + i) % len(interviews)]),
                         app.processEvents()),
              after=lambda i: gui_thread_busy(app))
    window.open_transcript(mid)
    app.processEvents()
    model = window.editor.model

    def edit_window(i):
        row = 60 + i
        text = model.segment(row).text
        model.setData(model.index(row, COL_TEXT), text + " " + COMMON)
        app.processEvents()
    t.measure("edit", "change one segment's text in the editor, all views told", edit_window,
              after=lambda i: gui_thread_busy(app))

    finder = window.editor.find_replace()
    finder.find_edit.setText(COMMON)
    finder.in_study.setChecked(True)

    ticks: list[float] = []

    def until_counted(i):  # the total is counted on the GUI thread, one interview per timer tick
        finder.find_edit.setText(COMMON if i % 2 else COMMON + " ")  # a new query: counting starts over
        finder.find_next()
        while finder.counting():
            t0 = time.perf_counter()
            app.processEvents()
            ticks.append(time.perf_counter() - t0)
    t.measure("find_count", "the find dialog's total counted, whole study (common word)", until_counted)
    t.results["find_count"]["label"] += f", longest tick {max(ticks) * 1000:.0f} ms"
    t.measure("find_next", "Find next in the find dialog, whole study (common word; counted)",
              lambda i: (finder.find_next(), app.processEvents()))
    finder.close()

    retrieval_view = next((window.tabs.widget(k) for k in range(window.tabs.count())
                           if type(window.tabs.widget(k)).__name__ == "RetrievalView"), None)
    if retrieval_view is not None:
        def show_quotes(i):
            window.tabs.setCurrentWidget(retrieval_view)
            retrieval_view.show_code(top_code)
            app.processEvents()
            wait = getattr(retrieval_view, "wait_ready", None)
            if wait:
                wait()

        def other_target(i):
            retrieval_view.target.setCurrentIndex(0)
            gui_thread_busy(app, 100)
        t.measure("quotes", f"the quotes of one code ({quotes_n}) in the retrieval view", show_quotes,
                  setup=other_target)
    saturation_view = next((window.tabs.widget(k) for k in range(window.tabs.count())
                            if type(window.tabs.widget(k)).__name__ == "SaturationView"), None)
    if saturation_view is not None:
        window.tabs.setCurrentWidget(saturation_view)
        gui_thread_busy(app, 100)

        def recompute(i):
            saturation_view.permutations.setValue(1000 + i)  # a parameter change recomputes
            app.processEvents()
        t.measure("saturation_gui", "saturation recompute, GUI thread time (1000 orderings)", recompute,
                  after=lambda i: (0.0, 0.0))
        t.measure("saturation_ready", "saturation recompute until shown (1000 orderings)",
                  lambda i: (saturation_view.permutations.setValue(2000 + i), app.processEvents(),
                             getattr(saturation_view, "wait_ready", lambda: None)()))
    agreement_view = next((window.tabs.widget(k) for k in range(window.tabs.count())
                           if type(window.tabs.widget(k)).__name__ == "AgreementView"), None)
    if agreement_view is not None and coders > 1:
        gui_cpu: list[float] = []

        def away(i):  # another tab, and the figures out of date (as after coding elsewhere)
            window.tabs.setCurrentWidget(window.editor)
            ctx.notify("codings")
            gui_thread_busy(app, 100)

        def show_agreement(i):
            g0 = time.thread_time()
            window.tabs.setCurrentWidget(agreement_view)
            app.processEvents()
            agreement_view.wait_ready()
            gui_cpu.append(time.thread_time() - g0)
        t.measure("agreement_tab", "the agreement tab until its figures are shown (worker; CPU all threads)",
                  show_agreement, setup=away)
        t.results["agreement_tab"]["label"] += f"; GUI thread {statistics.median(gui_cpu):.3f} s CPU"
        window.tabs.setCurrentWidget(agreement_view)
        agreement_view.wait_ready()

        def edit_seen(i):  # an edit with the agreement tab on screen: the GUI thread only marks it stale
            row = 90 + i
            model.setData(model.index(row, COL_TEXT), model.segment(row).text + " " + COMMON)
            app.processEvents()
        t.measure("edit_agreement_shown", "change one segment's text while the agreement tab is shown "
                  "(GUI thread; recomputed in the worker)", edit_seen, after=lambda i: gui_thread_busy(app))
        agreement_view.wait_ready()
    window.close()
    app.processEvents()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    shutil.rmtree(work, ignore_errors=True)
    return {"interviews": n, "coders": coders, "segments": n * SEGMENTS, "codings": info["codings"],
            "results": t.results,
            "peak_memory_mb": round(peak, 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--interviews", type=int, default=15, help="interviews in the study (400 segments each)")
    ap.add_argument("--coders", type=int, choices=(1, 2, 3), default=1,
                    help="coders of the study: 1, or a team of 2 or 3 who each code every interview")
    ap.add_argument("--json", action="store_true", help="print one JSON object (seconds per operation)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each operation (min and median)")
    ap.add_argument("--reuse", action="store_true", help="reuse the study built by an earlier run, if cached")
    args = ap.parse_args(argv)
    out = run(args.interviews, args.repeat, args.reuse, args.coders)
    res = out["results"]
    if args.json:
        obj = {k: round(v["median"], 4) for k, v in res.items()}
        obj.update(interviews=out["interviews"], coders=out["coders"], segments=out["segments"], codings=out["codings"],
                   peak_memory_mb=out["peak_memory_mb"],
                   min={k: round(v["min"], 4) for k, v in res.items()},
                   cpu={k: round(v["cpu"], 4) for k, v in res.items()})
        print(json.dumps(obj, ensure_ascii=False))
        return 0
    print(f"{out['interviews']} interviews × {SEGMENTS} segments = {out['segments']:,} segments, "
          f"{out['codings']:,} codings by {out['coders']} coder{'s' if out['coders'] > 1 else ''}; peak memory {out['peak_memory_mb']:.0f} MB")
    print(f"{'operation':<62} {'min s':>9} {'median s':>9} {'CPU s':>9}")
    for v in res.values():
        print(f"{v['label']:<62} {v['min']:>9.4f} {v['median']:>9.4f} {v['cpu']:>9.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
