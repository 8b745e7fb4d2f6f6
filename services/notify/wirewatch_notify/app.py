"""Notify service: a FastStream app that turns classified items into durable deliveries.

The handler records one delivery per matching subscription (idempotent on
(subscription, item)) and only then lets FastStream commit the offset; the
delivery worker sends them and retries failures on a schedule.
Run alone with ``wirewatch notify`` or
``faststream run wirewatch_notify.app:create_app --factory``.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Awaitable, Callable, Collection
from typing import Any, TypeVar

from faststream import FastStream
from sqlalchemy.engine import Connection, Engine
from wirewatch_shared import streams
from wirewatch_shared.deadletter import DeadLetters
from wirewatch_shared.events import ClassifiedItem, FeedItem, FlightRecordEvent, StoryEvent
from wirewatch_shared.failures import Backoff, BatchGuard
from wirewatch_shared.instrument import instrument_channels
from wirewatch_shared.logging import get_logger
from wirewatch_shared.service import ServiceBase, service_app

from wirewatch_notify import flight_alerts, outbox, story_versions
from wirewatch_notify.channels.base import Channel
from wirewatch_notify.channels.registry import build_channels
from wirewatch_notify.links import LinkSigner
from wirewatch_notify.payloads import alert_envelope
from wirewatch_notify.rules import RuleCache
from wirewatch_notify.secrets import SecretBox, load_secret_key
from wirewatch_notify.settings import NotifySettings
from wirewatch_notify.story_alerts import lock_and_read, story_deliveries
from wirewatch_notify.timing import release_at
from wirewatch_notify.worker import DeliveryWorker

log = get_logger(__name__)
BATCH_MAX_RECORDS = 100
BATCH_TIMEOUT_MS = 50
# Batches and fetches are kept small: what a burst costs in memory is what is held at
# once (prefetched records, validated items, envelopes, the insert's parameters), while
# the per-batch overhead (one rules check, one transaction, one offset commit) is
# already small at 100 messages. Per partition and fetch (aiokafka's default is 1 MB):
# a classified item is ~2 KB, so one round over the partitions still fills a batch.
MAX_PARTITION_FETCH_BYTES = 128 * 1024
T = TypeVar("T")


class NotifyService(ServiceBase[NotifySettings]):
    def __init__(self, settings: NotifySettings, engine: Engine | None = None) -> None:
        super().__init__(settings, engine, client="notify")
        secret_key = load_secret_key(settings)
        self.box = SecretBox(secret_key)
        self.links = LinkSigner(secret_key, settings.public_base_url)
        # Metrics: every attempt counted by channel and outcome, alert freshness observed.
        self.channels: dict[str, Channel] = instrument_channels(build_channels(settings))
        self.worker = DeliveryWorker(self.engine, self.channels, self.box, settings, self.links)
        self.run_while_up(self.worker.run)
        self.rules = RuleCache(self.engine)
        # The topic names a subscription may use (classify's shipped and user topics),
        # given by the composition root; None: not checked (notify cannot know them).
        self.topic_catalog: Callable[[], Collection[str]] | None = None
        # Each consumer: decode, record, commit; a refused record is dead-lettered, a
        # transient failure (database down) commits nothing and is read again after a
        # backoff (wirewatch_shared.failures.BatchGuard).
        self.guard = self._consume(
            streams.CLASSIFIED,
            settings.consumer_group,
            "recording deliveries failed",
            ClassifiedItem.model_validate_json,
            self.handle_batch,
        )
        # Story-mode subscriptions: alerts from story events (keyed by story id, so one
        # story's events come in order).
        self.story_guard = self._consume(
            streams.STORIES,
            settings.story_consumer_group,
            "recording story alerts failed",
            StoryEvent.model_validate_json,
            self.handle_story_events,
        )
        # Route subscriptions: one alert per (subscription, flight record), recorded in
        # the outbox before the offsets are committed.
        self.routes = flight_alerts.RouteCache(self.engine)
        self.flight_guard = self._consume(
            streams.FLIGHTS,
            streams.GROUP_NOTIFY_FLIGHTS,
            "recording flight alerts failed",
            FlightRecordEvent.model_validate_json,
            self.handle_flights,
            title="flight-records",
        )

    def _consume(
        self,
        stream: str,
        group: str,
        what: str,
        decode: Callable[[bytes], T],
        handle: Callable[[list[T]], Awaitable[None]],
        **options: Any,
    ) -> BatchGuard[T]:
        """A consumer with notify's batch bounds, retried every delivery tick."""
        return self.consume(
            stream,
            group,
            what,
            decode,
            handle,
            max_records=BATCH_MAX_RECORDS,
            batch_timeout_ms=BATCH_TIMEOUT_MS,
            backoff=Backoff(base_s=self.settings.delivery_tick_s),
            max_partition_fetch_bytes=MAX_PARTITION_FETCH_BYTES,
            **options,
        )

    @property
    def stories_handled(self) -> int:
        """Story events' messages fully processed (offsets committed)."""
        return self.story_guard.handled

    @property
    def dead_letters(self) -> DeadLetters:
        """The classified-item consumer's dead letters."""
        return self.guard.dead_letters

    async def handle_flights(self, events: list[FlightRecordEvent]) -> None:
        added = await asyncio.to_thread(self._record_flights, events) if events else 0
        if added:
            log.info("flight alerts recorded", new=added)
            self.worker.notify_recorded()

    def _record_flights(self, events: list[FlightRecordEvent]) -> int:
        # Even with no route subscription: the versions read are kept, so a route
        # subscription made later never gets a late, older version's alert.
        routes = self.routes.get()
        timings = self.rules.timings() if routes else {}
        now = self.worker.clock()
        return flight_alerts.record_alerts(self.engine, events, routes, timings, now=now)

    def known_topics(self) -> Collection[str] | None:
        """The topic catalogue now (blocking: reads the database), or None."""
        return self.topic_catalog() if self.topic_catalog is not None else None

    async def handle_story_events(self, events: list[StoryEvent]) -> None:
        """Record the story-mode alerts of a batch of story events (idempotent)."""
        if not events:
            return
        added, due_now = await asyncio.to_thread(self._record_stories, events)
        if added:
            log.info("story alerts recorded", events=len(events), new=added)
            if due_now:
                self.worker.notify_recorded()

    def _record_stories(self, events: list[StoryEvent]) -> tuple[int, bool]:
        # One connection and transaction for the batch: the rules check, the locks, the
        # stories' newest states, the alerts already opened and the insert (each its own
        # checkout was three pool pings and three commits per batch; at 100 items/s the
        # batches are of one or two events).
        now = self.worker.clock()
        with self.engine.begin() as conn:
            index, reads = lock_and_read(conn, self.rules, {e.story_id for e in events})
            if reads is None:
                # Nothing to decide, but the states are kept: a story-mode subscription
                # made later never gets a late event's older story.
                story_versions.record_states(conn, events, now=now)
                return 0, False
            current = story_versions.current(conn, events, reads.positions)
            story_versions.record_states(conn, events, now=now)
            new = story_deliveries(current, index, reads.opened, now=now)
            routes = self.routes.get()  # route subscriptions get flight records, not stories
            new = [d for d in new if d.subscription_id not in routes]
            if not new:
                return 0, False
            due_now = any(d.hold_until is None and not d.cancelled for d in new)
            return outbox.insert_deliveries(conn, new), due_now

    async def handle_classified(self, classified: ClassifiedItem) -> None:
        """Record a delivery per matching subscription (idempotent)."""
        await self.handle_batch([classified])

    async def handle_batch(self, batch: list[ClassifiedItem]) -> None:
        """Record the deliveries of many items in one transaction (idempotent)."""
        batch = [c for c in batch if c.matches]
        if not batch:
            return
        # One trip to a worker thread: the rules check, the matching and the insert.
        matched, added, due_now = await asyncio.to_thread(self._record, batch)
        if not matched:
            return
        log.info(
            "deliveries recorded",
            item_id=batch[0].item.item_id if len(batch) == 1 else None,
            items=len(batch),
            matched=matched,
            new=added,
        )
        if added and due_now:
            # Held alerts (quiet hours, digests) are released on the worker's tick: a
            # wake for them would only run an empty claim.
            self.worker.notify_recorded()

    def _record(self, batch: list[ClassifiedItem]) -> tuple[int, int, bool]:
        with self.engine.begin() as conn:  # the rules check and the insert: one checkout
            return self._record_on(conn, batch)

    def _record_on(self, conn: Connection, batch: list[ClassifiedItem]) -> tuple[int, int, bool]:
        index = self.rules.index(conn)
        now = self.worker.clock()
        new: list[outbox.NewDelivery] = []
        keys: list[tuple[int, str | None]] = []
        routes = self.routes.get()
        for classified in batch:
            key = repost_key(classified.item)
            for sub_id, matches in index.matches_for(classified).items():
                if sub_id in routes:
                    continue  # a route subscription gets flight records, not items
                new.append(
                    outbox.NewDelivery(
                        sub_id,
                        classified.item.item_id,
                        alert_envelope(classified, matches, now=now),
                        hold_until=release_at(index.timings[sub_id], now),
                    )
                )
                keys.append((sub_id, key))
        new = _without_reposts(conn, new, keys)
        if not new:
            return 0, 0, False
        due_now = any(d.hold_until is None for d in new)
        return len(new), outbox.insert_deliveries(conn, new), due_now

    async def on_shutdown(self) -> None:
        await super().on_shutdown()  # the delivery worker has stopped
        for channel in self.channels.values():
            await channel.aclose()


