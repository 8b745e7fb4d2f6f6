"""Batched persistence of poll results: one transaction per batch instead of per feed.

Every poll ends with a write (health, next check, lease release, confirmed items).
At hundreds of polls a second those writes would dominate, so they are group-
committed through :func:`wirewatch_ingest.store.write_results`. A poll task awaits
its own result's write, so "polled" always means "recorded".
"""

from __future__ import annotations

import asyncio
import functools
from concurrent.futures import Executor

from sqlalchemy.engine import Engine
from wirewatch_shared.logging import get_logger

from wirewatch_ingest import store
from wirewatch_ingest.models import utcnow

log = get_logger(__name__)

_Row = store.SuccessRow | store.FailureRow


class ResultWriter:
    """Group commit: a write starts a flush at once if none is running; writes that
    arrive meanwhile go together in the next flush (at most ``max_batch`` per
    transaction). No fixed delay, and batches grow with the load."""

    def __init__(
        self,
        engine: Engine,
        owner: str,
        executor: Executor | None,
        *,
        max_batch: int = 256,
    ) -> None:
        self.engine = engine
        self.owner = owner
        self.executor = executor
        self.max_batch = max_batch
        self._pending: list[tuple[_Row, asyncio.Future[None]]] = []
        self._flusher: asyncio.Task[None] | None = None

    async def write(self, row: _Row) -> None:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        self._pending.append((row, future))
        if self._flusher is None or self._flusher.done():
            self._flusher = loop.create_task(self._flush_all())
        await asyncio.shield(future)

    async def _flush_all(self) -> None:
        while self._pending:
            batch = self._pending[: self.max_batch]
            del self._pending[: self.max_batch]
            await self._flush(batch)

    async def _flush(self, batch: list[tuple[_Row, asyncio.Future[None]]]) -> None:
        successes = [row for row, _ in batch if isinstance(row, store.SuccessRow)]
        failures = [row for row, _ in batch if isinstance(row, store.FailureRow)]
        call = functools.partial(
            store.write_results,
            self.engine,
            owner=self.owner,
            now=utcnow(),
            successes=successes,
            failures=failures,
        )
        try:
            updated = await asyncio.get_running_loop().run_in_executor(self.executor, call)
        except Exception as exc:
            log.exception("writing poll results failed", results=len(batch))
            for _, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        if updated < len(batch):
            log.warning("leases lost before results were recorded", lost=len(batch) - updated)
        for _, future in batch:
            if not future.done():
                future.set_result(None)

    async def aclose(self) -> None:
        if self._flusher is not None:
            await asyncio.gather(self._flusher, return_exceptions=True)
