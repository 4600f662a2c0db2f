"""Asking the model: choose interviews and codes, see plainly what leaves the computer and to where, then the
run on a worker thread with progress, the time left and cancel. A run that was cancelled or killed is stored
part by part and continues from where it stopped ("Continue")."""
from __future__ import annotations

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from codebook.suggestions.store import Suggestions
from desktop.exchange.job_dialog import number
from desktop.i18n import current_language, worded
from desktop.suggest.server_box import LlmServer


def what_leaves(tr, server: LlmServer) -> str:
    """One plain paragraph: which text leaves the computer, and to where (or that nothing does)."""
    if not server.chosen:
        return tr("No language model server is set (Settings → Servers), so nothing is sent anywhere.")
    fa = current_language() == "fa"
    where = f"\u2066{server.url}\u2069" if fa else server.url  # a left-to-right isolate inside Persian
    model = f"\u2066{server.model}\u2069" if fa else server.model
    if server.pseudonymise:
        text = tr("Sent to %1 (model %2): the text of the chosen interviews, pseudonymised (the names in the "
                  "study's replacement list replaced), and the chosen codes' names, descriptions and memos. "
                  "No participant, date or file name is sent.")
    else:
        text = tr("Sent to %1 (model %2), a server on this computer: the text of the chosen interviews as stored "
                  "(not pseudonymised), and the chosen codes' names, descriptions and memos. It does not leave "
                  "this computer.")
    return text.replace("%1", where).replace("%2", model)


