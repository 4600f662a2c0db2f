"""``mosahebeh suggest``: the JSON it prints, pending until accepted, --accept/--reject by ids or all, the key
from MOSAHEBEH_LLM_KEY only, and no Qt loaded."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from codebook import Study
from desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]
CODE = "تعطیلی فیزیکی"


def _ask(demo_path, server, capsys, *extra) -> list[dict]:
    capsys.readouterr()
    assert main(["suggest", "--study", str(demo_path), "--interview", "1", "--codes", CODE, "کمبود بودجه",
                 "--server", server.url, "--server-model", "fake-model", "--json", *extra]) == 0
    out = json.loads(capsys.readouterr().out)
    return out["suggestions"]


def test_suggest_prints_the_json_and_stores_pending(demo_path, fake_server, capsys):
    with Study.open(demo_path) as study:
        codings = study.db.execute("SELECT COUNT(*) FROM codings").fetchone()[0]
    found = _ask(demo_path, fake_server, capsys)
    assert found and all(set(s) == {"id", "code", "segment", "start", "end", "quote", "reason"} for s in found)
    with Study.open(demo_path) as study:
        assert study.db.execute("SELECT COUNT(*) FROM codings").fetchone()[0] == codings
        for s in found:
            assert study.transcripts.segment(s["segment"]).text[s["start"]:s["end"]] == s["quote"]
            assert s["code"] in (CODE, "کمبود بودجه")
    ids = [s["id"] for s in found]
    assert main(["suggest", "--study", str(demo_path), "--accept", f"{ids[0]},{ids[1]}"]) == 0
    assert main(["suggest", "--study", str(demo_path), "--reject", str(ids[2])]) == 0
    assert main(["suggest", "--study", str(demo_path), "--accept", str(ids[2])]) == 2  # already rejected
    capsys.readouterr()
    assert main(["suggest", "--study", str(demo_path), "--list", "--json"]) == 0
    assert [s["id"] for s in json.loads(capsys.readouterr().out)["suggestions"]] == ids[3:]
    assert main(["suggest", "--study", str(demo_path), "--reject", "all"]) == 0
    with Study.open(demo_path) as study:
        rows = study.db.execute("SELECT coder, COUNT(*) FROM codings WHERE coder LIKE 'AI (%' GROUP BY coder").fetchall()
        assert rows == [("AI (fake-model)", 2)]
    capsys.readouterr()
    assert main(["suggest", "--study", str(demo_path), "--paper", "مریم"]) == 0
    sentence = capsys.readouterr().out
    assert "fake-model" in sentence and "2 were accepted" in sentence and "Krippendorff's alpha" in sentence


def test_no_server_no_default_and_bad_ids(demo_path, capsys):
    assert main(["suggest", "--study", str(demo_path), "--interview", "1", "--json"]) == 2
    assert "no default" in capsys.readouterr().err
    assert main(["suggest", "--study", str(demo_path), "--accept", "x1"]) == 2
    assert main(["suggest", "--study", str(demo_path), "--accept", "999"]) == 2


def test_the_command_runs_without_qt_and_takes_the_key_from_the_environment(demo_path, fake_server):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MOSAHEBEH_LLM_KEY": "sekret-from-env"}
    env.pop("QT_QPA_PLATFORM", None)
    code = ("import sys, runpy\nsys.argv = ['mosahebeh'] + sys.argv[1:]\n"
            "try:\n    runpy.run_module('desktop', run_name='__main__')\nexcept SystemExit as exc:\n    code = exc.code\n"
            "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NO-QT', file=sys.stderr)\n"
            "sys.exit(code)\n")
    out = subprocess.run([sys.executable, "-c", code, "suggest", "--study", str(demo_path), "--interview", "1",
                          "--codes", CODE, "--server", fake_server.url, "--server-model", "fake-model", "--json"],
                         env=env, capture_output=True, text=True, timeout=240)
    assert out.returncode == 0, out.stderr
    assert out.stderr.rstrip().endswith("NO-QT")
    assert json.loads(out.stdout)["suggestions"]
    assert fake_server.headers[-1]["Authorization"] == "Bearer sekret-from-env"
    assert "sekret-from-env" not in out.stdout + out.stderr


def test_asking_again_continues_a_run_cut_short(demo_path, fake_server, capsys):
    from codebook.suggestions.store import Suggestions

    fake_server.mode, fake_server.hang_s = "hang", 3
    assert main(["suggest", "--study", str(demo_path), "--interview", "1", "--codes", CODE, "--server",
                 fake_server.url, "--server-model", "fake-model", "--timeout", "0.5", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"suggestions": []}
    fake_server.mode = "quote"
    assert main(["suggest", "--study", str(demo_path), "--interview", "1", "--codes", CODE, "--server",
                 fake_server.url, "--server-model", "fake-model", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["suggestions"]
    with Study.open(demo_path) as study:
        runs = Suggestions(study).runs()
        assert len(runs) == 1 and runs[0].state == "done" and runs[0].failed == 1
