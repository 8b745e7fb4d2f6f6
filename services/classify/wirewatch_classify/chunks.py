"""A batch's items classified chunk by chunk, in the service process or in worker processes.

Without workers, chunks of :data:`INLINE_CHUNK` items are classified in the service
process as the caller asks for them: the caller publishes and stores one chunk while
the next is classified. With worker processes (``WIREWATCH_CLASSIFY_WORKERS``), two
chunks of ``WIREWATCH_CLASSIFY_WORKER_CHUNK`` items are in flight in the workers while
the caller publishes the current one. A worker that dies breaks the pool for good: the
rest of the batch is classified in the service process and a new pool takes the next
batches.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from concurrent.futures.process import BrokenProcessPool

from wirewatch_shared.logging import get_logger

from wirewatch_classify import workers
from wirewatch_classify.batch import Decoded
from wirewatch_classify.engine import Classifier
from wirewatch_classify.live_topics import InForce
from wirewatch_classify.settings import ClassifySettings

log = get_logger(__name__)
INLINE_CHUNK = 250
"""Items classified in the service process before their results are handed on: the
first part of a batch is published while the rest is classified."""

Chunk = list[Decoded]
"""Items of a batch, each with its body as it came."""


class ChunkClassifier:
    """Classifies the chunks of each batch; owns the worker pool, if any."""

    def __init__(self, settings: ClassifySettings) -> None:
        self.settings = settings
        self.pool: workers.WorkerPool | None = None

    async def start(self) -> None:
        """Start the worker processes the settings ask for (none by default)."""
        if self.settings.classify_workers and self.pool is None:
            self.pool = workers.WorkerPool(
                self.settings.classify_workers, self.settings.classify_topics_dir
            )
            await asyncio.to_thread(self.pool.warm_up)

    async def close(self) -> None:
        if self.pool is not None:
            await asyncio.to_thread(self.pool.close)
            self.pool = None

    async def classified(
        self, items: Chunk, topics: InForce
    ) -> AsyncIterator[tuple[Chunk, list[workers.Result]]]:
        """Chunks of the batch with their results, all from ``topics`` (one set of topics
        for the whole batch)."""
        classifier = topics.classifier
        pool = self.pool
        if pool is None:
            for k in range(0, len(items), INLINE_CHUNK):
                chunk = items[k : k + INLINE_CHUNK]
                yield chunk, classify_here(classifier, chunk)
            return
        size = max(1, self.settings.classify_worker_chunk)
        chunks = [items[k : k + size] for k in range(0, len(items), size)]
        definitions, fingerprint = topics.definitions, topics.fingerprint

        def submit(chunk: Chunk) -> asyncio.Future[list[workers.Result]]:
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
                    yield rest, classify_here(classifier, rest)
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
        if self.pool is broken:
            self.pool = workers.WorkerPool(broken.workers, broken.topics_dir)
        await asyncio.to_thread(broken.close)


def classify_here(classifier: Classifier, chunk: Chunk) -> list[workers.Result]:
    """A chunk's results computed in the service process."""
    rows = [(i.title, i.summary, i.language) for _, i in chunk]
    return [workers.encode(classifier, row) for row in rows]
