"""The compline set (tests/data/flights_compline.jsonl): a twentieth never-seen flights set,
gathered and labelled blind on 2026-12-04 (issue 15) and measured with main's extractor before
any change. Its floors sit at the figures measured then (docs/measurements/flights.md), so CI
fails if extraction gets worse on it; nobody has tuned on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from wirewatch_flights.evaluation import score

from tests.flights.split import check_half

COMPLINE = Path(__file__).resolve().parents[1] / "data" / "flights_compline.jsonl"
COMPLINE_SEED = 20261220
"""Fixed before the compline set was measured or any of its errors read (as the nightfall seed)."""


def compline_check_ids() -> frozenset[str]:
    """The check half, drawn as the twilight and nightfall halves (split.check_half)."""
    return check_half(COMPLINE, COMPLINE_SEED)


def _items() -> list[dict[str, object]]:
    if not COMPLINE.exists():
        pytest.skip(f"{COMPLINE} is missing")
    return [json.loads(line) for line in COMPLINE.read_text(encoding="utf-8").splitlines() if line]
