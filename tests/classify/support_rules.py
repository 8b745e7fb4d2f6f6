"""Helpers of the classify rule tests (``test_flight_*rules.py``, ``test_policy_*rules.py``)."""

from __future__ import annotations

import json
from pathlib import Path

FLIGHTS = "repatriation-flights"
POLICY = "border-policy"
DATA = Path(__file__).resolve().parents[1] / "data"


def item_summary(name: str, item_id: str) -> str:
    """The lede of a development item, read from its file (long ledes are not copied)."""
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == item_id:
            return str(row["summary"])
    raise AssertionError(f"{item_id} not in {name}")
