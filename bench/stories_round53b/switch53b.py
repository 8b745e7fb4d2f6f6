"""Clause 2 of ``RULE.md`` (stround53b): a pytest plugin setting ``cluster.ROUND_53B`` to the
``ROUND_53B`` environment variable in every process (xdist workers load it too), so the floors
run with a candidate on without editing the module's default.

    ROUND_53B=AC PYTHONPATH=bench/stories_round53b .venv/bin/pytest -p switch53b tests/stories/
"""

from __future__ import annotations

import os

import pytest


def pytest_configure(config: pytest.Config) -> None:
    from wirewatch_stories import cluster

    vars(cluster)["ROUND_53B"] = os.environ["ROUND_53B"]  # the switch while measured (gone now)
