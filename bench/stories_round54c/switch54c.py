"""Clause 2 of ``RULE.md`` (stround54c): a pytest plugin setting ``scoring.ROUND_54C`` to the
``ROUND_54C`` environment variable in every process (xdist workers load it too).

    ROUND_54C=C PYTHONPATH=bench/stories_round54c .venv/bin/pytest -p switch54c tests/stories/
"""

from __future__ import annotations

import os

import pytest


def pytest_configure(config: pytest.Config) -> None:
    from wirewatch_stories import scoring

    vars(scoring)["ROUND_54C"] = os.environ["ROUND_54C"]  # the switch while measured
