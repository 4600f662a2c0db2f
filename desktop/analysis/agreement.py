"""How far two coders agree: the table of :mod:`codebook.agreement` (per code and
overall percent agreement, Cohen's kappa, Krippendorff's alpha), its sentence for
the paper, export to DOCX/XLSX, and the list of disagreements; a disagreement
opens :class:`desktop.analysis.disagreements.DisagreementWalker`.

Agreement weighs every unit against every code for two coders (2.88 M decisions in a
60-interview study), so it is computed only when the tab is seen (:class:`LazyView`),
in a worker thread with its own connection to the study, the last result staying on
screen with a busy line until the new one is ready. An edit elsewhere only marks the
view stale; the window opens without computing it.
"""
from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QLocale, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFileDialog, QGridLayout, QHBoxLayout, QHeaderView,
                               QLabel, QMessageBox, QProgressBar, QPushButton, QSizePolicy, QTableWidget,
                               QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from codebook import agreement as ag
from codebook.coders import coders as list_coders
from codebook.errors import StudyError
from desktop.analysis.disagreements import DisagreementWalker
from desktop.i18n import worded
from desktop.analysis.lazy import LazyView


def _num(x: float | None) -> str:
    return "—" if x is None else QLocale().toString(float(x), "f", 2)


def _pct(x: float | None) -> str:
    return "—" if x is None else QLocale().toString(float(x) * 100, "f", 1) + QLocale().percent()


class _Done(QObject):
    """Carries a worker's result back to the GUI thread (a queued signal)."""
    done = Signal(int, object)


def _compute(generation: int, folder: Path, a: str, b: str, unit: str, overlap: float, signals: _Done) -> None:
    """:func:`codebook.agreement.compute` off the GUI thread, on a connection of its own (the GUI's
    connection is not shared across threads), together with what the table and list show.

    A plain callable for the pool, as in :mod:`desktop.analysis.saturation`."""
    from codebook import Study

    try:
        with Study.open(folder) as study:
            result = ag.compute(study, a, b, unit=unit, overlap=overlap)
            labels = {iv.id: study.interviews.label(iv) for iv in study.interviews.list()}
            names = {c.id: c.name for c in study.codes.list()}
            texts = ag.unit_texts(study, {d.interview_id for d in result.disagreements})
        out: object = (result, labels, names, texts)
    except Exception as exc:  # shown by the view, not lost in the thread
        out = exc
    try:
        signals.done.emit(generation, out)
    except RuntimeError:  # the view was closed meanwhile
        pass


