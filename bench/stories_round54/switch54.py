"""Clause 2 of ``RULE.md`` (stround54): a pytest plugin setting ``scoring.ROUND_54`` to the
``ROUND_54`` environment variable in every process (xdist workers load it too), so the floors run
with the candidate on without editing the module's default.

    ROUND_54=A PYTHONPATH=bench/stories_round54 .venv/bin/pytest -p switch54 tests/stories/
"""

from __future__ import annotations

import os

import pytest


def pytest_configure(config: pytest.Config) -> None:
    from wirewatch_stories import scoring

    vars(scoring)["ROUND_54"] = os.environ["ROUND_54"]  # the switch while measured
