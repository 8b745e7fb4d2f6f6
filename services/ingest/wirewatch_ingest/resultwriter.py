"""Batched persistence of polls: one transaction per batch instead of per feed.

Every poll ends with a write (health, next check, lease release, confirmed items),
and every poll that found items first claims them. At hundreds of polls a second
those would dominate, so both are group-committed: results through
:func:`wirewatch_ingest.feedstore.write_results`, claims through
:func:`wirewatch_ingest.feedstore.claim_items_many`. A poll task awaits its own
write, so "polled" always means "recorded".

Polls that parsed a document (200) arrive a few a second per parser process, each
long after the last, so their writes would never share a transaction: they wait up
to ``linger_s`` (20 ms, small next to a parse) for company. 304s and errors are
written at once (with whatever is waiting), so the warm path never lingers.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
from collections.abc import Mapping, Sequence
from concurrent.futures import Executor
from datetime import datetime

from sqlalchemy.engine import Engine
from wirewatch_shared.clock import utcnow
from wirewatch_shared.logging import get_logger

from wirewatch_ingest import feedstore

log = get_logger(__name__)

_Row = feedstore.SuccessRow | feedstore.FailureRow
LINGER_S = 0.02


class _Linger:
    """The wait of a group commit: up to ``linger_s``, cut short by an urgent entry or a
    full batch."""

    def __init__(self, linger_s: float) -> None:
        self.linger_s = linger_s
        self.urgent = asyncio.Event()

    async def wait(self) -> None:
        if self.linger_s > 0 and not self.urgent.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.urgent.wait(), self.linger_s)
        self.urgent.clear()


class ResultWriter:
    """Group commit: a write starts a flush if none is running; writes that arrive
    meanwhile go together in the next flush (at most ``max_batch`` per transaction).
    A ``linger`` write (a parsed poll) waits up to ``linger_s`` for others first."""

    def __init__(
        self,
        engine: Engine,
        owner: str,
        executor: Executor | None,
        *,
        max_batch: int = 256,
        linger_s: float = LINGER_S,
    ) -> None:
        self.engine = engine
        self.owner = owner
        self.executor = executor
        self.max_batch = max_batch
        self._linger: _Linger | None = None
        self._linger_s = linger_s
        self._pending: list[tuple[_Row, asyncio.Future[None]]] = []
        self._flusher: asyncio.Task[None] | None = None

    async def write(self, row: _Row, *, linger: bool = False) -> None:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        self._pending.append((row, future))
        if self._linger is None:
            self._linger = _Linger(self._linger_s)
        if not linger or len(self._pending) >= self.max_batch:
            self._linger.urgent.set()
        if self._flusher is None or self._flusher.done():
            self._flusher = loop.create_task(self._flush_all())
        await asyncio.shield(future)

    async def _flush_all(self) -> None:
        while self._pending:
            assert self._linger is not None
            await self._linger.wait()
            batch = self._pending[: self.max_batch]
            del self._pending[: self.max_batch]
            await self._flush(batch)

    async def _flush(self, batch: list[tuple[_Row, asyncio.Future[None]]]) -> None:
        successes = [row for row, _ in batch if isinstance(row, feedstore.SuccessRow)]
        failures = [row for row, _ in batch if isinstance(row, feedstore.FailureRow)]
        call = functools.partial(
            feedstore.write_results,
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


_Claim = tuple[int, Sequence[str], datetime, "asyncio.Future[list[str]]", Mapping[str, str]]
"""One poll's claim: feed id, item ids, time, its answer, the items' legacy ids."""


class ItemClaimer:
    """Group commit of item claims (:func:`wirewatch_ingest.feedstore.claim_items_many`):
    claims that arrive within ``linger_s`` of each other share one transaction."""

    def __init__(
        self,
        engine: Engine,
        owner: str,
        executor: Executor | None,
        *,
        stale_after_s: float,
        max_ids: int = 4000,
        linger_s: float = LINGER_S,
    ) -> None:
        self.engine = engine
        self.owner = owner
        self.executor = executor
        self.stale_after_s = stale_after_s
        self.max_ids = max_ids
        self._linger_s = linger_s
        self._linger: _Linger | None = None
        self._pending: list[_Claim] = []
        self._pending_ids = 0
        self._flusher: asyncio.Task[None] | None = None

    async def claim(
        self,
        feed_id: int,
        item_ids: Sequence[str],
        now: datetime,
        legacy_ids: Mapping[str, str] | None = None,
    ) -> list[str]:
        """The ids among ``item_ids`` this process should publish (see ``claim_items``)."""
        if not item_ids:
            return []
        loop = asyncio.get_running_loop()
        future: asyncio.Future[list[str]] = loop.create_future()
        self._pending.append((feed_id, item_ids, now, future, legacy_ids or {}))
        self._pending_ids += len(item_ids)
        if self._linger is None:
            self._linger = _Linger(self._linger_s)
        if self._pending_ids >= self.max_ids:
            self._linger.urgent.set()
        if self._flusher is None or self._flusher.done():
            self._flusher = loop.create_task(self._flush_all())
        return await asyncio.shield(future)

    async def _flush_all(self) -> None:
        while self._pending:
            assert self._linger is not None
            await self._linger.wait()
            batch: list[_Claim] = []
            count = 0
            while self._pending and (not batch or count + len(self._pending[0][1]) <= self.max_ids):
                entry = self._pending.pop(0)
                batch.append(entry)
                count += len(entry[1])
            self._pending_ids -= count
            await self._flush(batch)

    async def _flush(self, batch: list[_Claim]) -> None:
        call = functools.partial(
            feedstore.claim_items_many,
            self.engine,
            [(feed_id, ids) for feed_id, ids, *_ in batch],
            owner=self.owner,
            now=max(now for _, _, now, *_ in batch),
            stale_after_s=self.stale_after_s,
            legacy_ids=[legacy for *_, legacy in batch],
        )
        try:
            results = await asyncio.get_running_loop().run_in_executor(self.executor, call)
        except Exception as exc:
            for *_, future, _legacy in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        for (*_, future, _legacy), claimed in zip(batch, results, strict=True):
            if not future.done():
                future.set_result(claimed)

    async def aclose(self) -> None:
        if self._flusher is not None:
            await asyncio.gather(self._flusher, return_exceptions=True)
