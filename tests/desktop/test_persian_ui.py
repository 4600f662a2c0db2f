"""The Persian UI shows no English and no Latin digits: every window and dialog,
built in Persian on the demo study (and after its work is done: a recording,
exports, imports), is walked widget by widget; what a user can read must not
contain Latin letters or ASCII digits, except the few names below.
"""
from __future__ import annotations

import re
import time

import pytest

from transcribe.normalize import persian_digits
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (QAbstractButton, QApplication, QAbstractItemView, QAbstractSpinBox, QComboBox, QDockWidget, QGroupBox,
                               QHeaderView, QLabel, QLineEdit, QMenuBar, QPlainTextEdit, QTabBar, QTextEdit, QWidget)

# Names a Persian researcher reads in Latin letters too: products, formats, standards, keys.
ALLOWED = [
    r"WhatsApp", r"REFI-QDA", r"Whisper(?: base)?", r"Chao2", r"MAXQDA", r"ATLAS\.ti", r"NVivo", r"QualCoder",
    r"CTranslate2", r"CUDA", r"OpenAI", r"Ollama", r"llama\.cpp", r"vLLM",  # language model servers (suggestions)
    r"WebVTT", r"WER", r"CER", r"noScribe", r"English",  # the language's own name in the chooser
    r"large-v3-turbo", r"large-v3", r"medium", r"small",  # Whisper model names (transcribe.models.KNOWN_NAMES)
    r"config\.json", r"model\.bin",
    r"https?://\S+", r"\bAPI\b", r"OpenAI", r"Ollama", r"llama\.cpp", r"vLLM",  # server addresses (as file names), server kinds
    r"\.mosahebeh\.zip\b",  # the study archive's extension
    r"\.?\b(?:qdpx|qdc|docx|txt|srt|vtt|csv|xlsx|png|svg|html?|pdf|zip|mosahebeh)\b",  # file formats and extensions
    r"\bF\d{1,2}\b", r"(?<=\+)[A-Z]\b",  # keys: F8, Ctrl+Shift+M (Persian key names, Latin letter key)
]
LATIN = re.compile(r"[A-Za-z0-9]")
ALLOWED_RE = re.compile("|".join(ALLOWED), re.IGNORECASE)


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a user can see in ``root``: window title, labels, buttons,
    group boxes, tab bars, combo items, spin boxes, line edits, menus, dock titles, visible
    headers and the items of lists, tables and trees, and tooltips."""
    out: list[tuple[str, str]] = [("window title", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        if w is not root and not w.isVisibleTo(root):
            continue
        where = type(w).__name__
        texts = [w.toolTip()]
        if isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QAbstractSpinBox):
            texts.append(w.text())
        elif isinstance(w, QLineEdit):
            texts += [w.text(), w.placeholderText()]
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            texts.append(w.placeholderText())
        elif isinstance(w, QDockWidget):
            texts.append(w.windowTitle())
        elif isinstance(w, QMenuBar):
            for action in w.actions():
                texts.append(action.text())
                texts += [a.text() for a in action.menu().actions()] if action.menu() else []
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and w.model() is not None:
            texts += _view_texts(w)
        out += [(where, t) for t in texts if t and t.strip()]
    return out


def _columns(model, parent=QModelIndex()) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # QListWidget's model keeps columnCount private
        return 1


def _view_texts(view: QAbstractItemView) -> list[str]:
    model, texts = view.model(), []
    for get in ("horizontalHeader", "header"):
        header = getattr(view, get, None)
        if header is not None and not header().isHidden():
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(_columns(model))]
            break
    vertical = getattr(view, "verticalHeader", None)
    if vertical is not None and not vertical().isHidden():
        texts += [str(model.headerData(r, Qt.Orientation.Vertical) or "") for r in range(model.rowCount())]

    def walk(parent: QModelIndex, depth: int) -> None:
        for r in range(min(model.rowCount(parent), 60)):
            for c in range(_columns(model, parent)):
                index = model.index(r, c, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if value is not None and not isinstance(value, bool):
                        texts.append(str(value))
            if depth < 3:
                walk(model.index(r, 0, parent), depth + 1)
    walk(view.rootIndex(), 0)
    return texts


def english_in(root: QWidget, user_data: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The visible texts that still hold Latin letters or ASCII digits once the allowed
    names and the user's own data (paths, device names) are taken out."""
    found = []
    for where, text in visible_texts(root):
        rest = text
        for datum in user_data:
            rest = rest.replace(datum, "")
        if LATIN.search(ALLOWED_RE.sub("", rest)):
            found.append((where, text))
    return found


