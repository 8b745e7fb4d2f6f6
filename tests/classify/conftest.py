"""Fixtures for the classify tests."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier


@pytest.fixture(scope="session")
def classifier() -> Classifier:
    return Classifier.load()
