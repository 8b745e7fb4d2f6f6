"""Classify service: a FastStream app that tags feed items with topics.

Consumes ``streams.ITEMS`` in batches (group ``streams.GROUP_CLASSIFY`` by default), publishes
one :class:`ClassifiedItem` per item to ``streams.CLASSIFIED`` and commits the
batch's offsets only after every publish is confirmed (a failed publish rewinds the
batch, after a backoff, instead of committing past it). A message that is not a valid
FeedItem, or whose ClassifiedItem is over the record size limit, goes to
``streams.DEAD_LETTER`` once, never retried. A batch's way through the service is
:mod:`wirewatch_classify.handler`'s.

User topics come from the ``classify_user_topic`` table (read on start and
re-read every few seconds) and from the control topic, which every classify
process reads in full (no consumer group), so a new topic applies without a
restart (:mod:`wirewatch_classify.live_topics`). Run alone with
``faststream run wirewatch_classify.app:create_app --factory``.
"""

from __future__ import annotations

import asyncio
from typing import Any

from faststream import AckPolicy, FastStream
from sqlalchemy.engine import Engine
from wirewatch_shared import memory, streams
from wirewatch_shared.broker import raw_bodies, whole_message
from wirewatch_shared.deadletter import DeadLetters
from wirewatch_shared.failures import Backoff
from wirewatch_shared.health import group_subscriber
from wirewatch_shared.producer import KeyedProducer
from wirewatch_shared.service import PARTITION_FETCH_BYTES, ServiceBase, service_app

from wirewatch_classify.chunks import ChunkClassifier
from wirewatch_classify.engine import Classifier
from wirewatch_classify.handler import BatchHandler
from wirewatch_classify.history import ItemHistory
from wirewatch_classify.letters import LettersOnce
from wirewatch_classify.live_topics import LiveTopics
from wirewatch_classify.settings import ClassifySettings

_CONTROL_BATCH = 500
"""Control events applied per classifier rebuild (a restart replays the whole log)."""

CONTROL_FETCH_WAIT_MS = 500
"""Longest a fetch of the control topic waits for data (ms), unless the settings wait
longer. Its events are rare: at the items' wait (``WIREWATCH_KAFKA_FETCH_MAX_WAIT_MS``,
30 ms) its empty fetches took ~8 of the idle service's ~30 ms of CPU a second (stop 44,
``bench/classify_batch44``). A definition applies within this wait on a broker that does
not wake waiting fetches (Tansu), at once on one that does; the table poll is slower."""


class ClassifyService(ServiceBase[ClassifySettings]):
    """Owns the broker, the topics in force, the batch handler and the user-topic refresh."""

    def __init__(self, settings: ClassifySettings, engine: Engine | None = None) -> None:
        super().__init__(settings, engine, client="classify")  # arenas, engine, broker
        self.topics = LiveTopics(settings, self.engine)
        self.chunks = ChunkClassifier(settings)
        # Classified items go out in one record batch per partition (the one publish path).
        self.producer = KeyedProducer(settings, client_suffix="classify-out")
        self.history = ItemHistory(self.engine)
        self.idle_trims = [memory.IdleTrim()]  # its one consumer's (handle_items)
        self.run_while_up(self.topics.poll)
        self.dead_letter_publisher = self.broker.publisher(
            streams.DEAD_LETTER, title="dead-letter", description="Undecodable messages"
        )
        self.dead_letters = DeadLetters(
            self.dead_letter_publisher, streams.ITEMS, settings.classify_consumer_group
        )
        self.letters = LettersOnce(self.dead_letters)
        self.backoff = Backoff()
        self.handler = BatchHandler(
            topics=self.topics,
            chunks=self.chunks,
            producer=self.producer,
            letters=self.letters,
            history=self.history,
            idle_trim=self.idle_trims[0],
            store_items=settings.classify_store_items,
        )
        group_subscriber(
            self.broker,
            streams.ITEMS,
            group_id=settings.classify_consumer_group,
            batch=True,
            max_records=settings.classify_batch_max_records,
            # Acked or nacked by on_batch itself: a failed batch waits out a backoff first.
            ack_policy=AckPolicy.MANUAL,
            decoder=whole_message,
            title="items",
            # Read-ahead per partition as every batch consumer; the whole fetch is bounded
            # by WIREWATCH_KAFKA_FETCH_MAX_BYTES (in consumer_options).
            max_partition_fetch_bytes=PARTITION_FETCH_BYTES,
            **settings.consumer_options(),  # type: ignore[arg-type]
        )(self.on_batch)
        # No group: every classify process reads every definition from the start, in
        # batches: one classifier rebuild per batch, not per event (the start-up replay).
        control = settings.consumer_options()
        control["fetch_max_wait_ms"] = max(control["fetch_max_wait_ms"], CONTROL_FETCH_WAIT_MS)
        self.broker.subscriber(
            streams.TOPIC_DEFINITIONS,
            batch=True,
            max_records=_CONTROL_BATCH,
            decoder=raw_bodies,
            title="topic-definitions",
            **control,  # type: ignore[arg-type]
        )(self.handle_definitions)

    @property
    def classifier(self) -> Classifier:
        """The classifier in force (shipped and user topics)."""
        return self.topics.classifier

    async def on_batch(self, message: Any) -> None:
        """One consumed batch: handled, then its offsets committed (ack); or, when it
        fails (the broker away: it cannot be a bad record, those are dead-lettered),
        nothing committed and the batch read again after a backoff (nack), one log line
        per retry. ``Any``: see ``ServiceBase.consume``."""
        bodies: list[bytes] = message.body
        self.letters.batch_started(message, bodies)
        try:
            await self.handle_items(bodies)
        except Exception as exc:
            self.letters.batch_failed()
            what = "classifying a batch failed; it is read again"
            await asyncio.sleep(self.backoff.failed(what, exc, messages=len(bodies)))
            await message.nack()
            return
        self.backoff.succeeded()
        await message.ack()
        self.letters.batch_acked()

    async def handle_items(self, bodies: list[bytes]) -> None:
        """Classify a batch; returns only when every publish is confirmed."""
        await self.handler.handle(bodies)

    async def flush_store(self) -> None:
        """Wait for the last batch's store write (it runs beside the next batch)."""
        await self.history.flush()

    async def handle_definitions(self, bodies: list[bytes]) -> None:
        """A batch of control events, applied in order; the classifier rebuilt once."""
        self.topics.apply_events(bodies)

    async def handle_definition(self, body: bytes) -> None:
        await self.handle_definitions([body])

    async def reload_user_topics(self) -> bool:
        """Re-read the table; apply it when it changed since the last read."""
        return await self.topics.reload()

    async def on_startup(self) -> None:
        await super().on_startup()  # the streams
        await self.reload_user_topics()
        await self.producer.start()
        await self.chunks.start()  # the worker processes, if any

    async def on_shutdown(self) -> None:
        await super().on_shutdown()  # the user-topic refresher has stopped
        await self.flush_store()
        await self.chunks.close()

    async def after_shutdown(self) -> None:
        # After the broker stopped: no batch is being published any more.
        await self.producer.stop()
        await super().after_shutdown()


def create_app(settings: ClassifySettings | None = None) -> FastStream:
    return service_app(ClassifyService, settings or ClassifySettings())
