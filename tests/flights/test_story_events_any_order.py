"""The flights stage reads one story's events in any order to the same record (stop 39).

Story events of one story may be published out of order (two stories processes in a
rebalance). The flights stage takes only an event's own item and its story id from it,
never the story's fields (outlets, counts), and merges a record's observations by their
publication times, not by when they are read: so the order of the events does not matter.
Real reports of one flight (tests/data/flights_dev.jsonl, story
"2025-01-24-us-guatemala-military-flights"), in published order and reversed."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from wirewatch_flights import store
from wirewatch_shared.db import make_engine

from tests.flights.support import observation
from wirewatch.schema import upgrade

STORY = "2025-01-24-us-guatemala-military-flights"
DATA = Path(__file__).parents[1] / "data" / "flights_dev.jsonl"


def _reports() -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in DATA.read_text().splitlines() if line.strip()]
    found = [r for r in rows if r.get("story") == STORY and r.get("flight")]
    return sorted(found, key=lambda r: (r["published"], r["id"]))


def _record(engine: Engine, reports: list[dict[str, Any]]) -> dict[str, Any]:
    upgrade(engine)
    for obj in reports:
        obs, source = observation(obj, "st_guatemala")
        store.record_observation(engine, dataclasses.replace(obs), source)
    events = [store.current_event(engine, obj["id"]) for obj in reports]
    assert all(e is not None for e in events)
    assert len({e.record_id for e in events if e is not None}) == 1  # one flight, one record
    last = events[-1]
    assert last is not None
    # What the record says of the flight; its id, version and times are of the run.
    return last.model_dump(exclude={"record_id", "version", "change", "updated_at"})


@pytest.mark.integration
def test_a_story_read_in_reverse_makes_the_same_record(engine: Engine, tmp_path: Path) -> None:
    reports = _reports()
    assert len(reports) >= 3, len(reports)
    forward = _record(engine, reports)
    other = make_engine(f"sqlite:///{tmp_path / 'reversed.db'}")
    try:
        backward = _record(other, list(reversed(reports)))
    finally:
        other.dispose()
    assert backward == forward
