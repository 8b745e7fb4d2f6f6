"""The classify service's output edge (stop-36 audit): every ClassifiedItem it publishes,
live or by ``reclassify``, is one its consumers accept. A valid FeedItem whose summary
repeats its phrases gave a topic an evidence entry per occurrence, past the event's bound:
stories, flights and notify dead-lettered the item and its alert was lost."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from wirewatch_classify.app import ClassifyService
from wirewatch_classify.engine import Classifier
from wirewatch_classify.reclassify import reclassify
from wirewatch_shared import streams
from wirewatch_shared.events import MATCH_EVIDENCE_MAX, SUMMARY_MAX, ClassifiedItem, FeedItem

from tests.classify.support import feed_item
from tests.classify.test_app import read_stream

pytestmark = pytest.mark.integration

TITLE = "US resumes deportation flights to Venezuela"
SENTENCE = "The deportation flight landed in Caracas with Venezuelan migrants on board. "


def _repetitive(item_id: str) -> FeedItem:
    """A feed whose summary is a whole page repeating the lede (within SUMMARY_MAX)."""
    return feed_item(item_id, TITLE, (SENTENCE * (SUMMARY_MAX // len(SENTENCE)))[:SUMMARY_MAX])


def _flights_match(event: ClassifiedItem) -> tuple[float, int, str]:
    [match] = [m for m in event.matches if m.topic == "repatriation-flights"]
    return match.score, len(match.evidence), match.evidence[0].field


async def test_a_repetitive_item_is_published_as_an_event_its_consumers_accept(
    service: ClassifyService, kafka_bootstrap: str
) -> None:
    item = _repetitive(f"repetitive-{datetime.now(UTC).timestamp()}")
    matches, _ = Classifier.load(None).classify(item.title, item.summary, item.language)
    evidence = {m.topic: len(m.evidence) for m in matches}
    assert evidence["repatriation-flights"] > MATCH_EVIDENCE_MAX  # what the engine finds
    await service.handle_items([item.model_dump_json().encode()])
    key = item.item_id.encode()
    [(_, value)] = await asyncio.to_thread(
        read_stream, kafka_bootstrap, streams.CLASSIFIED, 1, lambda k, _v: k == key
    )
    event = ClassifiedItem.model_validate_json(value)  # what stories, flights, notify do
    score, kept, first = _flights_match(event)
    assert (kept, first) == (MATCH_EVIDENCE_MAX, "title")  # the first ones, in reading order
    assert score == next(m.score for m in matches if m.topic == "repatriation-flights")

    # reclassify republishes it from the item store: the same bounds.
    await service.flush_store()
    since = datetime.now(UTC) - timedelta(hours=1)
    [again] = [o.event for o in reclassify(service.engine, service.classifier, since)]
    republished = ClassifiedItem.model_validate_json(again.model_dump_json())
    assert _flights_match(republished) == (score, MATCH_EVIDENCE_MAX, "title")
