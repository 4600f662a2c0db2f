"""Saturation: new and cumulative codes per interview, and the verdicts.

Parameters (Guest base size, run length and threshold; Francis initial
sample and stopping criterion; permutations and seed), a chart of new codes
(bars) and cumulative codes (line) per interview in the order held, the
Guest et al. (2020) verdict with each run examined, Francis et al. (2010),
order robustness, the share of the Chao2 estimate found, and the sentence
for the paper (copyable). It refreshes whenever codes or codings change, when
shown: the counts are read on the GUI thread (one grouped query) and the
verdicts with their random orderings are computed in a worker thread, the last
result staying on screen until the new one is ready.
"""
from __future__ import annotations

import functools

from PySide6.QtCharts import (QBarCategoryAxis, QBarSeries, QBarSet, QCategoryAxis, QChart, QChartView,
                              QLineSeries)
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QLocale, QMargins, QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import (QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from codebook import analysis
from codebook import saturation as sat
from desktop.analysis.lazy import LazyView


class _Done(QObject):
    """Carries a worker's result back to the GUI thread (a queued signal)."""
    done = Signal(int, object)


def _assess(generation: int, ids, codes, params: dict, signals: _Done) -> None:
    """:func:`codebook.saturation.assess` off the GUI thread: pure computation, no study access.

    Handed to the pool as a plain callable, not a QRunnable subclass: a Python QRunnable that
    Qt deletes after running (autoDelete) can be freed twice when Python collects its wrapper."""
    try:
        result = sat.assess(ids, codes, **params)
    except Exception as exc:  # shown by the view, not lost in the thread
        result = exc
    try:
        signals.done.emit(generation, result)
    except RuntimeError:  # the view was closed meanwhile
        pass


class SaturationView(LazyView, QWidget):
    """The saturation of the study's codes, kept up to date as the researcher codes."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.result: sat.Saturation | None = None
        self.labels: list[str] = []
        self._asked = self._answered = 0  # generations of the computation asked for and shown
        self._pending_labels: list[str] = []
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Done(self)
        self._signals.done.connect(self._computed)

        def spin(value, lo, hi, tip):
            s = QSpinBox(self)
            s.setRange(lo, hi)
            s.setValue(value)
            s.setToolTip(tip)
            s.valueChanged.connect(self.refresh)
            return s

        self.base = spin(sat.BASE, 1, 100, self.tr("Interviews in the base; their codes are the denominator"))
        self.run = spin(sat.RUN, 1, 20, self.tr("Interviews in each run"))
        self.threshold = QDoubleSpinBox(self)
        self.threshold.setRange(0, 50)
        self.threshold.setDecimals(1)
        self.threshold.setSuffix("٪" if self.lang == "fa" else " %")  # number first: «۵٫۰٪»
        self.threshold.setValue(sat.THRESHOLD * 100)
        self.threshold.valueChanged.connect(self.refresh)
        self.initial = spin(sat.INITIAL, 0, 200, self.tr("Interviews analysed before the stopping criterion applies"))
        self.stop = spin(sat.STOP, 1, 20, self.tr("Consecutive interviews with no new code"))
        self.permutations = spin(sat.PERMUTATIONS, 0, 20000, self.tr("Random re-orderings of the interviews"))
        self.permutations.setGroupSeparatorShown(True)  # «۱٬۰۰۰», as the sentence writes it
        self.seed = spin(sat.SEED, 0, 1_000_000, self.tr("Seed of the re-orderings, so the figures repeat"))
        guest_box = QGroupBox(self.tr("Guest, Namey && Chen (2020)"), self)
        gf = QFormLayout(guest_box)
        gf.addRow(self.tr("Base size"), self.base)
        gf.addRow(self.tr("Run length"), self.run)
        gf.addRow(self.tr("New information threshold"), self.threshold)
        francis_box = QGroupBox(self.tr("Francis et al. (2010)"), self)
        ff = QFormLayout(francis_box)
        ff.addRow(self.tr("Initial analysis sample"), self.initial)
        ff.addRow(self.tr("Stopping criterion"), self.stop)
        order_box = QGroupBox(self.tr("Order robustness"), self)
        of = QFormLayout(order_box)
        of.addRow(self.tr("Permutations"), self.permutations)
        of.addRow(self.tr("Seed"), self.seed)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Interview"), self.tr("Used"), self.tr("New"), self.tr("Total")])
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        params = QVBoxLayout()
        for box in (guest_box, francis_box, order_box):
            params.addWidget(box)
        params.addWidget(self.table, 1)

        self.chart = QChart()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignBottom)
        self.chart.setLocalizeNumbers(True)
        self.chart.setLocale(self.locale())
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.Antialiasing)
        self.chart_view.setMinimumSize(360, 240)

        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        font = self.verdict.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.verdict.setFont(font)
        self.runs = QLabel(self)
        self.runs.setWordWrap(True)
        self.francis = QLabel(self)
        self.francis.setWordWrap(True)
        self.robustness = QLabel(self)
        self.robustness.setWordWrap(True)
        self.chao = QLabel(self)
        self.chao.setWordWrap(True)
        self.sentence = QLabel(self)
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.sentence.setStyleSheet("QLabel { background: #f6f6f0; padding: 6px; border: 1px solid #ddd; }")
        self.copy_button = QPushButton(self.tr("Copy the sentence"), self)
        self.copy_button.clicked.connect(self.copy_sentence)

        right = QVBoxLayout()
        right.addWidget(self.chart_view, 1)
        for w in (self.verdict, self.runs, self.francis, self.robustness, self.chao, self.sentence):
            right.addWidget(w)
        copy_row = QHBoxLayout()
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_button)
        right.addLayout(copy_row)
        layout = QHBoxLayout(self)
        layout.addLayout(params)
        layout.addLayout(right, 1)
        self._lazy_init(ctx)

    # -- helpers -------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return "fa" if self.locale().language() == QLocale.Persian else "en"

    def n(self, value) -> str:
        if isinstance(value, float) and not value.is_integer():
            return self.locale().toString(value, "f", 1)
        return self.locale().toString(int(value))

    def pct(self, share: float, decimals: int = 0) -> str:
        sign = "٪" if self.lang == "fa" else "%"
        return self.locale().toString(share * 100, "f", decimals) + sign

    def wants(self, change) -> bool:
        """Which codes each interview used changes when codings come or go, not when text is edited."""
        return (change.any("codes", "interviews")
                or ("codings" in change and not change.in_place)
                or ("segments" in change and not change.segment_ids))

    def parameters(self) -> dict:
        return dict(base=self.base.value(), run=self.run.value(), threshold=round(self.threshold.value() / 100, 6),
                    initial=self.initial.value(), stop=self.stop.value(), permutations=self.permutations.value(),
                    seed=self.seed.value())

    # -- refreshing ------------------------------------------------------------------------

    def refresh(self, *args) -> None:
        """Read the incidence now and compute the verdicts in the worker; the last result stays shown."""
        self._stale = False
        inc = analysis.incidence(self.ctx.study)
        self._asked += 1
        self._pending_labels = [i.label for i in inc.interviews]
        self._pool.clear()  # a computation not started yet is stale already
        self._pool.start(functools.partial(_assess, self._asked, inc.ids, inc.codes, self.parameters(),
                                           self._signals))

    @property
    def pending(self) -> bool:
        """A computation asked for has not been shown yet."""
        return self._answered < self._asked

    def wait_ready(self, timeout_ms: int = 30000) -> bool:
        """Process events until the last computation is shown (for tests and scripts)."""
        clock = QElapsedTimer()
        clock.start()
        while self.pending and clock.elapsed() < timeout_ms:
            self._pool.waitForDone(20)
            QCoreApplication.processEvents()
        return not self.pending

    def _computed(self, generation: int, result) -> None:
        if generation != self._asked:
            return  # a newer computation is on its way
        self._answered = generation
        if isinstance(result, Exception):
            self.verdict.setText(str(result))
            return
        self.labels, self.result = self._pending_labels, result
        self._plot()
        self._texts()
        self._table()

    def _table(self) -> None:
        """Per interview in order: its number (as on the chart) and label, codes used, new, cumulative."""
        r = self.result
        self.table.setRowCount(len(self.labels))
        self.table.setVerticalHeaderLabels([self.n(i) for i in range(1, len(self.labels) + 1)])
        for row, values in enumerate(zip(self.labels, r.codes_used, r.new_codes, r.cumulative)):
            for col, v in enumerate(values):
                item = QTableWidgetItem(v if col == 0 else self.n(v))
                if col:
                    item.setTextAlignment(Qt.AlignCenter)
                self.table.setItem(row, col, item)

    def _plot(self) -> None:
        r = self.result
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        bars = QBarSet(self.tr("New codes"))
        bars.setColor(QColor("#f58231"))
        bars.append([float(v) for v in r.new_codes])
        bar_series = QBarSeries()
        bar_series.append(bars)
        bar_series.setLabelsVisible(True)
        line = QLineSeries()
        line.setName(self.tr("Cumulative codes"))
        line.setPen(QPen(QColor("#4363d8"), 2.5))
        line.setPointsVisible(True)
        for i, v in enumerate(r.cumulative):
            line.append(i, v)
        chart.addSeries(bar_series)
        chart.addSeries(line)
        x_axis = QBarCategoryAxis()
        x_axis.append([self.n(i) for i in range(1, len(r.interviews) + 1)] or ["—"])
        x_axis.setTitleText(self.tr("Interview (in the order held)"))
        top = max([*r.cumulative, 1])
        if r.chao2 > top:
            top = r.chao2
        y_max = max(1, int(top * 1.1) + 1)
        # QValueAxis writes its tick labels in ASCII digits whatever the locale: label the
        # ticks ourselves, in the UI's digits.
        y_axis = QCategoryAxis()
        y_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10**9) if y_max / s <= 6)
        for v in range(0, y_max + 1, step):
            y_axis.append(self.n(v), v)
        y_axis.setRange(0, y_max)
        y_axis.setTitleText(self.tr("Codes"))
        chart.addAxis(x_axis, Qt.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignLeft)
        for s in (bar_series, line):
            s.attachAxis(x_axis)
            s.attachAxis(y_axis)
        if r.chao2 > 0 and len(r.interviews) > 1:
            est = QLineSeries()
            est.setName(self.tr("Chao2 estimate"))
            est.setPen(QPen(QColor("#888888"), 1.5, Qt.DashLine))
            est.append(0, r.chao2)
            est.append(len(r.interviews) - 1, r.chao2)
            chart.addSeries(est)
            est.attachAxis(x_axis)
            est.attachAxis(y_axis)
        chart.setTitle(self.tr("New and cumulative codes per interview"))

    def _texts(self) -> None:
        r, g = self.result, self.result.guest
        if g.saturated:
            verdict = self.tr("Saturation reached at %1").replace("%1", sat.label_text(g.x, g.run, self.lang))
            color = "#2e7d32"
        elif g.assessable:
            verdict = self.tr("Saturation not reached yet")
            color = "#b26a00"
        else:
            verdict = self.tr("Not yet assessable: at least %1 interviews with codes in the base are needed "
                              "(now %2)").replace("%1", self.n(g.base + g.run)).replace("%2", self.n(len(r.interviews)))
            color = "#666666"
        self.verdict.setText(verdict)
        self.verdict.setStyleSheet(f"color: {color}")
        runs = [self.tr("Base: %1 codes in interviews 1–%2.").replace("%1", self.n(g.base_codes))
                .replace("%2", self.n(g.base))]
        for run in g.runs:
            runs.append(self.tr("Run %1–%2: %3 new (%4)").replace("%1", self.n(run.first))
                        .replace("%2", self.n(run.last)).replace("%3", self.n(run.new))
                        .replace("%4", self.pct(run.ratio, 1)))
        # a middle dot looks like the Persian zero «۰» in Vazirmatn: a dash between runs in Persian
        self.runs.setText(("  —  " if self.lang == "fa" else "  ·  ").join(runs))
        f = r.francis
        if f.saturated:
            self.francis.setText(self.tr("Francis et al.: saturated at interview %1 (%2 consecutive interviews "
                                         "without a new code after the first %3).")
                                 .replace("%1", self.n(f.at)).replace("%2", self.n(f.stop))
                                 .replace("%3", self.n(f.initial)))
        elif len(r.interviews) < f.initial + f.stop:
            # Too few interviews to apply the method at all: say so, rather than "not saturated" beside
            # another method's green verdict.
            self.francis.setText(self.tr("Francis et al.: not assessable yet: needs %1 interviews (an initial "
                                         "sample of %2, then %3 in a row without a new code); now %4.")
                                 .replace("%1", self.n(f.initial + f.stop)).replace("%2", self.n(f.initial))
                                 .replace("%3", self.n(f.stop)).replace("%4", self.n(len(r.interviews))))
        else:
            self.francis.setText(self.tr("Francis et al.: not saturated (needs %1 consecutive interviews without "
                                         "a new code after the first %2).")
                                 .replace("%1", self.n(f.stop)).replace("%2", self.n(f.initial)))
        p = r.permutations
        if p.k == 0:
            self.robustness.setText(self.tr("Order robustness: not computed."))
        elif p.median_x is None:
            self.robustness.setText(self.tr("Order robustness: none of %1 random orderings reaches saturation.")
                                    .replace("%1", self.n(p.k)))
        else:
            median = sat.label_text(int(p.median_x), g.run, self.lang) if float(p.median_x).is_integer() else \
                f"{self.n(p.median_x)}+{self.n(g.run)}"
            self.robustness.setText(
                self.tr("Order robustness: %1 of %2 random orderings reach saturation; median saturation "
                        "point %3 (X between %4 and %5 in 90% of the orderings).")
                .replace("%1", self.pct(p.share_saturated)).replace("%2", self.n(p.k))
                .replace("%3", median).replace("%4", self.n(p.p5_x)).replace("%5", self.n(p.p95_x)))
        found = r.cumulative[-1] if r.cumulative else 0
        if r.found_share is None:
            self.chao.setText(self.tr("Estimated codes in all (Chao2): no codes yet."))
        else:
            self.chao.setText(self.tr("About %1 of the estimated codes found (%2 of %3, Chao2).")
                              .replace("%1", self.pct(r.found_share)).replace("%2", self.n(found))
                              .replace("%3", self.n(round(r.chao2, 1))))
        self.sentence.setText(r.paragraph(self.lang))

    def copy_sentence(self) -> str:
        if self.result is None or self.pending:
            self.wait_ready()
        text = self.result.paragraph(self.lang)
        QGuiApplication.clipboard().setText(text)
        return text
