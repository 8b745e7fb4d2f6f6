"""Batched persistence of polls: one transaction per batch instead of per feed.

Every poll ends with a write (health, next check, lease release, confirmed items),
and every poll that found items first claims them. At hundreds of polls a second
those would dominate, so both are group-committed: results through
:func:`wirewatch_ingest.feedstore.write_results`, claims through
:func:`wirewatch_ingest.itemclaims.claim_items_detailed`. A poll task awaits its own
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
from collections import deque
from collections.abc import Mapping, Sequence
from concurrent.futures import Executor
from datetime import datetime
from typing import Generic, TypeVar

from sqlalchemy.engine import Engine
from wirewatch_shared.clock import utcnow
from wirewatch_shared.logging import get_logger

from wirewatch_ingest import feedstore, itemclaims

log = get_logger(__name__)

_Row = feedstore.SuccessRow | feedstore.FailureRow
LINGER_S = 0.02
E = TypeVar("E")
R = TypeVar("R")


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


class _GroupCommit(Generic[E, R]):
    """Group commit: a submitted entry starts a flush if none is running; entries that
    arrive meanwhile go together in the next flush, one transaction (``_commit``, in the
    executor) for entries of at most ``max_size`` in total. A lingering entry waits up
    to ``linger_s`` for company first; an urgent one, or a full batch, cuts that short.
    Each submitter awaits the answer of its own entry."""

    failure_event: str | None = None
    """Logged (with the traceback) when a flush fails; every entry of it gets the error."""

    def __init__(
        self, engine: Engine, owner: str, executor: Executor | None, *, max_size: int,
        linger_s: float,
    ) -> None:  # fmt: skip
        self.engine = engine
        self.owner = owner
        self.executor = executor
        self.max_size = max_size
        self._linger_s = linger_s
        self._linger: _Linger | None = None
        self._pending: deque[tuple[E, int, asyncio.Future[R]]] = deque()
        self._pending_size = 0
        self._flusher: asyncio.Task[None] | None = None

    def _commit(self, entries: list[E]) -> list[R]:
        """One transaction for ``entries`` (runs in the executor): one answer each."""
        raise NotImplementedError

    async def _submit(self, entry: E, size: int, *, linger: bool) -> R:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[R] = loop.create_future()
        self._pending.append((entry, size, future))
        self._pending_size += size
        if self._linger is None:
            self._linger = _Linger(self._linger_s)
        if not linger or self._pending_size >= self.max_size:
            self._linger.urgent.set()
        if self._flusher is None or self._flusher.done():
            self._flusher = loop.create_task(self._flush_all())
        return await asyncio.shield(future)

    def _take(self) -> list[tuple[E, int, asyncio.Future[R]]]:
        """The next batch: pending entries in order, at most ``max_size`` in total (at
        least one entry, whatever its size)."""
        batch: list[tuple[E, int, asyncio.Future[R]]] = []
        total = 0
        while self._pending and (not batch or total + self._pending[0][1] <= self.max_size):
            batch.append(self._pending.popleft())
            total += batch[-1][1]
        self._pending_size -= total
        return batch

    async def _flush_all(self) -> None:
        while self._pending:
            assert self._linger is not None
            await self._linger.wait()
            await self._flush(self._take())

    async def _flush(self, batch: list[tuple[E, int, asyncio.Future[R]]]) -> None:
        call = functools.partial(self._commit, [entry for entry, _, _ in batch])
        try:
            answers = await asyncio.get_running_loop().run_in_executor(self.executor, call)
        except Exception as exc:
            if self.failure_event is not None:
                log.exception(self.failure_event, entries=len(batch))
            for *_, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        for (*_, future), answer in zip(batch, answers, strict=True):
            if not future.done():
                future.set_result(answer)

    async def aclose(self) -> None:
        if self._flusher is not None:
            await asyncio.gather(self._flusher, return_exceptions=True)


class ResultWriter(_GroupCommit[_Row, None]):
    """Group commit of poll results (:func:`wirewatch_ingest.feedstore.write_results`),
    at most ``max_batch`` per transaction. A ``linger`` write (a parsed poll) waits up
    to ``linger_s`` for others first."""

    failure_event = "writing poll results failed"

    def __init__(
        self,
        engine: Engine,
        owner: str,
        executor: Executor | None,
        *,
        max_batch: int = 256,
        linger_s: float = LINGER_S,
    ) -> None:
        super().__init__(engine, owner, executor, max_size=max_batch, linger_s=linger_s)

    async def write(self, row: _Row, *, linger: bool = False) -> None:
        await self._submit(row, 1, linger=linger)

    def _commit(self, entries: list[_Row]) -> list[None]:
        updated = feedstore.write_results(
            self.engine,
            owner=self.owner,
            now=utcnow(),
            successes=[row for row in entries if isinstance(row, feedstore.SuccessRow)],
            failures=[row for row in entries if isinstance(row, feedstore.FailureRow)],
        )
        if updated < len(entries):
            log.warning("leases lost before results were recorded", lost=len(entries) - updated)
        return [None] * len(entries)


_Claim = tuple[int, Sequence[str], datetime, Mapping[str, str], Mapping[str, Sequence[str]]]
"""One poll's claim: feed id, item ids, time, the items' legacy ids and former ids."""


class ItemClaimer(_GroupCommit[_Claim, itemclaims.ItemClaims]):
    """Group commit of item claims (:func:`wirewatch_ingest.itemclaims.claim_items_detailed`):
    claims that arrive within ``linger_s`` of each other share one transaction (at most
    ``max_ids`` item ids, unless one claim alone has more)."""

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
        super().__init__(engine, owner, executor, max_size=max_ids, linger_s=linger_s)
        self.stale_after_s = stale_after_s

    async def claim(
        self,
        feed_id: int,
        item_ids: Sequence[str],
        now: datetime,
        legacy_ids: Mapping[str, str] | None = None,
        former_ids: Mapping[str, Sequence[str]] | None = None,
    ) -> itemclaims.ItemClaims:
        """The ids among ``item_ids`` this process should publish (see ``claim_items``),
        and how many others are claimed but not yet published."""
        if not item_ids:
            return itemclaims.ItemClaims([], 0)
        claim = (feed_id, item_ids, now, legacy_ids or {}, former_ids or {})
        return await self._submit(claim, len(item_ids), linger=True)

    def _commit(self, entries: list[_Claim]) -> list[itemclaims.ItemClaims]:
        return itemclaims.claim_items_detailed(
            self.engine,
            [(feed_id, ids) for feed_id, ids, *_ in entries],
            owner=self.owner,
            now=max(now for _, _, now, *_ in entries),
            stale_after_s=self.stale_after_s,
            legacy_ids=[legacy for *_, legacy, _ in entries],
            former_ids=[former for *_, former in entries],
        )