class AgreementView(LazyView, QWidget):
    """Two coders, the unit, the table, the sentence, and the disagreements."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.result: ag.Agreement | None = None
        self._asked = self._answered = 0  # generations of the computation asked for and shown
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Done(self)
        self._signals.done.connect(self._computed)
        self.coder_a, self.coder_b = QComboBox(self), QComboBox(self)
        self.unit = QComboBox(self)
        self.unit.addItem(self.tr("Segment: each code present or absent in each segment"), "segment")
        self.unit.addItem(self.tr("Span: each coding, matched by overlap"), "span")
        self.overlap = QDoubleSpinBox(self)
        self.overlap.setRange(0.05, 1.0)
        self.overlap.setSingleStep(0.05)
        self.overlap.setValue(ag.OVERLAP)
        self.overlap.setToolTip(self.tr("Two codings agree when they overlap by at least this share of the "
                                        "longer one"))
        self.export_button = QPushButton(self.tr("Export table…"), self)
        self.export_button.clicked.connect(self.export)
        # Two rows, and the unit's long choices elided in the closed box: in one row they made the
        # tab (and the window) 834 px wide at least.
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit.setMinimumContentsLength(24)
        self.unit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        top = QGridLayout()
        top.addWidget(QLabel(self.tr("Coder"), self), 0, 0)
        pair = QHBoxLayout()
        for w in (self.coder_a, QLabel(self.tr("and"), self), self.coder_b):
            pair.addWidget(w)
        pair.addStretch(1)
        top.addLayout(pair, 0, 1)
        top.addWidget(self.export_button, 0, 2)
        top.addWidget(QLabel(self.tr("Unit"), self), 1, 0)
        unit_row = QHBoxLayout()
        unit_row.addWidget(self.unit, 1)
        unit_row.addWidget(QLabel(self.tr("Overlap"), self))
        unit_row.addWidget(self.overlap)
        top.addLayout(unit_row, 1, 1, 1, 2)
        top.setColumnStretch(1, 1)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Code"), self.tr("Units"),
                                              self.tr("Percent agreement"), self.tr("Cohen's kappa"),
                                              self.tr("Krippendorff's alpha")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.sentence = QLabel(self)
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.disagreements = QTreeWidget(self)
        self.disagreements.setHeaderLabels([self.tr("Interview"), self.tr("Code"), self.tr("Only by"),
                                            self.tr("Text")])
        self.disagreements.setRootIsDecorated(False)
        self.disagreements.itemActivated.connect(lambda item, _c: self.walk(self.disagreements.indexOfTopLevelItem(item)))
        self.count = QLabel(self)
        self.busy = QProgressBar(self)  # an indeterminate bar while the worker computes
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy_label = QLabel(self.tr("Computing agreement…"), self)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.busy, 1)
        self.busy.hide()
        self.busy_label.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(busy_row)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.sentence)
        layout.addWidget(self.count)
        layout.addWidget(self.disagreements, 2)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        for w in (self.coder_a, self.coder_b, self.unit):
            w.currentIndexChanged.connect(lambda *_: self._timer.start())
        self.overlap.valueChanged.connect(lambda *_: self._timer.start())
        self.walker: DisagreementWalker | None = None
        self._coders_stale = True
        self._lazy_init(ctx)  # nothing is computed until the tab is shown

    def wants(self, change) -> bool:
        """Codings, codes, segments and interviews change the figures (checked, speaker, memo: not)."""
        if "codings" in change:
            self._coders_stale = True  # the list of coders is read again when shown
        return change.any("codings", "codes", "segments", "interviews")

    def mark_stale(self) -> None:
        """Out of date: recompute (after a short pause, so a burst of edits computes once) if seen."""
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def _refresh_stale(self) -> None:
        self.refresh()

    def fill_coders(self) -> None:
        names = [c for c, _n in list_coders(self.ctx.study)]
        for box, default in ((self.coder_a, 0), (self.coder_b, 1)):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            for name in names:
                box.addItem(name or self.tr("(no coder named)"), name)
            i = box.findData(current) if current is not None else -1
            box.setCurrentIndex(i if i >= 0 else min(default, len(names) - 1))
            box.blockSignals(False)

    def set_coders(self, a: str, b: str) -> None:
        if self._coders_stale:
            self._coders_stale = False
            self.fill_coders()
        self.coder_a.setCurrentIndex(self.coder_a.findData(a))
        self.coder_b.setCurrentIndex(self.coder_b.findData(b))
        self._coders_stale = False
        self.refresh()

    def refresh(self) -> None:
        """Ask the worker for the agreement of the chosen coders; the last result stays shown."""
        self._stale = False
        self._timer.stop()
        if self._coders_stale:
            self._coders_stale = False
            self.fill_coders()
        self.overlap.setEnabled(self.unit.currentData() == "span")
        a, b = self.coder_a.currentData(), self.coder_b.currentData()
        self._asked += 1
        self._pool.clear()  # a computation not started yet is stale already
        if a is None or b is None or a == b:
            self._answered = self._asked
            self._show_busy(False)
            self.table.setRowCount(0)
            self.disagreements.clear()
            self.result = None
            self.export_button.setEnabled(False)
            self.sentence.setText(self.tr("Agreement compares two coders: choose two different coders. Each "
                                          "coder's name is stamped on their codings (Settings), and a "
                                          "colleague's coding comes in with File › Merge a colleague's coding."))
            self.count.clear()
            return
        self._show_busy(True)
        self._pool.start(functools.partial(_compute, self._asked, Path(self.ctx.study.folder), a, b,
                                           self.unit.currentData(), round(self.overlap.value(), 2), self._signals))

    @property
    def pending(self) -> bool:
        """A computation asked for has not been shown yet."""
        return self._answered < self._asked

    def wait_ready(self, timeout_ms: int = 60000) -> bool:
        """Compute now if out of date, and process events until the result is shown (for tests,
        scripts, and an export or walk asked for before the tab was seen)."""
        if self._stale or self._timer.isActive():
            self.refresh()
        clock = QElapsedTimer()
        clock.start()
        while self.pending and clock.elapsed() < timeout_ms:
            self._pool.waitForDone(20)
            QCoreApplication.processEvents()
        return not self.pending

    def _show_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)

    def _computed(self, generation: int, out) -> None:
        if generation != self._asked:
            return  # a newer computation is on its way
        self._answered = generation
        self._show_busy(False)
        if isinstance(out, Exception):
            self.table.setRowCount(0)
            self.disagreements.clear()
            self.result = None
            self.export_button.setEnabled(False)
            self.count.clear()
            self.sentence.setText(worded(out))
            return
        self.result, labels, names, texts = out
        self._fill_table()
        self._fill_disagreements(labels, names, texts)
        self.export_button.setEnabled(True)

    def _fill_table(self) -> None:
        r = self.result
        bold = QFont()
        bold.setBold(True)
        rows = [(c.category, c.code, c) for c in r.codes] + [("", self.tr("All codes"), r.overall)]
        self.table.setRowCount(len(rows))
        for i, (cat, name, f) in enumerate(rows):
            for j, text in enumerate((cat, name, QLocale().toString(f.units), _pct(f.percent), _num(f.kappa),
                                      _num(f.alpha))):
                item = QTableWidgetItem(text)
                if j >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if i == len(rows) - 1:
                    item.setFont(bold)
                self.table.setItem(i, j, item)
        from desktop.i18n import current_language
        self.sentence.setText(ag.sentence(r, current_language()))

    def _fill_disagreements(self, labels: dict, names: dict, texts: dict) -> None:
        self.disagreements.clear()
        self.disagreements.addTopLevelItems([  # at once: thousands in a team's study
            QTreeWidgetItem([labels.get(d.interview_id, ""), names.get(d.code_id, ""), d.coder,
                             texts[d.interview_id][d.start:d.end].replace("\n", " ")[:120]])
            for d in self.result.disagreements])
        self.count.setText(self.tr("Disagreements: %1 (double-click one to walk through them)")
                           .replace("%1", QLocale().toString(len(self.result.disagreements))))

    def export(self) -> None:
        from desktop.i18n import current_language
        if self.result is None or self.pending:
            self.wait_ready()
        if self.result is None:
            return
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export agreement table"), "",
                                                   self.tr("Word document (*.docx);;Excel workbook (*.xlsx)"))
        if path:
            self.export_to(path, current_language())

    def export_to(self, path: str, lang: str) -> None:
        if self.result is None or self.pending:
            self.wait_ready()
        if self.result is None:
            return
        fmt = "xlsx" if path.lower().endswith(".xlsx") else "docx"
        if not path.lower().endswith("." + fmt):
            path += "." + fmt
        try:
            ag.export(self.result, fmt, path, lang)
        except (StudyError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Export agreement table"), worded(exc))

    def walk(self, index: int = 0) -> DisagreementWalker | None:
        if self.result is None or self.pending:
            self.wait_ready()
        if self.result is None or not self.result.disagreements:
            return None
        if self.walker is None:
            self.walker = DisagreementWalker(self)
        else:
            self.walker.start(self.result)
        self.walker.show_at(index)
        self.walker.show()
        self.walker.raise_()
        return self.walker
