"""Group commit of delivery outcomes: many sends, one transaction.

A delivery's slot is freed only once its outcome is committed, so "in flight"
always means "not yet durably recorded". Batching the commits keeps the database
from capping the send rate without weakening that rule.
"""

from __future__ import annotations

import asyncio

from sqlalchemy.engine import Engine

from wirewatch_notify.outcomes import Outcome, record_outcomes


class OutcomeRecorder:
    def __init__(self, engine: Engine, *, max_batch: int = 500) -> None:
        self.engine = engine
        self.max_batch = max_batch
        self._queue: list[tuple[Outcome, asyncio.Future[None]]] = []
        self._ready = asyncio.Event()
        self._running = False

    async def record(self, outcome: Outcome) -> None:
        """Returns once ``outcome`` is committed (raises if the write failed)."""
        if not self._running:
            await asyncio.to_thread(record_outcomes, self.engine, [outcome])
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.append((outcome, future))
        self._ready.set()
        await future

    async def record_many(self, outcomes: list[Outcome]) -> None:
        """Returns once every outcome is committed (raises if a write failed)."""
        if not self._running:
            await asyncio.to_thread(record_outcomes, self.engine, outcomes)
            return
        loop = asyncio.get_running_loop()
        futures: list[asyncio.Future[None]] = []
        for outcome in outcomes:
            future: asyncio.Future[None] = loop.create_future()
            self._queue.append((outcome, future))
            futures.append(future)
        self._ready.set()
        await asyncio.gather(*futures)

    async def run(self, stop: asyncio.Event) -> None:
        """Commit queued outcomes until ``stop`` is set and the queue is empty."""
        self._running = True
        try:
            while True:
                if not self._queue:
                    if stop.is_set():
                        return
                    self._ready.clear()
                    waiters = [
                        asyncio.ensure_future(self._ready.wait()),
                        asyncio.ensure_future(stop.wait()),
                    ]
                    await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
                    for waiter in waiters:
                        waiter.cancel()
                    continue
                batch, self._queue = self._queue[: self.max_batch], self._queue[self.max_batch :]
                try:
                    await asyncio.to_thread(record_outcomes, self.engine, [o for o, _ in batch])
                except Exception as exc:
                    for _, future in batch:
                        if not future.done():
                            future.set_exception(exc)
                else:
                    for _, future in batch:
                        if not future.done():
                            future.set_result(None)
        finally:
            self._running = False
            for _, future in self._queue:
                if not future.done():
                    future.set_exception(RuntimeError("outcome recorder stopped"))
            self._queue = []
