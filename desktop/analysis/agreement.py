"""How far two coders agree: the table of :mod:`codebook.agreement` (per code and
overall percent agreement, Cohen's kappa, Krippendorff's alpha), its sentence for
the paper, export to DOCX/XLSX, and the list of disagreements; a disagreement
opens :class:`desktop.analysis.disagreements.DisagreementWalker`.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from codebook import agreement as ag
from codebook.coders import coders as list_coders
from codebook.errors import StudyError
from desktop.analysis.disagreements import DisagreementWalker
from desktop.i18n import worded


def _num(x: float | None) -> str:
    return "—" if x is None else QLocale().toString(float(x), "f", 2)


def _pct(x: float | None) -> str:
    return "—" if x is None else QLocale().toString(float(x) * 100, "f", 1) + QLocale().percent()


class AgreementView(QWidget):
    """Two coders, the unit, the table, the sentence, and the disagreements."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.result: ag.Agreement | None = None
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
        top = QHBoxLayout()
        for label, w in ((self.tr("Coder"), self.coder_a), (self.tr("and"), self.coder_b),
                         (self.tr("Unit"), self.unit), (self.tr("Overlap"), self.overlap)):
            top.addWidget(QLabel(label, self))
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.export_button)
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
        layout = QVBoxLayout(self)
        layout.addLayout(top)
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
        ctx.changed.connect(self._changed)
        self.walker: DisagreementWalker | None = None
        self.fill_coders()
        self.refresh()

    def _changed(self, kind: str) -> None:
        if kind in ("codings", "codes", "segments", "interviews"):
            if kind == "codings":
                self.fill_coders()
            if self.isVisible():
                self._timer.start()
            else:
                self._stale = True  # computed when the tab is shown again

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self._stale = False
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
        self.coder_a.setCurrentIndex(self.coder_a.findData(a))
        self.coder_b.setCurrentIndex(self.coder_b.findData(b))
        self.refresh()

    def refresh(self) -> None:
        self.overlap.setEnabled(self.unit.currentData() == "span")
        a, b = self.coder_a.currentData(), self.coder_b.currentData()
        self.table.setRowCount(0)
        self.disagreements.clear()
        self.result = None
        self.export_button.setEnabled(False)
        if a is None or b is None or a == b:
            self.sentence.setText(self.tr("Agreement compares two coders: choose two different coders. Each "
                                          "coder's name is stamped on their codings (Settings), and a "
                                          "colleague's coding comes in with File › Merge a colleague's coding."))
            self.count.clear()
            return
        try:
            self.result = ag.compute(self.ctx.study, a, b, unit=self.unit.currentData(),
                                     overlap=round(self.overlap.value(), 2))
        except StudyError as exc:
            self.sentence.setText(worded(exc))
            return
        self._fill_table()
        self._fill_disagreements()
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

    def _fill_disagreements(self) -> None:
        study = self.ctx.study
        labels = {iv.id: study.interviews.label(iv) for iv in study.interviews.list()}
        names = {c.id: c.name for c in study.codes.list()}
        texts = {}
        for d in self.result.disagreements:
            if d.interview_id not in texts:
                texts[d.interview_id] = study.transcripts.text(d.interview_id)
            text = texts[d.interview_id][d.start:d.end].replace("\n", " ")
            item = QTreeWidgetItem([labels.get(d.interview_id, ""), names.get(d.code_id, ""), d.coder,
                                    text[:120]])
            self.disagreements.addTopLevelItem(item)
        self.count.setText(self.tr("Disagreements: %1 (double-click one to walk through them)")
                           .replace("%1", QLocale().toString(len(self.result.disagreements))))

    def export(self) -> None:
        from desktop.i18n import current_language
        if self.result is None:
            return
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export agreement table"), "",
                                                   self.tr("Word document (*.docx);;Excel workbook (*.xlsx)"))
        if path:
            self.export_to(path, current_language())

    def export_to(self, path: str, lang: str) -> None:
        fmt = "xlsx" if path.lower().endswith(".xlsx") else "docx"
        if not path.lower().endswith("." + fmt):
            path += "." + fmt
        try:
            ag.export(self.result, fmt, path, lang)
        except (StudyError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Export agreement table"), worded(exc))

    def walk(self, index: int = 0) -> DisagreementWalker | None:
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
