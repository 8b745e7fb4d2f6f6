"""Classify service: a FastStream app that tags feed items with topics.

Consumes ``streams.ITEMS`` in batches (group ``streams.GROUP_CLASSIFY``), publishes
one :class:`ClassifiedItem` per item to ``streams.CLASSIFIED`` and commits the
batch's offsets only after every publish is confirmed (a failed publish rewinds the
batch, after a backoff, instead of committing past it). A message that is not a valid
FeedItem, or whose ClassifiedItem is over the record size limit, goes to
``streams.DEAD_LETTER`` once, never retried.

User topics come from the ``classify_user_topic`` table (read on start and
re-read every few seconds) and from the control topic, which every classify
process reads in full (no consumer group), so a new topic applies without a
restart. Run alone with ``faststream run wirewatch_classify.app:create_app --factory``.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections import Counter
from collections.abc import AsyncIterator
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime
from typing import Any

from aiokafka.errors import MessageSizeTooLargeError
from faststream import AckPolicy, FastStream
from pydantic import ValidationError
from sqlalchemy.engine import Engine
from wirewatch_shared import memory, metrics, streams
from wirewatch_shared.broker import raw_bodies, whole_message
from wirewatch_shared.deadletter import DeadLetters
from wirewatch_shared.events import FeedItem, TopicDefinitionEvent
from wirewatch_shared.failures import LETTERED_MAX, Backoff
from wirewatch_shared.health import group_subscriber
from wirewatch_shared.logging import get_logger
from wirewatch_shared.producer import MAX_RECORD_BYTES, KeyedProducer
from wirewatch_shared.service import PARTITION_FETCH_BYTES, ServiceBase, service_app

from wirewatch_classify import batch, itemstore, user_topics, workers
from wirewatch_classify.encoding import timestamp_json
from wirewatch_classify.engine import Classifier
from wirewatch_classify.settings import ClassifySettings

log = get_logger(__name__)
_CONTROL_BATCH = 500
"""Control events applied per classifier rebuild (a restart replays the whole log)."""
_INLINE_CHUNK = 250
"""Items classified in the service process before their results are handed on: the
first part of a batch is published while the rest is classified."""


class ClassifyService(ServiceBase[ClassifySettings]):
    """Owns the broker, the classifier and the user-topic refresh task of one process."""

    def __init__(self, settings: ClassifySettings, engine: Engine | None = None) -> None:
        super().__init__(settings, engine, client="classify")  # arenas, engine, broker
        self.base_classifier = Classifier.load(settings.classify_topics_dir)
        self.classifier = self.base_classifier
        # User topics from two sources: the table (authoritative, polled) and the
        # control topic (instant); see user_topics.Sources for which one wins.
        self._sources = user_topics.Sources()
        self._table_fingerprint: str | None = None
        self._effective: dict[str, user_topics.Definition] = {}
        self._fingerprint = user_topics.fingerprint([])
        self._pool: workers.WorkerPool | None = None
        # Classified items go out in one record batch per partition (the one publish path).
        self.producer = KeyedProducer(settings, client_suffix="classify-out")
        self._saving: asyncio.Future[None] | None = None  # the last batch's store write
        self.idle_trims = [memory.IdleTrim()]  # its one consumer's (handle_items)
        self.run_while_up(self._poll_user_topics)
        self.dead_letter_publisher = self.broker.publisher(
            streams.DEAD_LETTER, title="dead-letter", description="Undecodable messages"
        )
        self.dead_letters = DeadLetters(
            self.dead_letter_publisher, streams.ITEMS, streams.GROUP_CLASSIFY
        )
        self.backoff = Backoff()
        self._lettered: set[bytes] = set()
        """Bad records dead-lettered (confirmed) whose batch was not acked yet: a retried
        batch does not send them again."""
        group_subscriber(
            self.broker,
            streams.ITEMS,
            group_id=streams.GROUP_CLASSIFY,
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
        self.broker.subscriber(
            streams.TOPIC_DEFINITIONS,
            batch=True,
            max_records=_CONTROL_BATCH,
            decoder=raw_bodies,
            title="topic-definitions",
            **settings.consumer_options(),  # type: ignore[arg-type]
        )(self.handle_definitions)

    # -- items ---------------------------------------------------------------------

    async def on_batch(self, message: Any) -> None:
        """One consumed batch: handled, then its offsets committed (ack); or, when it
        fails (the broker away: it cannot be a bad record, those are dead-lettered),
        nothing committed and the batch read again after a backoff (nack), one log line
        per retry. ``Any``: see ``ServiceBase.consume``."""
        bodies: list[bytes] = message.body
        try:
            await self.handle_items(bodies)
        except Exception as exc:
            if len(self._lettered) > LETTERED_MAX:
                self._lettered.clear()
            what = "classifying a batch failed; it is read again"
            await asyncio.sleep(self.backoff.failed(what, exc, messages=len(bodies)))
            await message.nack()
            return
        self.backoff.succeeded()
        await message.ack()
        if self._lettered:
            self._lettered.difference_update(bodies)

    async def handle_items(self, bodies: list[bytes]) -> None:
        """Classify a batch; returns only when every publish is confirmed (then the
        subscriber commits the batch's offsets).

        The ClassifiedItems go to the output producer as one record batch per
        partition (:class:`KeyedProducer`); the futures of the whole batch are awaited
        together below, before the commit."""
        self.idle_trims[0].batch_started()
        items, bad = batch.decode(bodies)
        pending: list[Any] = [await self._dead_letter(body, exc) for body, exc in bad]
        output = batch.BatchOutput(
            timestamp_json(datetime.now(UTC)), self.settings.classify_store_items
        )
        debug = logging.getLogger(__name__).isEnabledFor(logging.DEBUG)
        async for chunk, results in self._classified_chunks(items):
            pending.extend(await self.producer.send(streams.CLASSIFIED, output.add(chunk, results)))
            if output.too_large:  # a bad record: dead-lettered, never retried
                pending.extend([await self._too_large(*big) for big in output.too_large])
                output.too_large.clear()
            if debug:
                _log_matches(chunk, results)
            await asyncio.sleep(0)  # let the sender start on this chunk
        # The batch's items are stored by one statement that runs without the GIL
        # (itemstore.save_items), beside the classification of the next batch: only the
        # previous batch's write is awaited here, so at most one write is in flight
        # and a crash can leave at most one batch out of the history (the store is
        # history for reclassify, not the pipeline: its failures are logged and the
        # pipeline goes on either way).
        records = output.records
        saving = asyncio.ensure_future(self._save(records)) if records else None
        try:
            await asyncio.gather(*pending)
        finally:
            previous, self._saving = self._saving, saving
            if previous is not None:
                await previous
        _count(output.tagged, output.matched, len(items))
        self.idle_trims[0].batch_done(len(bodies))

    async def flush_store(self) -> None:
        """Wait for the last batch's store write (it runs beside the next batch)."""
        saving, self._saving = self._saving, None
        if saving is not None:
            await saving

    async def _save(self, records: list[batch.ItemRecord]) -> None:
        """Keep the items for reclassify. The store is history, not the pipeline: a
        database failure is logged and the batch still completes (a publish failure,
        by contrast, fails the batch so it is redelivered)."""
        try:
            await asyncio.to_thread(itemstore.save_items, self.engine, records)
        except Exception as exc:
            log.error(
                "item store write failed; items not kept for reclassify",
                error=str(exc).splitlines()[0] if str(exc) else type(exc).__name__,
                items=len(records),
                first_item_id=records[0].item_id,
            )

    async def _classified_chunks(
        self, items: list[tuple[bytes, FeedItem]]
    ) -> AsyncIterator[tuple[list[tuple[bytes, FeedItem]], list[workers.Result]]]:
        """Chunks of the batch with their results. With worker processes, the next
        chunks are classified while the caller publishes the current one; without,
        the caller publishes and stores a chunk while the next one is classified."""
        classifier = self.classifier  # one set of topics for the whole batch
        pool = self._pool
        if pool is None:
            for k in range(0, len(items), _INLINE_CHUNK):
                chunk = items[k : k + _INLINE_CHUNK]
                yield chunk, _classify_here(classifier, chunk)
            return
        size = max(1, self.settings.classify_worker_chunk)
        chunks = [items[k : k + size] for k in range(0, len(items), size)]
        definitions, fingerprint = list(self._effective.values()), self._fingerprint

        def submit(chunk: list[tuple[bytes, FeedItem]]) -> asyncio.Future[list[workers.Result]]:
            rows = [(i.title, i.summary, i.language) for _, i in chunk]
            return asyncio.wrap_future(pool.submit(rows, fingerprint, definitions))

        in_flight = [submit(c) for c in chunks[:2]]  # keep the workers busy
        for k, chunk in enumerate(chunks):
            try:
                results = await in_flight[k]
            except BrokenProcessPool as exc:
                # A worker died (OOM killer, a kill): the pool is broken for good. The
                # rest of the batch is classified here, a new pool takes the next ones.
                for abandoned in in_flight[k + 1 :]:
                    abandoned.cancel()  # failed too: nobody reads them
                await self._replace_pool(pool, exc)
                for rest in chunks[k:]:
                    yield rest, _classify_here(classifier, rest)
                return
            if k + 2 < len(chunks):
                in_flight.append(submit(chunks[k + 2]))
            yield chunk, results

    async def _replace_pool(self, broken: workers.WorkerPool, exc: BaseException) -> None:
        log.error(
            "classify worker process died; a new worker pool takes over, the batch in"
            " hand is classified in the service process",
            error=str(exc),
        )
        if self._pool is broken:
            self._pool = workers.WorkerPool(broken.workers, broken.topics_dir)
        await asyncio.to_thread(broken.close)

    async def _too_large(self, body: bytes, size: int) -> asyncio.Future[Any]:
        error = MessageSizeTooLargeError(
            f"its ClassifiedItem would be a record of {size} bytes, over the"
            f" {MAX_RECORD_BYTES}-byte record limit"
        )
        return await self._dead_letter(body, error)

    async def _dead_letter(self, body: bytes, exc: Exception) -> asyncio.Future[Any]:
        """The dead letter's future (already done when an earlier try of the batch sent it)."""
        if body in self._lettered:
            done: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
            done.set_result(None)
            return done
        future: asyncio.Future[Any] = await self.dead_letters.send(body, exc, no_confirm=True)
        future.add_done_callback(lambda sent: self._lettered_if_sent(body, sent))
        return future

    def _lettered_if_sent(self, body: bytes, sent: asyncio.Future[Any]) -> None:
        # Only a confirmed dead letter counts: one lost with the broker is sent again.
        if not sent.cancelled() and sent.exception() is None:
            self._lettered.add(body)

    # -- user topics -----------------------------------------------------------------

    async def handle_definitions(self, bodies: list[bytes]) -> None:
        """A batch of control events, applied in order; the classifier rebuilt once."""
        applied = [name for body in bodies if (name := self._apply_definition(body))]
        if applied:
            self._rebuild()
            log.info(
                "user topics updated from control topic", events=len(applied), topics=applied[:10]
            )

    async def handle_definition(self, body: bytes) -> None:
        await self.handle_definitions([body])

    def _apply_definition(self, body: bytes) -> str | None:
        """The topic name a control event changes, or None (bad, or older than the table)."""
        try:
            event = TopicDefinitionEvent.model_validate_json(body)
            definition = (
                None
                if event.definition is None
                else user_topics.from_event_dict(event.name, event.definition)
            )
        except (ValidationError, ValueError) as exc:
            log.warning("ignored bad topic definition event", error=str(exc).splitlines()[0])
            return None
        if not self._sources.apply_event(event.name, definition, event.changed_at):
            log.info(
                "control event older than the stored topics ignored (the table stands)",
                topic=event.name,
                changed_at=event.changed_at.isoformat(),
            )
            return None
        return event.name

    async def reload_user_topics(self) -> bool:
        """Re-read the table; apply it when it changed since the last read."""
        read_at = datetime.now(UTC)
        definitions, written = await asyncio.to_thread(user_topics.read_table, self.engine)
        fingerprint = user_topics.fingerprint(definitions)
        if fingerprint == self._table_fingerprint:
            return False
        self._table_fingerprint = fingerprint
        self._sources.apply_table(definitions, written, read_at)
        self._rebuild()
        log.info("user topics loaded from table", count=len(definitions))
        return True

    def _rebuild(self) -> None:
        effective = self._sources.effective()
        self._effective = effective
        self._fingerprint = user_topics.fingerprint(list(effective.values()))
        compiled = user_topics.compile_all(list(effective.values()))
        # Swapped in one assignment: a batch in progress keeps the classifier it started with.
        self.classifier = self.base_classifier.with_user_topics(compiled)
        _freeze_long_lived()

    async def _poll_user_topics(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):  # the poll interval elapsed
                await asyncio.wait_for(
                    stop.wait(), timeout=self.settings.classify_user_topics_poll_s
                )
            if stop.is_set():
                return
            try:
                await self.reload_user_topics()
            except Exception as exc:  # a database hiccup must not kill the refresher
                log.warning("user topic reload failed", error=str(exc))

    # -- lifecycle -----------------------------------------------------------------

    async def on_startup(self) -> None:
        await super().on_startup()  # the streams
        await self.reload_user_topics()
        await self.producer.start()
        if self.settings.classify_workers and self._pool is None:
            self._pool = workers.WorkerPool(
                self.settings.classify_workers, self.settings.classify_topics_dir
            )
            await asyncio.to_thread(self._pool.warm_up)

    async def on_shutdown(self) -> None:
        await super().on_shutdown()  # the user-topic refresher has stopped
        await self.flush_store()
        gc.unfreeze()  # the process may go on without this service (tests, `up` stopping)
        if self._pool is not None:
            await asyncio.to_thread(self._pool.close)
            self._pool = None

    async def after_shutdown(self) -> None:
        # After the broker stopped: no batch is being published any more.
        await self.producer.stop()
        await super().after_shutdown()


_YOUNG_COLLECTION_AFTER = 10_000
"""Container allocations (net) between two young collections; CPython's default is 700."""


def _freeze_long_lived() -> None:
    """Take every object alive now out of the garbage collector's generations
    (``gc.freeze``): the compiled classifier and model are ~170,000 container objects
    that live as long as the process, and each full collection, which a batch's
    surviving records trigger every few thousand items, walked all of them (~0.2 s of
    the event loop each). Acyclic, so a classifier replaced later (user topics) is
    still freed by reference counting; the collection first keeps the start's garbage
    out of the frozen set.

    Young collections also run less often (every 10,000 container allocations net of
    frees instead of 700): a 500-item batch keeps ~25,000 containers alive until it
    ends (items, results, records), and collecting every 700 promoted most of them to
    the older generations, whose collections then walked them again."""
    gc.collect()
    gc.freeze()
    young, older, oldest = gc.get_threshold()
    gc.set_threshold(max(_YOUNG_COLLECTION_AFTER, young), older, oldest)


def _count(tagged: Counter[str], matched: int, total: int) -> None:
    """Prometheus counters (wirewatch_classify_items / _items_tagged)."""
    if matched:
        metrics.CLASSIFIED.labels(result="matched").inc(matched)
    if total > matched:
        metrics.CLASSIFIED.labels(result="unmatched").inc(total - matched)
    for topic, count in tagged.items():
        metrics.TAGGED.labels(topic=topic).inc(count)


def _classify_here(
    classifier: Classifier, chunk: list[tuple[bytes, FeedItem]]
) -> list[workers.Result]:
    """A chunk's results computed in the service process."""
    rows = [(i.title, i.summary, i.language) for _, i in chunk]
    return [workers.encode(classifier, row) for row in rows]


def _log_matches(chunk: list[tuple[bytes, FeedItem]], results: list[workers.Result]) -> None:
    for (_, item), result in zip(chunk, results, strict=True):
        if result.topics:
            log.debug("classified", item_id=item.item_id, topics=list(result.topics))


def create_app(settings: ClassifySettings | None = None) -> FastStream:
    return service_app(ClassifyService, settings or ClassifySettings())