def repost_key(item: FeedItem) -> str | None:
    """What makes two items the same article for an item-mode alert: its link and its
    headline (whitespace and case folded). An outlet that re-posts an article under a new
    guid, or carries it in two feeds, makes two items of it; a feed whose entries all
    link to one page still has one per headline. None without a link."""
    if not item.link:
        return None
    title = " ".join(item.title.split()).casefold()
    digest = hashlib.sha256(f"{item.link.strip()}\n{title}".encode()).hexdigest()[:32]
    return f"repost:{digest}"


def _without_reposts(
    conn: Connection, new: list[outbox.NewDelivery], keys: list[tuple[int, str | None]]
) -> list[outbox.NewDelivery]:
    """``new`` less the alerts of an article the subscription was already alerted to
    (its repost key taken, by an earlier item or one before in the batch). The keys are
    cancelled outbox rows: de-duplicated, kept and purged like the alerts themselves."""
    taken = outbox.take_keys(conn, [(sub_id, key) for sub_id, key in keys if key is not None])
    kept = []
    for delivery, (sub_id, key) in zip(new, keys, strict=True):
        if key is None:
            kept.append(delivery)
        elif (sub_id, key) in taken:
            taken.discard((sub_id, key))  # the first item of the batch that has it
            kept.append(delivery)
    return kept


def create_app(settings: NotifySettings | None = None) -> FastStream:
    return service_app(NotifyService, settings or NotifySettings())
