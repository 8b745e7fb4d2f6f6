"""The spliced ClassifiedItem JSON is the event pydantic would write: the same bytes for
any event whose item arrives as pydantic wrote it (every field drawn by hypothesis), and
the same event once decoded for items written any other way."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from wirewatch_classify.encoding import classified_json, timestamp_json
from wirewatch_classify.engine import Classifier
from wirewatch_shared.events import ClassifiedItem, FeedItem

from tests.shared.support import instances


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("ICE deporta a 130 hondureños en un vuelo desde El Paso", "Llegaron a San Pedro Sula."),
        ("Local bakery wins national bread award", ""),
        ('Quotes "and" \\ backslashes \u2028 survive', "ünïcödé ✈"),
    ],
)
def test_round_trip_equals_the_pydantic_event(
    classifier: Classifier, title: str, summary: str
) -> None:
    item = FeedItem(
        item_id="x-1",
        feed_id=3,
        feed_url="https://example.org/f",
        title=title,
        summary=summary,
        link="https://example.org/a",
        categories=("news",),
        published=datetime(2024, 5, 1, 12, 0, tzinfo=timezone(timedelta(hours=-5))),
        fetched_at=datetime(2024, 5, 1, 17, 1, tzinfo=UTC),
        language="es",
    )
    body = b"  " + item.model_dump_json().encode() + b"\n"
    matches, entities = classifier.classify(title, summary, "es")
    now = datetime(2024, 5, 1, 17, 2, 3, 456789, tzinfo=UTC)
    expected = ClassifiedItem(item=item, matches=matches, entities=entities, classified_at=now)
    decoded = ClassifiedItem.model_validate_json(
        classified_json(body, matches, entities, timestamp_json(now))
    )
    assert decoded == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(ClassifiedItem))
def test_every_field_reaches_the_wire_as_pydantic_writes_it(event: ClassifiedItem) -> None:
    body = event.item.model_dump_json().encode()
    wire = classified_json(body, event.matches, event.entities, timestamp_json(event.classified_at))
    assert wire == event.model_dump_json().encode()
    assert ClassifiedItem.model_validate_json(wire) == event
