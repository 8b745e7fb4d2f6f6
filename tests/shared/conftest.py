"""Fixtures for the shared-library tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    """No ``WIREWATCH_`` variable of the suite's, no stray .env, the data dir in tmp_path:
    only what the test sets counts."""
    for key in [k for k in os.environ if k.startswith("WIREWATCH_")]:
        monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WIREWATCH_DATA_DIR", str(tmp_path))
    return monkeypatch
