"""The windows and dialogs test_persian_ui.py does not open, in Persian, walked widget by widget:
no Latin word except file names and user data. Qt's own file dialog and message box buttons included
(Qt's Persian catalog, qtbase_fa.qm, is loaded), the Import audio filter, and the Help menu's guide."""
from __future__ import annotations

import pytest
import test_persian_ui as ui
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox
from test_persian_ui import LATIN, check, english_in, visible_texts

fa = ui.fa  # the fixture: the demo study open in the Persian UI


def test_interview_in_vivo_and_compare_dialogs(fa, qtbot):
    from desktop.study.interview_dialog import InterviewDialog
    from desktop.transcript.invivo import InVivoDialog
    from desktop.transcription.compare_dialog import CompareModelsDialog

    study = fa.study
    first = study.interviews.list()[0]
    for dialog in (InterviewDialog(study, ctx=fa), InterviewDialog(study, first, ctx=fa),
                   InVivoDialog(study, "کتابخانه تعطیل شد", None), CompareModelsDialog(study.folder)):
        qtbot.addWidget(dialog)
        check(dialog, str(study.folder))


def test_the_main_window_menus_and_the_user_guide(fa, qtbot):
    from desktop.help import GuideWindow
    from desktop.main_window import MainWindow

    mw = MainWindow(fa)
    qtbot.addWidget(mw)
    menus = [a for a in mw.menuBar().actions() if a.menu()]
    texts = [a.text() for a in menus] + [x.text() for a in menus for x in a.menu().actions()]
    assert "&راهنما" in texts and "راهنمای کاربر" in texts
    assert [t for t in texts if LATIN.search(t.replace("&", ""))] == []
    guide = GuideWindow()
    qtbot.addWidget(guide)
    check(guide)
    body = guide.browser.document().toPlainText()
    assert body.startswith("راهنمای برنامهٔ «مصاحبه»") and "اشباع" in body and "توافق" in body
    mw.editor.shutdown()


@pytest.mark.parametrize("which", ["audio", "study"])
def test_qt_file_dialog_speaks_persian(fa, qtbot, tmp_path, which):
    from desktop.record.dialog import AUDIO_FILTER

    flt = (QCoreApplication.translate("RecordDialog", AUDIO_FILTER) if which == "audio"
           else QCoreApplication.translate("MainWindow", "Mosahebeh study (*.mosahebeh)"))
    assert not LATIN.search(flt.split("(")[0])  # the filter's name is Persian
    dialog = QFileDialog(None, "گزینش فایل", str(tmp_path), flt)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own widgets: "Look in:", "Files of type:"
    qtbot.addWidget(dialog)
    (tmp_path / "a.wav").write_bytes(b"")
    dialog.show()
    QCoreApplication.processEvents()
    labels = [t for w, t in visible_texts(dialog) if w == "QLabel"]
    assert "&جست‌وجو در:" in labels and "&نوع فایل:" in labels and "&نام فایل:" in labels
    # the user's own files and places (names, sizes, dates as the system writes them) are data;
    # the filter's patterns are file names
    found = english_in(dialog, (str(tmp_path), "root"))
    left = [(w, t) for w, t in found
            if w not in ("QTreeView", "QListView") and not (w == "QComboBox" and "*" in t and not LATIN.search(t.split("(")[0]))]
    assert left == []


def test_message_box_buttons_are_persian(fa, qtbot):
    box = QMessageBox(QMessageBox.Icon.Question, "مصاحبه", "جایگزین شود؟",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    check(box)
    labels = {b.text().replace("&", "") for b in box.buttons()}
    assert labels and not any(LATIN.search(x) for x in labels)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    check(buttons)


def test_an_error_in_a_persian_window_is_persian(fa, qtbot, tmp_path):
    from codebook.errors import StudyError
    from desktop.app import explain

    sentence = explain(StudyError("The codebook is empty: there is no frequency table to export."))
    assert sentence == "کتاب کد خالی است: جدول فراوانی‌ای برای خروجی گرفتن نیست."
    path_sentence = explain(StudyError("No backup at {copy}.", copy=str(tmp_path / "x.db")))
    assert not LATIN.search(path_sentence.replace(str(tmp_path / "x.db"), ""))


def test_the_guide_opens_offline_with_its_pictures_and_its_links_lead_to_their_sections(fa, qtbot):
    import re

    from PySide6.QtCore import QUrl

    from desktop.help import GUIDE, GuideWindow, slug

    text = GUIDE.read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(pictures) >= 15 and all((GUIDE.parent / p).is_file() for p in pictures)
    guide = GuideWindow()
    qtbot.addWidget(guide)
    guide.show()
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert len(links) >= 9
    for link in links:
        guide.browser.verticalScrollBar().setValue(0)
        guide.follow(QUrl("#" + link))
        block = guide.browser.textCursor().block()
        assert block.blockFormat().headingLevel() and slug(block.text()) == slug(link)
    guide.follow(QUrl("https://example.org/"))  # never followed: the guide is offline
    assert guide.browser.source().isLocalFile()


def test_the_servers_tab_suggestions_and_the_transcription_queue(fa, qtbot):
    """The windows this round added: Settings › Servers (speech server, language model server), the coding
    suggestions panel and its dialog, the transcription queue panel; every tab of Settings shown in turn."""
    from desktop.settings import Settings
    from desktop.settings_dialog import SettingsDialog
    from desktop.suggest.panel import SuggestionsPanel
    from desktop.suggest.run_dialog import SuggestDialog
    from desktop.suggest.server_box import LlmServer
    from desktop.transcription.queue_panel import QueuePanel
    from desktop.transcription.study_queue import StudyQueueRunner

    settings = SettingsDialog(Settings())
    qtbot.addWidget(settings)
    data = settings.model_settings.data_texts()
    for i in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(i)
        check(settings, *data)
    server = "http://127.0.0.1:9"
    dialog = SuggestDialog(fa, LlmServer(server, "gemma", False))
    panel = SuggestionsPanel(fa, Settings())
    runner = StudyQueueRunner(fa.study)
    queue = QueuePanel(fa, runner)
    for widget in (dialog, panel, queue):
        qtbot.addWidget(widget)
        check(widget, server, "gemma", str(fa.study.folder))
    assert server in dialog.leaves.text() and "مصاحبه" in dialog.leaves.text()
