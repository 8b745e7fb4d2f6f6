"""Clause 2 of ``RULE.md`` (stround54b): a pytest plugin setting ``scoring.ROUND_54B`` to the
``ROUND_54B`` environment variable in every process (xdist workers load it too), so the floors
run with the candidate on without editing the module's default.

    ROUND_54B=A PYTHONPATH=bench/stories_round54b .venv/bin/pytest -p switch54b tests/stories/
"""

from __future__ import annotations

import os

import pytest


def pytest_configure(config: pytest.Config) -> None:
    from wirewatch_stories import scoring

    vars(scoring)["ROUND_54B"] = os.environ["ROUND_54B"]  # the switch while measured
