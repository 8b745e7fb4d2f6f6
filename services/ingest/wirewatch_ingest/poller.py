"""The polling loop of one ingest process: claim due feeds (leases), process them
concurrently, repeat. Several processes may run against one database."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import random
import socket
import time
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from urllib.parse import urlsplit

import httpcore
import httpx
from sqlalchemy.engine import Engine
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import is_postgres
from wirewatch_shared.logging import get_logger
from wirewatch_shared.ssrf import Resolver

from wirewatch_ingest import feedstore
from wirewatch_ingest.fetcher import Fetcher, make_http_client
from wirewatch_ingest.parsepool import ParsePool
from wirewatch_ingest.processor import FeedProcessor, PollOutcome, PublishItems
from wirewatch_ingest.scheduling import SchedulePolicy
from wirewatch_ingest.settings import IngestSettings

log = get_logger(__name__)

HOST_QUEUE_FACTOR = 4
"""A host's polls in flight or waiting for a host slot, in host slots
(``host_max_concurrent``); further due feeds of that host wait a tick, unpolled."""

__all__ = ["FeedPoller", "PollOutcome", "PublishItems", "default_owner"]


def default_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _host(url: str) -> str:
    """The politeness key of a feed's host (as :class:`HostPoliteness` spells it)."""
    return (urlsplit(url).hostname or "").rstrip(".")


def _wait_s(exhausted_at: float | None, busy: bool, tick: float) -> float | None:
    """How long the scheduler waits for a finished poll (or stop) before claiming again:
    the rest of the tick after a claim that found too few due feeds, else until a poll
    finishes (or a whole tick when idle)."""
    if exhausted_at is not None:
        return max(0.0, tick - (time.monotonic() - exhausted_at))
    return None if busy else tick


