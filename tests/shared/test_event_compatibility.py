"""Rolling upgrades: a consumer on the older release reads what a newer producer writes.

Every event model was ``extra="forbid"``, and stop 38 added two optional fields to
``FeedItem`` (``source_name``, ``source_url``): a classify not yet upgraded dead-lettered
every item an upgraded ingest wrote with them. The rule now (docs/architecture.md, "Event
compatibility"): within a ``schema_version`` a reader ignores the fields it does not know;
bounds and types of the fields it knows are still enforced (bad records dead-lettered)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError, create_model
from wirewatch_classify.batch import decode
from wirewatch_shared import events
from wirewatch_shared.events import ClassifiedItem, FeedItem, FlightRecordEvent, TopicMatch

NOW = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
NEW_IN_38 = {"source_name", "source_url"}


def _older(model: type[BaseModel], drop: set[str], **replace: Any) -> type[BaseModel]:
    """``model`` as the release before the new fields defined it: the same fields, bounds
    and configuration, without ``drop`` (and with nested models ``replace``d)."""
    fields: dict[str, Any] = {
        name: (replace.get(name, info.annotation), info)
        for name, info in model.model_fields.items()
        if name not in drop
    }
    for name in replace:
        fields[name] = (replace[name], fields[name][1])
    older: type[BaseModel] = create_model(
        f"Older{model.__name__}", __base__=events._Event, **fields
    )
    return older


OlderFeedItem = _older(FeedItem, NEW_IN_38)
OlderClassifiedItem = _older(ClassifiedItem, set(), item=OlderFeedItem)


def _newer_item() -> FeedItem:
    return FeedItem(
        item_id="a" * 32,
        feed_id=7,
        feed_url="http://127.0.0.1:8080/news.rss",
        title="Deportation flight lands in Guatemala City",
        published=NOW,
        fetched_at=NOW,
        source_name="Prensa Libre",
        source_url="http://127.0.0.1:8080/prensa",
    )


def test_the_older_model_is_the_one_before_stop_38() -> None:
    assert set(FeedItem.model_fields) - set(OlderFeedItem.model_fields) == NEW_IN_38


def test_an_older_consumer_reads_a_newer_producers_feed_item() -> None:
    newer = _newer_item()
    older = OlderFeedItem.model_validate_json(newer.model_dump_json())
    assert older.model_dump() == newer.model_dump(exclude=NEW_IN_38)
    assert "source_name" not in older.model_dump_json()  # dropped, never passed on


def test_an_older_consumer_reads_a_newer_classified_item_with_the_new_fields_nested() -> None:
    newer = ClassifiedItem(
        item=_newer_item(),
        matches=(TopicMatch(topic="repatriation-flights", score=0.9),),
        classified_at=NOW,
    )
    older = OlderClassifiedItem.model_validate_json(newer.model_dump_json())
    assert older.model_dump()["item"] == newer.item.model_dump(exclude=NEW_IN_38)
    assert older.model_dump()["matches"] == tuple(m.model_dump() for m in newer.matches)


def test_classify_decodes_an_item_carrying_a_field_from_a_later_release() -> None:
    """Through classify's own decoder (the model's validator, as its consumer calls it)."""
    body = json.loads(_newer_item().model_dump_json())
    body["paywalled"] = True  # a field no release of this code knows yet
    items, bad = decode([json.dumps(body).encode()])
    assert bad == []
    assert [item.item_id for _, item in items] == ["a" * 32]


@pytest.mark.parametrize(
    "change",
    [
        {"schema_version": 2},  # a breaking change: a new version, refused
        {"title": "x" * (events.TITLE_MAX + 1)},  # a known field over its bound
        {"published": "2026-12-06T08:00:00"},  # a known field of the wrong kind (naive)
    ],
)
def test_a_newer_record_is_still_refused_where_it_breaks_what_the_reader_knows(
    change: dict[str, Any],
) -> None:
    body = {**json.loads(_newer_item().model_dump_json()), "paywalled": True, **change}
    with pytest.raises(ValidationError):
        OlderFeedItem.model_validate_json(json.dumps(body))
    items, bad = decode([json.dumps(body).encode()])
    assert (items, len(bad)) == ([], 1)  # classify dead-letters it


def test_unknown_fields_are_ignored_in_every_event_model() -> None:
    body = {
        "change": "created",
        "record_id": "r1",
        "version": 1,
        "status": "planned",
        "source_count": 1,
        "updated_at": NOW.isoformat(),
        "aircraft": "B737",
        "sources": [{"item_id": "i", "published": NOW.isoformat(), "paywalled": True}],
    }
    event = FlightRecordEvent.model_validate_json(json.dumps(body))
    assert event.sources[0].item_id == "i"
    assert "aircraft" not in event.model_dump_json()
