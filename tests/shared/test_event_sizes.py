"""Every event fits one record by its bounds, and a list bound tightened for that still
reads an older producer's longer list (stop 38).

A ``FlightRecordEvent`` at its bounds (50 sources, 200 evidence phrases, 10 conflicts, 512-
character item ids, 2000-character titles) was ~3.9 MB, over the producer's 1 MiB record
limit: a record with many sources was dead-lettered on every update. Since stop 39 every
event fits, a user topic's definition too (tests/classify/test_user_topic_limits.py).
The largest valid instance of each event model is built from its own bounds, with the widest
characters JSON has (``\\x01`` is written as six bytes), and sized as the producer sizes a
record (value, twice the key, the overhead)."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import UTC, date, datetime
from typing import Any, Literal

import pytest
from annotated_types import Ge, MaxLen
from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo
from sqlalchemy.engine import Engine
from wirewatch_flights import store
from wirewatch_shared import events
from wirewatch_shared.events import FlightEvidence, FlightRecordEvent, FlightSource
from wirewatch_shared.producer import MAX_RECORD_BYTES, record_size

from tests.flights.support import dev_items, observation
from tests.shared.support import EVENTS
from wirewatch.schema import upgrade

WIDE = "\x01"  # JSON writes it \u0001: six bytes for one character, the most there is
NOW = datetime(2026, 12, 6, 23, 59, 59, 999999, tzinfo=UTC)
WIDES = [c for c in map(chr, range(1, 32)) if len(json.dumps(c)) == 8]
"""Control characters JSON writes as six bytes: distinct keys of a dict, each as wide."""
WIDEST_KEY = ("\U0010ffff" * events.ITEM_ID_MAX).encode()
"""The longest key bytes: an item id (the longest key bound) of four-byte characters."""


def _meta(metadata: list[Any], kind: type | str) -> Any:
    for m in metadata:
        if isinstance(m, FieldInfo):
            found = _meta(list(m.metadata), kind)
            if found is not None:
                return found
        elif isinstance(kind, str):
            if getattr(m, kind, None) is not None:
                return getattr(m, kind)
        elif isinstance(m, kind):
            return m
    return None


def _max_len(metadata: list[Any]) -> int:
    bound = _meta(metadata, MaxLen)
    found = bound.max_length if bound is not None else _meta(metadata, "max_length")
    assert found is not None, f"unbounded: {metadata}"
    return int(found)


def _split(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation, *extra = typing.get_args(annotation)
        metadata = [*metadata, *extra]
    return annotation, metadata


def largest(annotation: Any, metadata: list[Any]) -> Any:
    """The valid value of ``annotation`` whose JSON is longest."""
    annotation, metadata = _split(annotation, metadata)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [largest(a, metadata) for a in args if a is not type(None)]
        return max(options, key=lambda v: len(TypeAdapter(Any).dump_json(v)))
    if origin is Literal:
        return max(args, key=lambda a: len(json.dumps(a)))
    if origin in (tuple, list):
        return [largest(args[0], [])] * _max_len(metadata)
    if origin is dict:
        value = largest(args[1], [])
        width = _max_len(list(typing.get_args(args[0])[1:]))
        return {WIDES[i] + WIDE * (width - 1): value for i in range(_max_len(metadata))}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {
            name: largest(f.annotation, list(f.metadata))
            for name, f in annotation.model_fields.items()
        }
    if annotation is str:
        return "ZZ" if _meta(metadata, "pattern") else WIDE * _max_len(metadata)
    if annotation is bool:
        return False
    if annotation is int:  # 64-bit columns hold every int field
        return 2**63 - 1 if _meta(metadata, Ge) is not None else -(2**63)
    if annotation is float:
        return 0.12345678901234568
    if annotation is date:
        return date(2026, 12, 6)
    if annotation is datetime or "AwareDatetime" in repr(annotation):
        return NOW
    raise TypeError(f"no largest value for {annotation!r}")


def estimate(annotation: Any, metadata: list[Any]) -> int:
    """The JSON bytes of ``largest(annotation)``, counted without building it."""
    annotation, metadata = _split(annotation, metadata)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return max(estimate(a, metadata) if a is not type(None) else 4 for a in args)
    if origin in (tuple, list, dict):
        n = _max_len(metadata)
        one = estimate(args[0], []) + (1 + estimate(args[1], []) if origin is dict else 0)
        return 2 + n * one + max(n - 1, 0)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        fields = annotation.model_fields
        members = sum(
            len(k) + 3 + estimate(f.annotation, list(f.metadata)) for k, f in fields.items()
        )
        return 2 + members + len(fields) - 1
    return len(TypeAdapter(Any).dump_json(largest(annotation, metadata)))


@pytest.mark.parametrize("model", EVENTS, ids=lambda cls: cls.__name__)
def test_the_largest_valid_event_fits_one_record(model: type[BaseModel]) -> None:
    worst = estimate(model, [])
    event = model.model_validate(largest(model, []))
    body = event.model_dump_json().encode()
    assert len(body) == worst  # the count is right where it can be checked
    assert record_size(WIDEST_KEY, body) <= MAX_RECORD_BYTES, (model.__name__, len(body))


def test_the_estimate_counts_what_pydantic_writes() -> None:
    """Checked on a model too large to build cheaply, through one member of each list."""
    match = events.TopicMatch.model_validate(
        {
            "topic": WIDE * events.TOPIC_NAME_MAX,
            "score": 0.12345678901234568,
            "evidence": [largest(events.Evidence, [])],
            "rules": [WIDE * events.RULE_NAME_MAX],
        }
    )
    one = len(match.model_dump_json().encode())
    evidence = estimate(events.Evidence, [])
    rule = 2 + 6 * events.RULE_NAME_MAX
    n, k = events.MATCH_EVIDENCE_MAX, events.MATCH_RULES_MAX
    assert estimate(events.TopicMatch, []) == one + (n - 1) * (evidence + 1) + (k - 1) * (rule + 1)


def _source(i: int) -> dict[str, Any]:
    return {"item_id": f"item-{i}", "outlet": "AP", "title": f"Flight {i}", "published": NOW}


def _evidence(i: int) -> dict[str, Any]:
    return {
        "field": "origin",
        "value": "US",
        "phrase": "from the United States",
        "item_id": f"item-{i}",
        "source": "title",
        "start": 0,
        "end": 22,
    }


def test_an_older_flight_record_with_more_sources_still_reads_keeping_the_first() -> None:
    """Before stop 38 a record event listed up to 50 sources and 200 evidence phrases: such
    an event on the stream still validates, with the first ones the new bounds keep."""
    old = {
        "change": "updated",
        "record_id": "r1",
        "version": 7,
        "status": "completed",
        "conflicts": [{"field": "origin", "values": ["US", "MX"]}],
        "evidence": [_evidence(i) for i in range(200)],
        "sources": [_source(i) for i in range(50)],
        "source_count": 50,
        "updated_at": NOW,
    }
    event = FlightRecordEvent.model_validate_json(json.dumps(old, default=str))
    assert [s.item_id for s in event.sources] == [f"item-{i}" for i in range(16)]
    assert event.sources == tuple(FlightSource(**_source(i)) for i in range(16))
    assert len(event.sources) == events.FLIGHT_MAX_SOURCES
    assert event.evidence == tuple(FlightEvidence(**_evidence(i)) for i in range(50))
    assert event.source_count == 50


@pytest.mark.integration
def test_a_flight_record_with_many_wide_sources_publishes_an_event_that_fits(
    engine: Engine,
) -> None:
    """Through the flights store (SQLite and PostgreSQL): 60 reports of one flight, each
    with a title, link and item id at their bounds. Before stop 38 the event listed 50 of
    them, ~1.6 MB, and every update of the record was dead-lettered."""
    upgrade(engine)
    [obj] = dev_items("fl-0060")
    obs, source = observation(obj, "big-story")
    wide = dataclasses.replace(
        source, title=WIDE * events.TITLE_MAX, link=WIDE * events.URL_MAX, outlet=WIDE * 256
    )
    event = None
    for n in range(60):
        item_id = f"{n:03d}" + WIDE * (events.ITEM_ID_MAX - 3)
        event = store.record_observation(engine, dataclasses.replace(obs, item_id=item_id), wide)
    assert event is not None and event.source_count == 60
    body = event.model_dump_json().encode()
    assert record_size(event.record_id.encode(), body) <= MAX_RECORD_BYTES, len(body)
    assert [s.item_id[:3] for s in event.sources] == [f"{n:03d}" for n in range(16)]
    assert FlightRecordEvent.model_validate_json(body) == event  # what goes on the wire