class FeedPoller:
    """Claims due feeds and polls them, at most ``max_concurrent_fetches`` at once."""

    def __init__(
        self,
        engine: Engine,
        settings: IngestSettings,
        publish: PublishItems,
        *,
        client: httpx.AsyncClient | None = None,
        resolver: Resolver | None = None,
        inner_backend: httpcore.AsyncNetworkBackend | None = None,
        parse_pool: ParsePool | None = None,
        owner: str | None = None,
        on_outcome: Callable[[PollOutcome], None] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.owner = owner or settings.worker_id or default_owner()
        self._in_flight: Counter[str] = Counter()
        """Polls started and not finished, per host (see :meth:`_admit`)."""
        self.on_outcome = on_outcome
        self._own_client = client is None
        self.client = client or make_http_client(
            settings, resolver=resolver, inner_backend=inner_backend
        )
        self._own_pool = parse_pool is None
        self.parse_pool = parse_pool or ParsePool(
            settings.parse_workers,
            inline_max_bytes=settings.parse_inline_max_bytes,
            timeout_s=settings.parse_timeout_s,
        )
        # SQLite has one writer at a time: a single DB thread avoids lock contention (and
        # its busy-wait sleeps); PostgreSQL gets a few. Results are batched either way.
        self._db_executor = ThreadPoolExecutor(
            max_workers=4 if is_postgres(engine) else 1, thread_name_prefix="ingest-db"
        )
        self.processor = FeedProcessor(
            engine,
            Fetcher.from_settings(self.client, settings),
            self.parse_pool,
            publish,
            SchedulePolicy.from_settings(settings),
            owner=self.owner,
            stale_after_s=settings.seen_claim_stale_s,
            db_executor=self._db_executor,
            rng=rng,
        )

    async def start(self) -> None:
        """Start the parser processes (otherwise they start on first use)."""
        if self._own_pool:
            await asyncio.to_thread(self.parse_pool.start)

    async def aclose(self) -> None:
        await self.processor.claimer.aclose()
        await self.processor.writer.aclose()
        await asyncio.get_running_loop().run_in_executor(
            self._db_executor, feedstore.release_leases, self.engine, self.owner
        )
        if self._own_client:
            await self.client.aclose()
        if self._own_pool:
            await asyncio.to_thread(self.parse_pool.close)
        self._db_executor.shutdown(wait=False)

    async def _claim(self, limit: int) -> list[feedstore.FeedLease]:
        return await asyncio.get_running_loop().run_in_executor(
            self._db_executor,
            lambda: feedstore.claim_due_feeds(
                self.engine,
                owner=self.owner,
                now=utcnow(),
                limit=limit,
                lease_s=self.settings.lease_s,
            ),
        )

    def _host_done(self, host: str, _task: object) -> None:
        """A poll of ``host`` ended (a done callback: it runs even for a task cancelled
        before it started)."""
        self._in_flight[host] -= 1
        if not self._in_flight[host]:
            del self._in_flight[host]

    async def _poll(self, lease: feedstore.FeedLease) -> PollOutcome:
        outcome = await self.processor.process(lease)
        if self.on_outcome is not None:
            self.on_outcome(outcome)
        return outcome

    async def _admit(self, leases: list[feedstore.FeedLease]) -> list[feedstore.FeedLease]:
        """The claimed feeds to poll now. A feed whose host already has
        ``HOST_QUEUE_FACTOR x host_max_concurrent`` polls in flight or waiting for a host
        slot goes back unpolled, due again in a tick: a slow host with many feeds must
        not hold every fetch slot while its polls wait their turn."""
        cap = HOST_QUEUE_FACTOR * self.settings.host_max_concurrent
        admitted: list[feedstore.FeedLease] = []
        busy: list[int] = []
        for lease in leases:
            host = _host(lease.url)
            if self._in_flight[host] >= cap:
                busy.append(lease.id)
                continue
            self._in_flight[host] += 1
            admitted.append(lease)
        if busy:
            until = utcnow() + timedelta(seconds=self.settings.poll_tick_s)
            try:
                await asyncio.get_running_loop().run_in_executor(
                    self._db_executor,
                    functools.partial(
                        feedstore.defer_feeds, self.engine, busy, owner=self.owner, until=until
                    ),
                )
            except Exception:  # the leases then expire on their own
                log.exception("giving back the feeds of busy hosts failed", feeds=len(busy))
        return admitted

    async def poll_due(
        self, *, until_idle: bool, stop: asyncio.Event | None = None
    ) -> list[PollOutcome]:
        """Claim and poll due feeds until ``stop`` is set, or — with ``until_idle`` — until
        no feed is due and none is in flight. Returns the outcomes in ``until_idle`` mode.

        Claims happen in batches (when an eighth of the slots are free), and after a
        claim that found fewer due feeds than asked (feeds of busy hosts given back do not
        count), not again before ``poll_tick_s``.
        """
        max_active = self.settings.max_concurrent_fetches
        low_water = max(1, max_active // 8)
        tick = self.settings.poll_tick_s
        active: set[asyncio.Task[PollOutcome]] = set()
        outcomes: list[PollOutcome] = []
        wake = asyncio.Event()
        exhausted_at: float | None = None

        def finished(task: asyncio.Task[PollOutcome]) -> None:
            active.discard(task)
            wake.set()
            if task.cancelled():
                return
            if task.exception() is not None:
                log.error("feed poll task failed", error=repr(task.exception()))
            elif until_idle:
                outcomes.append(task.result())

        async def relay_stop() -> None:
            assert stop is not None
            await stop.wait()
            wake.set()

        relay = asyncio.create_task(relay_stop()) if stop is not None else None
        try:
            while stop is None or not stop.is_set():
                wake.clear()
                free = max_active - len(active)
                waited = time.monotonic() - exhausted_at if exhausted_at is not None else tick
                if free >= low_water and (waited >= tick or (until_idle and not active)):
                    leases = await self._admit(await self._claim_logged(free))
                    # Fewer due feeds than asked, or feeds of busy hosts given back: wait.
                    exhausted_at = time.monotonic() if len(leases) < free else None
                    for lease in leases:
                        task = asyncio.create_task(self._poll(lease))
                        active.add(task)
                        task.add_done_callback(finished)
                        task.add_done_callback(functools.partial(self._host_done, _host(lease.url)))
                    if until_idle and not active:
                        break
                    continue
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wake.wait(), _wait_s(exhausted_at, bool(active), tick))
        finally:
            if relay is not None:
                relay.cancel()
            await self._drain(active)
        return outcomes

    async def _claim_logged(self, limit: int) -> list[feedstore.FeedLease]:
        """Claim due feeds; a failed claim is logged and claims nothing this round."""
        try:
            return await self._claim(limit)
        except Exception:
            log.exception("claiming due feeds failed")
            return []

    async def _drain(self, active: set[asyncio.Task[PollOutcome]]) -> None:
        """Let polls in flight finish within the fetch deadline (plus grace), cancel the rest."""
        if not active:
            return
        grace = self.settings.fetch_total_timeout_s + 5.0
        _done, pending = await asyncio.wait(set(active), timeout=grace)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending)

    async def run_until_idle(self) -> list[PollOutcome]:
        return await self.poll_due(until_idle=True)

    async def run(self, stop: asyncio.Event) -> None:
        """The service loop: poll due feeds until ``stop`` is set."""
        log.info(
            "ingest poller started", owner=self.owner, parse_workers=self.settings.parse_workers
        )
        while not stop.is_set():
            try:
                await self.poll_due(until_idle=False, stop=stop)
            except Exception:  # a DB outage must not kill the loop
                log.exception("poll loop failed; restarting")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=self.settings.poll_tick_s)
        log.info("ingest poller stopped", owner=self.owner)
