"""Running the real ``mosahebeh`` entry point, as the command-line tests do."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def mosahebeh(*args: str, cwd: Path, ok: bool = True, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``mosahebeh ARGS`` in its own process (``python -m desktop``, as ``.venv/bin/mosahebeh``
    does; no display: the commands are headless); with ``ok``, fail unless it exits 0."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run([sys.executable, "-m", "desktop", *args], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=timeout)
    if ok:
        assert result.returncode == 0, f"mosahebeh {' '.join(args)} exited {result.returncode}:\n{result.stderr}"
    return result