def time_left(tr, seconds: float | None) -> str:
    if seconds is None:
        return ""
    minutes = int(seconds // 60)
    if minutes >= 1:
        return tr("about %1 min left").replace("%1", number(minutes + (1 if seconds % 60 >= 30 else 0)))
    return tr("about %1 s left").replace("%1", number(max(1, int(seconds))))


class SuggestWorker(QThread):
    """Starts (or continues) a run on a Study of its own; tells progress; stops on cancel."""
    progressed = Signal(int, int, int, object)  # done, total, suggestions, seconds left
    done = Signal(object)  # the Run
    failed = Signal(str)

    def __init__(self, folder, server: LlmServer, *, interview_ids=(), code_ids=(), run_id: int | None = None,
                 parent=None):
        super().__init__(parent)
        self.folder, self.server = folder, server
        self.interview_ids, self.code_ids, self.run_id = list(interview_ids), list(code_ids), run_id
        self._cancelled = False
        self.client = None

    def cancel(self) -> None:
        self._cancelled = True
        if self.client is not None:
            self.client.abort()

    def run(self) -> None:
        from codebook.errors import StudyError
        from codebook.study import Study
        from codebook.suggestions import run as runs

        try:
            client = self.client = self.server.client()
            with Study.open(self.folder) as study:
                run_id = self.run_id
                if run_id is None:
                    run_id = runs.start(study, server=client.url, model=client.model,
                                        interview_ids=self.interview_ids, code_ids=self.code_ids,
                                        pseudonymise=self.server.pseudonymise).id
                    self.run_id = run_id
                result = runs.work(study, run_id, client, cancelled=lambda: self._cancelled,
                                   progress=lambda p: self.progressed.emit(p.done, p.total, p.suggestions,
                                                                           p.seconds_left))
            self.done.emit(result)
        except StudyError as exc:
            self.failed.emit(worded(exc))  # in the UI language


class SuggestDialog(QDialog):
    """Choose interviews and codes; run, with progress, the time left and cancel; or continue a stopped run."""

    finishedRun = Signal()

    def __init__(self, ctx, server: LlmServer, parent: QWidget | None = None, interview_id: int | None = None):
        super().__init__(parent)
        self.ctx, self.server = ctx, server
        self.worker: SuggestWorker | None = None
        self.setWindowTitle(self.tr("Ask for coding suggestions"))
        layout = QVBoxLayout(self)
        self.leaves = QLabel(what_leaves(self.tr, server))
        self.leaves.setWordWrap(True)
        self.leaves.setStyleSheet("QLabel { background: #fff8e1; padding: 6px; border: 1px solid #e0c060; }")
        layout.addWidget(self.leaves)
        lists = QHBoxLayout()
        study = ctx.study
        self.interviews = QListWidget()
        for iv in study.interviews.list():
            item = QListWidgetItem(study.interviews.label(iv))
            item.setData(Qt.ItemDataRole.UserRole, iv.id)
            item.setCheckState(Qt.CheckState.Checked if iv.id == interview_id else Qt.CheckState.Unchecked)
            self.interviews.addItem(item)
        self.codes = QListWidget()
        for code in study.codes.list():
            if code.kind != "code":
                continue
            item = QListWidgetItem(code.name)
            item.setData(Qt.ItemDataRole.UserRole, code.id)
            item.setToolTip(code.description)
            item.setCheckState(Qt.CheckState.Checked)
            self.codes.addItem(item)
        for title, widget in ((self.tr("Interviews"), self.interviews), (self.tr("Codes (their descriptions and "
                                                                              "memos are the rules sent)"), self.codes)):
            box = QVBoxLayout()
            box.addWidget(QLabel(title))
            box.addWidget(widget)
            lists.addLayout(box)
        layout.addLayout(lists)
        self.progress = QProgressBar()
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.run_button = self.buttons.addButton(self.tr("Ask"), QDialogButtonBox.ButtonRole.ActionRole)
        self.resume_button = QPushButton(self.tr("Continue the stopped run"))
        self.buttons.addButton(self.resume_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel the run"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.hide()
        self.run_button.clicked.connect(self.start)
        self.resume_button.clicked.connect(self.resume)
        self.cancel_button.clicked.connect(self.cancel)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.run_button.setEnabled(server.chosen)
        self._unfinished = [r for r in Suggestions(study).unfinished_runs() if r.model == server.model]
        self.resume_button.setVisible(bool(self._unfinished) and server.chosen)
        self.resize(720, 520)

    def _checked(self, widget: QListWidget) -> list[int]:
        return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def start(self) -> None:
        interviews, codes = self._checked(self.interviews), self._checked(self.codes)
        if not interviews or not codes:
            self.status.setText(self.tr("Choose at least one interview and one code."))
            return
        self._launch(SuggestWorker(self.ctx.study.folder, self.server, interview_ids=interviews, code_ids=codes,
                                   parent=self))

    def resume(self) -> None:
        if self._unfinished:
            self._launch(SuggestWorker(self.ctx.study.folder, self.server, run_id=self._unfinished[0].id, parent=self))

    def _launch(self, worker: SuggestWorker) -> None:
        self.worker = worker
        worker.progressed.connect(self._progressed)
        worker.done.connect(self._done)
        worker.failed.connect(self._failed)
        self.run_button.setEnabled(False)
        self.resume_button.setEnabled(False)
        self.cancel_button.show()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Asking the model…"))
        worker.start()

    def _progressed(self, done: int, total: int, found: int, left) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(self.tr("Part %1 of %2 · %3 suggestions so far · %4")
                            .replace("%1", number(done)).replace("%2", number(total)).replace("%3", number(found))
                            .replace("%4", time_left(self.tr, left)))

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.status.setText(self.tr("Stopping…"))

    def _ended(self) -> None:
        self.cancel_button.hide()
        self.progress.hide()
        self.run_button.setEnabled(True)
        self._unfinished = [r for r in Suggestions(self.ctx.study).unfinished_runs() if r.model == self.server.model]
        self.resume_button.setVisible(bool(self._unfinished))
        self.resume_button.setEnabled(True)
        self.ctx.notify("suggestions")
        self.finishedRun.emit()

    def _done(self, run) -> None:
        self._ended()
        counts = Suggestions(self.ctx.study).counts(run.id)
        text = self.tr("%1 suggestions wait for review. %2 quotes not found in the text were dropped, %3 answers "
                       "were not in the schema, %4 requests got no answer.")
        text = (text.replace("%1", number(counts["pending"])).replace("%2", number(run.dropped))
                .replace("%3", number(run.invalid)).replace("%4", number(run.failed)))
        if run.state in ("cancelled", "incomplete"):
            text += " " + self.tr("The rest of the run is kept: Continue takes it up.")
        self.status.setText(text)

    def _failed(self, message: str) -> None:
        self._ended()
        self.status.setText(message)

    def reject(self) -> None:
        if self.worker is not None and self.worker.isRunning():
            self.cancel()
            self.worker.wait(30000)
        super().reject()
