"""One batch of the items stream through the classify service.

Its bodies are decoded (a bad one is dead-lettered), classified chunk by chunk
(:mod:`wirewatch_classify.chunks`), and each chunk's ClassifiedItems go to the output
producer as one record batch per partition while the next chunk is classified; a
ClassifiedItem over the record size limit is dead-lettered instead. The batch returns
only when every publish is confirmed (then the consumer commits its offsets), with its
items on their way to the item store (:mod:`wirewatch_classify.history`) and counted.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from wirewatch_shared import memory, metrics, streams
from wirewatch_shared.logging import get_logger
from wirewatch_shared.producer import KeyedProducer

from wirewatch_classify import batch, workers
from wirewatch_classify.chunks import Chunk, ChunkClassifier
from wirewatch_classify.encoding import timestamp_json
from wirewatch_classify.history import ItemHistory
from wirewatch_classify.letters import LettersOnce
from wirewatch_classify.live_topics import LiveTopics

log = get_logger(__name__)


class BatchHandler:
    """Classifies, publishes, stores and counts the items of each batch."""

    def __init__(
        self,
        *,
        topics: LiveTopics,
        chunks: ChunkClassifier,
        producer: KeyedProducer,
        letters: LettersOnce,
        history: ItemHistory,
        idle_trim: memory.IdleTrim,
        store_items: bool,
    ) -> None:
        self.topics = topics
        self.chunks = chunks
        self.producer = producer
        self.letters = letters
        self.history = history
        self.idle_trim = idle_trim
        self.store_items = store_items

    async def handle(self, bodies: list[bytes]) -> None:
        """Classify a batch; returns only when every publish is confirmed.

        The ClassifiedItems go to the output producer as one record batch per
        partition (:class:`KeyedProducer`); the futures of the whole batch are awaited
        together below, before the commit."""
        self.idle_trim.batch_started()
        items, bad = batch.decode(bodies)
        pending: list[Any] = [await self.letters.send(body, exc) for body, exc in bad]
        output = batch.BatchOutput(timestamp_json(datetime.now(UTC)), self.store_items)
        debug = logging.getLogger(__name__).isEnabledFor(logging.DEBUG)
        async for chunk, results in self.chunks.classified(items, self.topics.in_force):
            pending.extend(await self.producer.send(streams.CLASSIFIED, output.add(chunk, results)))
            if output.too_large:  # a bad record: dead-lettered, never retried
                pending.extend([await self.letters.too_large(*big) for big in output.too_large])
                output.too_large.clear()
            if debug:
                _log_matches(chunk, results)
            await asyncio.sleep(0)  # let the sender start on this chunk
        # The batch's write runs beside the classification of the next batch; only the
        # previous batch's is awaited here (see wirewatch_classify.history).
        saving = self.history.write(output.records)
        try:
            await asyncio.gather(*pending)
        finally:
            await self.history.hand_over(saving)
        _count(output.tagged, output.matched, len(items))
        self.idle_trim.batch_done(len(bodies))


def _count(tagged: Counter[str], matched: int, total: int) -> None:
    """Prometheus counters (wirewatch_classify_items / _items_tagged)."""
    if matched:
        metrics.CLASSIFIED.labels(result="matched").inc(matched)
    if total > matched:
        metrics.CLASSIFIED.labels(result="unmatched").inc(total - matched)
    for topic, count in tagged.items():
        metrics.TAGGED.labels(topic=topic).inc(count)


def _log_matches(chunk: Chunk, results: list[workers.Result]) -> None:
    for (_, item), result in zip(chunk, results, strict=True):
        if result.topics:
            log.debug("classified", item_id=item.item_id, topics=list(result.topics))
