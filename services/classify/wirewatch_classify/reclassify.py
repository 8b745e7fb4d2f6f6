"""Re-run the current topic definitions over stored items (``wirewatch reclassify``).

The classify service keeps every item it classified in ``classify_item`` with
the matches it published. Reclassifying walks the items published since a
date, classifies them again with the current topic files and user topics, and
for each item whose matches differ (a new topic, a changed score or evidence,
or a topic no longer matching) publishes a fresh ClassifiedItem on
``streams.CLASSIFIED`` and records the new matches, so a second run publishes
nothing. A dry run only reports.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic import ValidationError
from sqlalchemy.engine import Engine
from wirewatch_shared.events import ClassifiedItem, FeedItem

from wirewatch_classify import itemstore, user_topics
from wirewatch_classify.encoding import within_bounds
from wirewatch_classify.engine import Classifier

Publisher = Callable[[Sequence[ClassifiedItem]], None]


@dataclass(frozen=True)
class Outcome:
    event: ClassifiedItem
    changed: bool
    previous_topics: tuple[str, ...]


def classifier_with_user_topics(engine: Engine, base: Classifier) -> Classifier:
    definitions = user_topics.list_definitions(engine)
    return base.with_user_topics(user_topics.compile_all(definitions))


def reclassify(engine: Engine, classifier: Classifier, since: datetime) -> Iterator[Outcome]:
    """Classify every stored item published at or after ``since`` again."""
    import json

    now = datetime.now(UTC)
    for row in itemstore.items_since(engine, since):
        try:
            item = FeedItem.model_validate_json(row.item_json)
        except ValidationError:  # written by an older schema; nothing to redo
            continue
        matches, entities = classifier.classify(item.title, item.summary, item.language)
        bounded = within_bounds(matches)
        event = ClassifiedItem(item=item, matches=bounded, entities=entities, classified_at=now)
        previous = json.loads(row.matches_json or "[]")
        yield Outcome(
            event=event,
            changed=itemstore.matches_json(matches) != row.matches_json,
            previous_topics=tuple(str(m.get("topic")) for m in previous),
        )


def republish(
    engine: Engine,
    classifier: Classifier,
    since: datetime,
    publish: Publisher,
    batch: int = 500,
    on_item: Callable[[], None] | None = None,
) -> tuple[int, int]:
    """Publish changed items in batches, then record their new matches; ``on_item`` is
    called for every item examined (progress).

    Returns (items examined, items republished)."""
    examined = republished = 0
    pending: list[ClassifiedItem] = []

    def flush() -> None:
        if not pending:
            return
        publish(pending)
        itemstore.update_matches(
            engine, {e.item.item_id: itemstore.matches_json(e.matches) for e in pending}
        )
        pending.clear()

    for outcome in reclassify(engine, classifier, since):
        examined += 1
        if on_item is not None:
            on_item()
        if outcome.changed:
            republished += 1
            pending.append(outcome.event)
            if len(pending) >= batch:
                flush()
    flush()
    return examined, republished


def kafka_publisher(
    bootstrap: str, timeout_s: float = 30.0
) -> tuple[Publisher, Callable[[], None]]:
    """A synchronous publisher to ``streams.CLASSIFIED``, and its closer.

    It publishes through the services' path (:class:`~wirewatch_shared.producer.KeyedProducer`,
    keyed by item id): an :class:`asyncio.Runner` held open until the closer runs starts
    the producer, runs each publish and stops it, so the caller stays synchronous. Each
    step is bounded by ``timeout_s``; a publish returns once the broker acknowledged every
    record and raises when it refused one."""
    from wirewatch_shared import streams
    from wirewatch_shared.producer import KeyedProducer
    from wirewatch_shared.settings import CommonSettings

    producer = KeyedProducer(CommonSettings(kafka_bootstrap=bootstrap), client_suffix="reclassify")
    runner = asyncio.Runner()
    try:
        runner.run(asyncio.wait_for(producer.start(), timeout_s))
    except BaseException:
        runner.close()
        raise

    def publish(events: Sequence[ClassifiedItem]) -> None:
        records = [(e.item.item_id.encode(), e.model_dump_json().encode()) for e in events]
        runner.run(asyncio.wait_for(producer.publish(streams.CLASSIFIED, records), timeout_s))

    def close() -> None:
        try:
            runner.run(asyncio.wait_for(producer.stop(), timeout_s))
        finally:
            runner.close()

    return publish, close
