"""Issue #11 in the window: a text edit and a coding applied in the transcript editor, with every view
of the main window told, run the same SQL statements in a 2-interview and a 30-interview study.

The window runs in a process of its own (tests/scale/window_counts.py), real widgets offscreen, so the
count holds only what the app does, and no window outlives its study in this test process."""
from __future__ import annotations

import collections
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _counts(study) -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "tests.scale.window_counts", str(study.folder)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _shape(statements: list[str]) -> collections.Counter:
    return collections.Counter(re.sub(r"\d+", "N", q)[:120] for q in statements)


def test_an_edit_and_a_coding_in_the_editor_cost_the_same_in_a_large_study(studies, team_studies):
    """... and in a large study coded by three coders (the agreement tab, shown once, computes in
    its worker on a connection of its own and, hidden, only marks itself stale on an edit)."""
    small, large = (_counts(s) for s in studies)
    team = _counts(team_studies[1])
    for step in ("edit", "code"):
        a = small[step]["statements"]
        for other in (large, team):
            b = other[step]["statements"]
            assert len(a) == len(b) > 0, (step, _shape(b) - _shape(a), _shape(a) - _shape(b))
            assert not other[step]["full_scans"], other[step]["full_scans"]
