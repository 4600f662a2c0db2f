"""Fixtures of the fault suite (helpers are in faults_support.py)."""
from __future__ import annotations

import pytest

from faults_support import build_hostile_study


@pytest.fixture
def hostile(tmp_path):
    study = build_hostile_study(tmp_path / "hostile")
    yield study
    study.close()
