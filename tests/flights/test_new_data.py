"""tests/data/flights_new.jsonl (the never-seen flight set of 2026-12-03, see
tests/data/README.md) stays well formed and apart from the sets the extractor was built on."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.test_events_data import (
    FLIGHT_ITEM_FIELDS,
    SPANISH_SHARE,
    STATUSES,
    _check_common,
)
from tests.test_events_data import (
    test_flight_items_are_well_formed as check_flight_items,
)

DATA = Path(__file__).resolve().parents[1] / "data"
NEW = DATA / "flights_new.jsonl"
CHECK = DATA / "flights_check.jsonl"
UNSEEN = DATA / "flights_unseen.jsonl"
EARLIER = ("flights_dev.jsonl", "stories_dev.jsonl", "stories_new.jsonl", "stories_check.jsonl")


def _load(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        pytest.skip(f"{path.name} is missing")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_new_flight_items_are_well_formed() -> None:
    items = _load(NEW)
    check_flight_items(items)
    for item in items:
        assert list(item) == FLIGHT_ITEM_FIELDS, item["id"]
        _check_common(item, "fl-")
    assert [i for i, n in Counter(i["id"] for i in items).items() if n > 1] == []
    assert [i for i, n in Counter(i["link"] for i in items).items() if n > 1] == []


def test_new_flight_set_is_apart_and_balanced() -> None:
    items = _load(NEW)
    links = {i["link"] for i in items}
    for name in EARLIER:
        earlier = _load(DATA / name)
        assert links.isdisjoint(i["link"] for i in earlier), name
        assert {i["id"] for i in items}.isdisjoint(i["id"] for i in earlier), name
    reports = [i for i in items if i["flight"] is not None]
    assert len(items) >= 112 and len(reports) >= 81 and len(items) - len(reports) >= 31
    spanish = sum(i["lang"] == "es" for i in items) / len(items)
    assert SPANISH_SHARE[0] <= spanish <= SPANISH_SHARE[1]
    assert set(Counter(i["flight"]["status"] for i in reports)) == STATUSES


def test_check_set_is_well_formed_and_apart() -> None:
    items = _load(CHECK)
    check_flight_items(items)
    for item in items:
        assert list(item) == FLIGHT_ITEM_FIELDS, item["id"]
        _check_common(item, "fl-")
    links = {i["link"] for i in items}
    assert len(links) == len(items)
    for name in (*EARLIER, "flights_new.jsonl", "stories_fresh.jsonl"):
        earlier = _load(DATA / name)
        assert links.isdisjoint(i["link"] for i in earlier), name
        assert {i["id"] for i in items}.isdisjoint(i["id"] for i in earlier), name
    reports = [i for i in items if i["flight"] is not None]
    assert len(items) >= 37 and len(reports) >= 27


def test_unseen_set_is_well_formed_and_apart() -> None:
    items = _load(UNSEEN)
    check_flight_items(items)
    for item in items:
        assert list(item) == FLIGHT_ITEM_FIELDS, item["id"]
        _check_common(item, "fl-")
    links = {i["link"] for i in items}
    assert len(links) == len(items)
    for name in (
        *EARLIER,
        "flights_new.jsonl",
        "flights_check.jsonl",
        "stories_fresh.jsonl",
        "stories_unseen.jsonl",
    ):
        earlier = _load(DATA / name)
        assert links.isdisjoint(i["link"] for i in earlier), name
        assert {i["id"] for i in items}.isdisjoint(i["id"] for i in earlier), name
    reports = [i for i in items if i["flight"] is not None]
    assert len(items) >= 54 and len(reports) >= 40
    assert set(Counter(i["flight"]["status"] for i in reports)) == STATUSES
