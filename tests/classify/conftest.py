"""Fixtures for the classify tests."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier
from wirewatch_classify.topicdef import load_topics


@pytest.fixture(scope="session")
def classifier() -> Classifier:
    return Classifier.load()


@pytest.fixture(scope="session")
def rules() -> Classifier:
    """The shipped topic files without the model: what the rule-round tests read."""
    return Classifier(load_topics())