def test_the_checker_sees_english_and_latin_digits(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    label, ok = QLabel("Saved: 00:03", w), QLabel("ذخیره شد: ۰۰:۰۳ (WhatsApp، .qdpx، F8)", w)
    assert english_in(w) == [("QLabel", "Saved: 00:03")]
    label.setText("۰۰:۰۳ مانده، Chao2 و 3")
    assert english_in(w) == [("QLabel", "۰۰:۰۳ مانده، Chao2 و 3")]
    label.hide()
    assert english_in(w) == [] and ok.text()


# -- the app in Persian --------------------------------------------------------------------------------


@pytest.fixture
def fa(demo_path, qapp, tmp_path):
    from codebook import Study
    from desktop.app import set_language
    from desktop.context import StudyContext

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    set_language("fa")
    study = Study.open(demo_path)
    yield StudyContext(study)
    for w in QApplication.topLevelWidgets():  # the views of this test go before the layout turns back
        w.close()
        w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    study.close()
    set_language("en")


def check(widget: QWidget, *user_data: str) -> None:
    widget.show()
    QCoreApplication.processEvents()
    assert english_in(widget, user_data) == []


def test_main_window_every_tab_and_table(fa, qtbot):
    from desktop.main_window import MainWindow

    mw = MainWindow(fa)
    qtbot.addWidget(mw)
    mw.resize(1300, 800)
    folder = str(fa.study.folder)
    mw.open_transcript(fa.study.interviews.list()[0].id)
    for i in range(mw.tabs.count()):
        mw.tabs.setCurrentIndex(i)
        check(mw, folder)
    tables = next(mw.tabs.widget(i) for i in range(mw.tabs.count()) if hasattr(mw.tabs.widget(i), "by_interviews"))
    mw.tabs.setCurrentWidget(tables)
    tables.by_interviews.setChecked(True)
    for i in range(tables.tabs.count()):
        tables.tabs.setCurrentIndex(i)
        check(mw, folder)
    retrieval = next(mw.tabs.widget(i) for i in range(mw.tabs.count()) if hasattr(mw.tabs.widget(i), "show_code"))
    mw.tabs.setCurrentWidget(retrieval)
    retrieval.show_code(next(c.id for c in fa.study.codes.list() if c.kind == "code"))
    assert retrieval.list.topLevelItemCount() > 0
    check(mw, folder)
    mw.editor.shutdown()


def test_dialogs(fa, qtbot, request):
    from desktop.study.guide import GuideEditor
    from desktop.study.participants import ParticipantDialog
    from desktop.settings import Settings
    from desktop.settings_dialog import SettingsDialog
    from desktop.transcript.dialogs import TimesDialog
    from desktop.transcript.editor import TranscriptEditor
    from desktop.transcript.find_replace import FindReplaceDialog
    from codebook.backups import make_backup
    from desktop.study.backups import BackupsDialog

    study = fa.study
    make_backup(study.folder)  # a row in the backups dialog
    editor = TranscriptEditor(fa)
    qtbot.addWidget(editor)
    request.addfinalizer(editor.shutdown)
    segment = study.transcripts.segments(study.interviews.list()[0].id)[0]
    settings = SettingsDialog(Settings())
    data = settings.model_settings.data_texts()  # model names, paths, sources: data, not wording
    for dialog, data in ((GuideEditor(fa), ()), (ParticipantDialog(study, study.participants.list()[0]), ()),
                         (ParticipantDialog(study), ()), (settings, data), (FindReplaceDialog(editor), ()),
                         (TimesDialog(segment), ()), (BackupsDialog(study.folder), ())):
        qtbot.addWidget(dialog)
        check(dialog, *data)
    assert "۰" in settings.rate.itemText(0) and "مگابایت" in settings.model_settings.table.item(0, 1).text()


def test_record_dialog_clock_and_marks(fa, qtbot, monkeypatch):
    from desktop.record.dialog import RecordDialog
    from transcribe.recording import FakeSource, SimClock
    from transcribe.recording.devices import Device

    clock = SimClock(speed=4)
    device = Device(0, "Fake microphone", "portaudio", False, 1, 16000, default=True, index=0)
    monkeypatch.setattr(RecordDialog, "list_devices", staticmethod(lambda: [device]))
    monkeypatch.setattr(RecordDialog, "open_source", staticmethod(
        lambda name, role, devices=None: FakeSource(role=role, name=name, frequency=440, clock=clock)))
    monkeypatch.setattr(RecordDialog, "clock", clock)
    dlg = RecordDialog(fa, fa.study.interviews.list()[0].id)
    qtbot.addWidget(dlg)
    check(dlg, device.name)
    assert dlg.elapsed.text() == "۰۰:۰۰"
    dlg.start()
    qtbot.waitUntil(lambda: dlg.elapsed.text() not in ("۰۰:۰۰", ""), timeout=5000)
    dlg.mark()
    dlg._question_clicked(dlg.guide.topLevelItem(0))
    dlg.toggle_pause()
    dlg._tick()
    check(dlg, device.name)
    assert dlg.marks_list.count() == 2 and "✓ ۰" in dlg.guide.topLevelItem(0).text(1)
    dlg.toggle_pause()
    dlg.stop()
    qtbot.waitUntil(lambda: dlg.result() == dlg.DialogCode.Accepted, timeout=10000)


def test_export_and_import_messages(fa, qtbot, tmp_path):
    from desktop.exchange.dialogs import ExportDialog, ImportDialog
    from desktop.settings import Settings

    def run(dialog, *data):
        dialog.start()
        qtbot.waitUntil(lambda: dialog.run_button.isEnabled(), timeout=60000)
        check(dialog, *data)
        return dialog.status.text()

    texts = {}
    for what in ("qdpx", "qdc", "transcript", "frequencies", "saturation"):
        e = ExportDialog(fa)
        qtbot.addWidget(e)
        check(e, Settings().export_folder or str(fa.study.folder.parent), str(fa.study.folder.parent))  # user paths
        e.what.setCurrentIndex(e.what.findData(what))
        out = tmp_path / f"out-{what}.{e.fmt.currentData()}"
        e.out.setText(str(out))
        texts[what] = run(e, str(out))
        assert out.exists() and "b00020" not in e.status.styleSheet()
    codings = persian_digits(fa.study.db.execute("SELECT COUNT(*) FROM codings").fetchone()[0])
    assert f"کدگذاری‌ها: {codings}" in texts["qdpx"] and "اشباع" in texts["saturation"]
    i = ImportDialog(fa)
    qtbot.addWidget(i)
    i.path.setText(str(tmp_path / "out-qdc.qdc"))
    assert "کتاب کد وارد شد" in run(i, i.path.text())
    i.path.setText(str(tmp_path / "out-qdpx.qdpx"))
    i.target.setText(str(tmp_path / "copy"))
    assert codings in run(i, i.path.text(), i.target.text() + ".mosahebeh", i.target.text())
    # a failure worded by the library keeps its details under a Persian headline
    bad = tmp_path / "bad.qdc"
    bad.write_text("<x", encoding="utf-8")
    i.path.setText(str(bad))
    i.start()
    qtbot.waitUntil(lambda: i.run_button.isEnabled(), timeout=30000)
    assert i.status.text().startswith("انجام نشد") and "bad.qdc" in i.status.text()


def test_counted_message_boxes_use_persian_digits(fa):
    text = QCoreApplication.translate("RecordDialog", "%n recording(s) were cut short (the app closed during a call). "
                                      "Finish them now and attach them to their interviews?", "", 3)
    assert text.startswith("۳ ") and not LATIN.search(text)
