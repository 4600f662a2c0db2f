"""How far two coders agree: the table of :mod:`codebook.agreement` (per code and
overall percent agreement, Cohen's kappa, Krippendorff's alpha), its sentence for
the paper, export to DOCX/XLSX, and the list of disagreements.

A disagreement opens :class:`DisagreementWalker`: the transcript goes to the
segment, both coders' codings on it are shown side by side, and the one coding
in dispute can be kept, dropped or adopted by the other coder (undo-able
commands on the study's undo stack); Next and Previous walk the list.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QFont, QUndoCommand
from PySide6.QtWidgets import (QComboBox, QDialog, QDoubleSpinBox, QFileDialog, QGridLayout, QHBoxLayout,
                               QHeaderView, QLabel, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from codebook import agreement as ag
from codebook.coders import coders as list_coders
from codebook.errors import StudyError


def _rtl(text: str) -> bool:
    """Whether text reads right to left (its first strong character is Arabic-script or Hebrew)."""
    import unicodedata

    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


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
            self._timer.start()

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
            self.sentence.setText(str(exc))
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
        from desktop.app import current_language
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
        from desktop.app import current_language
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
            QMessageBox.warning(self, self.tr("Export agreement table"), str(exc))

    def walk(self, index: int = 0) -> "DisagreementWalker | None":
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


class _CodingsCommand(QUndoCommand):
    """Drop codings (``adopt_for`` None) or copy them under another coder's name."""

    def __init__(self, ctx, codings: list, text: str, adopt_for: str | None = None):
        super().__init__(text)
        self.ctx, self.codings, self.adopt_for = ctx, list(codings), adopt_for
        self.made: list = []

    def redo(self) -> None:
        study = self.ctx.study
        with study.atomic():
            if self.adopt_for is None:
                for c in self.codings:
                    study.codings.remove(c.id)
            elif self.made:
                study.codings.restore(self.made)
            else:
                self.made = [study.codings.add(c.code_id, c.start_segment_id, c.start_offset, c.end_segment_id,
                                               c.end_offset, memo=c.memo, coder=self.adopt_for)
                             for c in self.codings]
        self.ctx.notify("codings")

    def undo(self) -> None:
        study = self.ctx.study
        with study.atomic():
            if self.adopt_for is None:
                study.codings.restore(self.codings)
            else:
                for c in self.made:
                    study.codings.remove(c.id)
        self.ctx.notify("codings")


