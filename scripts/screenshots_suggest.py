"""Screenshots of the coding-suggestion review (issue #27) at 1366×768, in Persian or English.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots_suggest.py fa [OUT_DIR]

Builds the demo study, stores a few suggestions as a model run would (quotes anchored to the demo's own
sentences; no server is asked), sets a server on this computer in the settings, and grabs the study window
with the transcript open, the suggested spans marked and the Suggestions dock beside it
(``suggestions-<lang>.png``), and the dialog that asks for suggestions (``suggest-dialog-<lang>.png``).
"""
from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MOSAHEBEH_DATA_DIR", tempfile.mkdtemp(prefix="mosahebeh-shots-data-"))

# keyword in a sentence → (code, reason as a model would give it)
PICKS = [("تعطیل", "تعطیلی فیزیکی", "از بسته شدن ساختمان کتابخانه می‌گوید."),
         ("بودجه", "کمبود بودجه", "به نرسیدن اعتبار اشاره دارد."),
         ("واتس", "شبکه‌های اجتماعی", "ارتباط با کاربران در پیام‌رسان را وصف می‌کند."),
         ("اینستاگرام", "شبکه‌های اجتماعی", "کاربران را از راه اینستاگرام دنبال کرده‌اند."),
         ("سالمند", "کاربران سالمند", "دشواری سالمندان با خدمات مجازی."),
         ("پیک", "امانت بدون تماس", "تحویل کتاب بدون تماس.")]


def add_suggestions(study) -> None:
    from codebook.suggestions import prompt
    from codebook.suggestions.store import Suggestions

    repo = Suggestions(study)
    codes = {c.name: c.id for c in study.codes.list()}
    ivs = study.interviews.list()[:2]
    chunks = [(iv.id, [s.id for s in study.transcripts.segments(iv.id)]) for iv in ivs]
    run = repo.new_run(server="http://127.0.0.1:8080/v1", model="gemma-3-270m", prompt_version=prompt.PROMPT_VERSION,
                       prompt=prompt.template(), code_ids=sorted({codes[c] for _, c, _ in PICKS}), pseudonymised=True,
                       chunks=chunks)
    for chunk, (iid, ids) in zip(repo.chunks(run.id), chunks, strict=True):
        found = []
        for sid in ids:
            text = study.transcripts.segment(sid).text
            for m in re.finditer(r"[^.؟!]+[.؟!]?", text):
                sentence = m.group(0).strip()
                for word, code, reason in PICKS:
                    if word in sentence and not any(f["segment_id"] == sid for f in found):
                        start = text.index(sentence)
                        found.append({"interview_id": iid, "code_id": codes[code], "segment_id": sid,
                                      "start": start, "end": start + len(sentence), "quote": sentence,
                                      "reason": reason, "anchor": "exact"})
        repo.finish_chunk(chunk.id, "done", found, proposed=len(found) + 1, dropped=1)


def main(lang: str = "fa", out: str | None = None) -> int:
    from PySide6.QtCore import QCoreApplication, QSettings

    from desktop.app import make_app

    out_dir = Path(out) if out else ROOT / "docs" / "screenshots"
    out_dir.mkdir(parents=True, exist_ok=True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(Path(os.environ["MOSAHEBEH_DATA_DIR"]) / "qsettings"))
    app = make_app(lang)  # noqa: F841 - kept alive while the windows are drawn

    from codebook import Study
    from codebook.demo import build_demo
    from desktop.context import StudyContext
    from desktop.main_window import MainWindow
    from desktop.settings import Settings
    from desktop.suggest.run_dialog import SuggestDialog
    from desktop.suggest.server_box import LlmServer, llm_server, save_llm_server

    tmp = Path(tempfile.mkdtemp(prefix="mosahebeh-shots-"))
    study = Study.open(build_demo(tmp / "demo.mosahebeh"))
    add_suggestions(study)
    settings = Settings()
    save_llm_server(settings, LlmServer("http://127.0.0.1:8080", "gemma-3-270m", False))
    ctx = StudyContext(study)

    def settle(n: int = 20) -> None:
        for _ in range(n):
            QCoreApplication.processEvents()

    mw = MainWindow(ctx, settings)
    mw.resize(1366, 768)
    mw.show()
    settle()
    mw.open_transcript(study.interviews.list()[0].id)
    mw.suggestions_dock.show()
    mw.suggestions_dock.raise_()
    mw.resize(1366, 768)
    settle()
    mw.suggestions.tree.topLevelItem(0).setSelected(True)
    settle()
    mw.grab().save(str(out_dir / f"suggestions-{lang}.png"))
    dialog = SuggestDialog(ctx, llm_server(settings), mw, interview_id=study.interviews.list()[0].id)
    dialog.resize(720, 520)
    dialog.show()
    settle()
    dialog.grab().save(str(out_dir / f"suggest-dialog-{lang}.png"))
    print(f"suggestions-{lang}.png suggest-dialog-{lang}.png")
    study.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
