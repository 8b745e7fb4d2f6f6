"""Parsing off the event loop: a process pool (one worker per core by default).

feedparser is pure Python and CPU-bound, so parsing in threads would hold the
GIL and stall fetching. Workers return compact results — each item already
serialised to its ``FeedItem`` JSON — so the event-loop process does almost
no per-item work. Tiny bodies are parsed in a thread (cheaper than the
round trip). A parse that runs past ``timeout_s`` gets its worker processes
replaced; a crashed worker pool is rebuilt and the parse retried once. Each worker
reports its pid when it starts (the pool's initializer), so the pool terminates
exactly its own processes through public ``multiprocessing`` APIs.
"""

from __future__ import annotations

import asyncio
import functools
import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime

from wirewatch_shared import lifeline
from wirewatch_shared.events import FeedItem
from wirewatch_shared.logging import get_logger

from wirewatch_ingest.items import FeedParseError
from wirewatch_ingest.parsing import parse_feed

log = get_logger(__name__)
_SOURCE = {"source_name", "source_url"}


@dataclass(frozen=True, slots=True)
class OutgoingItem:
    """One item ready to publish: its id (the message key) and its ``FeedItem`` JSON."""

    item_id: str
    payload: bytes

    def feed_item(self) -> FeedItem:
        return FeedItem.model_validate_json(self.payload)

    @classmethod
    def from_item(cls, item: FeedItem) -> OutgoingItem:
        # An item that names no source of its own is sent as before these fields existed.
        unsourced = item.source_name is None and item.source_url is None
        return cls(
            item.item_id, item.model_dump_json(exclude=_SOURCE if unsourced else None).encode()
        )


@dataclass(frozen=True, slots=True)
class ParseOutcome:
    title: str
    language: str | None
    version: str
    bozo_reason: str | None
    ttl_s: float | None
    published_times: tuple[datetime, ...]
    items: tuple[OutgoingItem, ...]
    """Every entry of the document, in order (duplicates included)."""
    legacy_ids: dict[str, str]
    """Item id -> its id before identity was scoped per feed."""
    former_ids: dict[str, tuple[str, ...]]
    """Item id -> other ids it may have been published under (see ``ParsedFeed``)."""


@dataclass(frozen=True, slots=True)
class ParseJob:
    """One fetched body to parse, with the feed it came from (sent to a worker as is)."""

    body: bytes
    feed_id: int
    feed_url: str
    fetched_at: datetime
    headers: dict[str, str]
    id_url: str | None = None
    """The URL item ids are scoped to when the feed has moved since it was added."""


def parse_for_publish(job: ParseJob) -> ParseOutcome:
    """Runs in a worker: parse, normalise, serialise."""
    parsed = parse_feed(
        job.body,
        feed_id=job.feed_id,
        feed_url=job.feed_url,
        fetched_at=job.fetched_at,
        headers=job.headers,
        id_url=job.id_url,
    )
    return ParseOutcome(
        title=parsed.title,
        language=parsed.language,
        version=parsed.version,
        bozo_reason=parsed.bozo_reason[:500] if parsed.bozo_reason else None,
        ttl_s=parsed.ttl_s,
        published_times=parsed.published_times,
        items=tuple(OutgoingItem.from_item(item) for item in parsed.items),
        legacy_ids=parsed.legacy_ids,
        former_ids=parsed.former_ids,
    )


def _warm_up() -> int:
    return os.getpid()


def _worker_start(parent_pid: int, pids: multiprocessing.SimpleQueue[int]) -> None:
    """Initializer of every worker: die with the parent, and report this pid."""
    lifeline.worker_initializer(parent_pid)
    pids.put(os.getpid())


def _mp_context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["wirewatch_ingest.parsepool"])
        return ctx
    return multiprocessing.get_context("spawn")


@dataclass
class _Workers:
    """One executor and the pids its workers reported (they start on demand)."""

    executor: ProcessPoolExecutor
    reported: multiprocessing.SimpleQueue[int]
    pids: set[int] = field(default_factory=set)

    @classmethod
    def start(cls, workers: int) -> _Workers:
        context = _mp_context()
        reported: multiprocessing.SimpleQueue[int] = context.SimpleQueue()
        executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_worker_start,
            initargs=(os.getpid(), reported),
        )
        return cls(executor, reported)

    def worker_pids(self) -> set[int]:
        while not self.reported.empty():
            self.pids.add(self.reported.get())
        return set(self.pids)

    def kill(self) -> None:
        """Terminate the workers (a stuck parse never returns) and drop the executor."""
        pids = self.worker_pids()
        for process in multiprocessing.active_children():
            if process.pid in pids:
                process.terminate()
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.reported.close()


class ParsePool:
    """``await pool.parse(ParseJob(...))``; ``workers=0`` parses in threads only."""

    def __init__(
        self, workers: int, *, inline_max_bytes: int = 4096, timeout_s: float = 30.0
    ) -> None:
        self.workers = workers
        self.inline_max_bytes = inline_max_bytes
        self.timeout_s = timeout_s
        self._workers: _Workers | None = None

    @property
    def _executor(self) -> ProcessPoolExecutor | None:
        return self._workers.executor if self._workers is not None else None

    def _new_executor(self) -> ProcessPoolExecutor:
        self._workers = _Workers.start(self.workers)
        return self._workers.executor

    def worker_pids(self) -> set[int]:
        """The pids of the worker processes started so far (empty before any)."""
        return self._workers.worker_pids() if self._workers is not None else set()

    def start(self) -> None:
        """Start the worker processes now (blocking; otherwise on first use)."""
        if self.workers <= 0 or self._executor is not None:
            return
        executor = self._new_executor()
        for future in [executor.submit(_warm_up) for _ in range(self.workers * 2)]:
            future.result(timeout=60)

    def _replace_executor(self, reason: str) -> None:
        workers, self._workers = self._workers, None
        if workers is not None:
            log.warning("replacing parser processes", reason=reason)
            workers.kill()
        self._new_executor()

    async def parse(self, job: ParseJob) -> ParseOutcome:
        call = functools.partial(parse_for_publish, job)
        if self.workers <= 0 or len(job.body) <= self.inline_max_bytes:
            return await asyncio.to_thread(call)
        for attempt in (1, 2):
            executor: Executor = self._executor or self._new_executor()
            loop = asyncio.get_running_loop()
            try:
                return await asyncio.wait_for(
                    loop.run_in_executor(executor, call), timeout=self.timeout_s
                )
            except TimeoutError:
                self._replace_executor(f"parse of {job.feed_url} took over {self.timeout_s:g}s")
                raise FeedParseError(f"parse took longer than {self.timeout_s:g}s") from None
            except BrokenProcessPool:
                if executor is self._executor:
                    self._replace_executor("a parser process died")
                if attempt == 2:
                    raise FeedParseError("parser process died") from None
        raise AssertionError("unreachable")

    def close(self) -> None:
        workers, self._workers = self._workers, None
        if workers is not None:
            workers.executor.shutdown(wait=True, cancel_futures=True)
            workers.reported.close()