class DisagreementWalker(QDialog):
    """One disagreement at a time: the text, both coders' codings side by side, keep / drop / adopt."""

    def __init__(self, view: AgreementView):
        super().__init__(view)
        self.view, self.ctx = view, view.ctx
        self.setWindowTitle(self.tr("Disagreements"))
        self.start(view.result)
        self.where = QLabel(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        f = self.text.font()
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.text.setFont(f)
        self.lists = (QListWidget(self), QListWidget(self))
        self.heads = (QLabel(self), QLabel(self))
        for lst in self.lists:
            lst.setWordWrap(True)
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        grid = QGridLayout()
        for col in (0, 1):
            grid.addWidget(self.heads[col], 0, col)
            grid.addWidget(self.lists[col], 1, col)
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.keep_button = QPushButton(self.tr("Keep"), self)
        self.drop_button = QPushButton(self)
        self.adopt_button = QPushButton(self)
        self.prev_button = QPushButton(self.tr("Previous"), self)
        self.next_button = QPushButton(self.tr("Next"), self)
        self.keep_button.setToolTip(self.tr("Leave both codings as they are and go to the next disagreement"))
        self.keep_button.clicked.connect(self.next)
        self.drop_button.clicked.connect(self.drop)
        self.adopt_button.clicked.connect(self.adopt)
        self.prev_button.clicked.connect(lambda: self.show_at(self.index - 1))
        self.next_button.clicked.connect(self.next)
        buttons = QHBoxLayout()
        for b in (self.keep_button, self.drop_button, self.adopt_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.text)
        layout.addLayout(grid, 1)
        layout.addWidget(self.question)
        layout.addLayout(buttons)
        self.resize(760, 440)

    def start(self, result: ag.Agreement) -> None:
        """Walk the disagreements of ``result`` (the list stays as it was while one walks it)."""
        self.items: list[ag.Disagreement] = list(result.disagreements)
        self.coders = result.coders
        self.index = 0
        self.done_ids: set[int] = set()

    @property
    def current(self) -> ag.Disagreement:
        return self.items[self.index]

    def other(self, coder: str) -> str:
        return self.coders[1] if coder == self.coders[0] else self.coders[0]

    def show_at(self, index: int) -> None:
        if not self.items:
            return
        self.index = max(0, min(index, len(self.items) - 1))
        d = self.current
        study = self.ctx.study
        loc = QLocale()
        iv = study.interviews.get(d.interview_id)
        seg = study.transcripts.segment(d.segment_id)
        code = study.codes.get(d.code_id)
        self.where.setText(self.tr("Disagreement %1 of %2 · %3 · %4")
                           .replace("%1", loc.toString(self.index + 1)).replace("%2", loc.toString(len(self.items)))
                           .replace("%3", study.interviews.label(iv)).replace("%4", code.name))
        self.text.setText(study.transcripts.text(d.interview_id)[d.start:d.end])
        names = {c.id: c.name for c in study.codes.list()}
        covering = study.codings.covering(d.segment_id)
        for col, coder in enumerate(self.coders):
            self.heads[col].setText(self.tr("Codings by %1 here").replace("%1", coder or self.tr("(no coder named)")))
            lst = self.lists[col]
            lst.clear()
            for c in covering:
                if c.coder != coder:
                    continue
                text = f"{names.get(c.code_id, '')}: {study.codings.text(c)}"
                item = QListWidgetItem(text)
                if _rtl(text):  # Persian text reads from the right, whatever the interface's direction
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                                          | Qt.AlignmentFlag.AlignVCenter)
                if c.id in d.coding_ids:
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                lst.addItem(item)
        other = self.other(d.coder)
        self.question.setText(self.tr("%1 coded this as “%2”; %3 did not.")
                              .replace("%1", d.coder).replace("%2", code.name).replace("%3", other))
        self.drop_button.setText(self.tr("Drop %1's coding").replace("%1", d.coder))
        self.adopt_button.setText(self.tr("Adopt it for %1").replace("%1", other))
        settled = self.index in self.done_ids
        self.drop_button.setEnabled(not settled)
        self.adopt_button.setEnabled(not settled)
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.items) - 1)
        self._show_in_editor(d, seg)

    def _show_in_editor(self, d: ag.Disagreement, seg) -> None:
        window = self.view.window()
        editor = getattr(window, "editor", None)
        if editor is None or not hasattr(window, "open_transcript"):
            return
        window.open_transcript(d.interview_id)
        row = editor.model.row_of(seg.id)
        if row >= 0:
            index = editor.model.index(row, 0)
            editor.view.setCurrentIndex(index)
            editor.view.scrollTo(index)

    def _codings(self) -> list:
        study = self.ctx.study
        out = []
        for cid in self.current.coding_ids:
            try:
                out.append(study.codings.get(cid))
            except StudyError:
                pass
        return out

    def drop(self) -> None:
        d = self.current
        self.ctx.undo_stack.push(_CodingsCommand(self.ctx, self._codings(),
                                                 self.tr("Drop %1's coding").replace("%1", d.coder)))
        self._settled()

    def adopt(self) -> None:
        d = self.current
        other = self.other(d.coder)
        self.ctx.undo_stack.push(_CodingsCommand(self.ctx, self._codings(),
                                                 self.tr("Adopt a coding for %1").replace("%1", other),
                                                 adopt_for=other))
        self._settled()

    def _settled(self) -> None:
        self.done_ids.add(self.index)
        self.next()

    def next(self) -> None:
        if self.index < len(self.items) - 1:
            self.show_at(self.index + 1)
        else:
            self.show_at(self.index)
