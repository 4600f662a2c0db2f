"""Fixtures shared by every test folder: a fresh study, and a fresh copy of the demo study.

The per-user data folder is redirected to a temporary folder for the whole run
(MOSAHEBEH_DATA_DIR), so tests never touch the real one; Qt runs offscreen.
"""
from __future__ import annotations

import faulthandler
import gc
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_DATA = Path(tempfile.mkdtemp(prefix="mosahebeh-test-data-"))
os.environ["MOSAHEBEH_DATA_DIR"] = str(_DATA)
HANG_S = 600  # beyond pytest-timeout's 300 s: its watchdog comes first whenever Python can still run


@pytest.fixture(autouse=True)
def _hang_watchdog():
    """A test stuck with the GIL held cannot be stopped by pytest-timeout (its thread needs the GIL):
    seen once, a Qt Multimedia audio thread and the main thread waiting on each other while another
    run's PulseAudio was up. faulthandler's C watchdog then prints every thread's stack and exits,
    so a run fails in minutes with the place named instead of hanging until CI's limit."""
    faulthandler.dump_traceback_later(HANG_S, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture
def study(tmp_path):
    """An empty study in a temporary folder."""
    from codebook import Study

    s = Study.create(tmp_path / "study", name="test")
    yield s
    s.close()


@pytest.fixture(scope="session")
def _demo_master(tmp_path_factory) -> Path:
    from codebook.demo import build_demo

    return build_demo(tmp_path_factory.mktemp("demo-master") / "demo")


@pytest.fixture
def demo_path(_demo_master, tmp_path) -> Path:
    """A fresh copy of the demo study folder (built once per run)."""
    target = tmp_path / "demo.mosahebeh"
    shutil.copytree(_demo_master, target)
    return target


@pytest.fixture(autouse=True)
def _no_windows_left_behind():
    """Delete every top-level widget a test leaves, after its fixtures closed their studies.

    A window left alive still answers events: the next test switching the UI
    language sends it a layout change, its views ask their models for data from
    a closed study, and PySide6 crashes reporting that error."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in app.topLevelWidgets():
        widget.hide()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # Collect the Python side of what was just deleted now, at a quiet point: left to a later,
    # arbitrary collection (inside another test's SQLite call) it crashed PySide6 with a segfault,
    # reproducibly after tests/scale then tests/coding in one process.
    gc.collect()


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_DATA, ignore_errors=True)
