"""One poll of one claimed feed, end to end:
fetch -> (304 / unchanged: done) -> parse (process pool) -> claim new items ->
publish -> confirm -> record health and the next check. Errors stay with that feed."""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import ParamSpec, TypeVar

from sqlalchemy.engine import Engine
from wirewatch_shared import metrics
from wirewatch_shared.clock import utcnow
from wirewatch_shared.logging import get_logger

from wirewatch_ingest import feedstore, itemclaims
from wirewatch_ingest.fetcher import Fetcher, FetchError, FetchResult
from wirewatch_ingest.items import FeedParseError, UnsafeDocumentError
from wirewatch_ingest.normalize import safe_link
from wirewatch_ingest.parsepool import OutgoingItem, ParseJob, ParsePool
from wirewatch_ingest.resultwriter import ItemClaimer, ResultWriter
from wirewatch_ingest.scheduling import (
    SchedulePolicy,
    ServerHints,
    adaptive_interval,
    next_check_after_failure,
    next_check_after_success,
)

log = get_logger(__name__)

PublishItems = Callable[[Sequence[OutgoingItem]], Awaitable[None]]
"""Publishes items and returns once the broker acknowledged all of them."""

P = ParamSpec("P")
T = TypeVar("T")
PUBLISH_RETRY = timedelta(seconds=60)
GONE = 410
MOVE_AFTER_POLLS = 3
"""Successful polls in a row permanently redirected (301/308) to one URL before the feed's
URL becomes it: one redirect may be a misconfiguration, a week of them is a move."""


@dataclass(frozen=True, slots=True)
class PollOutcome:
    feed_id: int
    url: str
    status: str
    """"200" (or another 2xx), "304", "unchanged", "deferred" or an error status."""
    items: int = 0
    """Entries in the document (duplicates included)."""
    new_items: int = 0
    """Items published by this poll."""
    error: str | None = None
    next_check_at: datetime | None = None
    parked: bool = False
    elapsed_s: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


def failure_status(exc: Exception) -> str:
    if isinstance(exc, FetchError):
        return str(exc.status) if exc.kind == "http" and exc.status else exc.kind
    if isinstance(exc, UnsafeDocumentError):
        return "unsafe-xml"
    if isinstance(exc, FeedParseError):
        return "not-a-feed"
    return "internal-error"


def _parse_job(lease: feedstore.FeedLease, result: FetchResult, fetched_at: datetime) -> ParseJob:
    return ParseJob(
        result.body,
        feed_id=lease.id,
        feed_url=lease.url,
        fetched_at=fetched_at,
        headers=dict(result.headers),
        id_url=lease.id_url,  # a feed that moved keeps its first URL's item ids
    )


class FeedProcessor:
    def __init__(
        self,
        engine: Engine,
        fetcher: Fetcher,
        parse_pool: ParsePool,
        publish: PublishItems,
        policy: SchedulePolicy,
        *,
        owner: str,
        stale_after_s: float,
        db_executor: Executor | None = None,
        writer: ResultWriter | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.engine = engine
        self.fetcher = fetcher
        self.parse_pool = parse_pool
        self.publish = publish
        self.policy = policy
        self.owner = owner
        self.stale_after_s = stale_after_s
        self.db_executor = db_executor
        self.writer = writer or ResultWriter(engine, owner, db_executor)
        self.claimer = ItemClaimer(engine, owner, db_executor, stale_after_s=stale_after_s)
        self.rng = rng or random.Random()

    async def _db(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.db_executor, functools.partial(fn, *args, **kwargs))

    async def process(self, lease: feedstore.FeedLease) -> PollOutcome:
        started = time.monotonic()
        try:
            return await self._process(lease, started)
        except (FetchError, FeedParseError) as exc:
            retry_after = exc.retry_after_s if isinstance(exc, FetchError) else None
            return await self._failure(lease, exc, retry_after, started)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug or a DB hiccup must stay with this feed
            bound = log.bind(feed_id=lease.id, feed_url=lease.url)
            bound.exception("feed poll crashed")
            try:
                return await self._failure(lease, exc, None, started)
            except Exception:
                bound.exception("could not record the failure")
                return PollOutcome(lease.id, lease.url, "internal-error", error=str(exc))

    async def _process(self, lease: feedstore.FeedLease, started: float) -> PollOutcome:
        if lease.due_at is not None:
            metrics.record_schedule_lag((utcnow() - lease.due_at).total_seconds())
        result = await self.fetcher.fetch(
            lease.url, etag=lease.etag, last_modified=lease.last_modified
        )
        interval = lease.interval_s or self.policy.default_interval_s
        hints = ServerHints(cache_ttl_s=result.cache_ttl_s, retry_after_s=result.retry_after_s)
        if result.not_modified:
            return await self._success(lease, result, "304", interval, hints, started)
        if lease.content_hash and result.content_hash == lease.content_hash:
            return await self._success(lease, result, "unchanged", interval, hints, started)
        fetched_at = utcnow()
        parsed = await self.parse_pool.parse(_parse_job(lease, result, fetched_at))
        item_ids = list(dict.fromkeys(item.item_id for item in parsed.items))
        claims = await self.claimer.claim(
            lease.id, item_ids, fetched_at, parsed.legacy_ids, parsed.former_ids
        )
        claimed = set(claims.claimed)
        if claims.pending:  # claimed elsewhere, unconfirmed (a crash?): parse this again
            result = dataclasses.replace(result, etag=None, last_modified=None, content_hash=None)
        fresh = [item for item in parsed.items if item.item_id in claimed]
        fresh = list({item.item_id: item for item in fresh}.values())
        metrics.record_items(new=len(fresh), duplicate=len(item_ids) - len(fresh))
        if fresh:
            try:
                await self.publish(fresh)
            except asyncio.CancelledError:
                await self._db(
                    itemclaims.release_items, self.engine, list(claimed), owner=self.owner
                )
                raise
            except Exception as exc:
                return await self._publish_failed(lease, claimed, exc, started)
        interval = adaptive_interval(parsed.published_times, fetched_at, self.policy)
        hints = ServerHints(
            ttl_s=parsed.ttl_s, cache_ttl_s=result.cache_ttl_s, retry_after_s=result.retry_after_s
        )
        return await self._success(
            lease,
            result,
            str(result.status),
            interval,
            hints,
            started,
            title=parsed.title,
            items=len(parsed.items),
            new_items=len(fresh),
            bozo=parsed.bozo_reason,
            confirmed=tuple(claimed),
            linger=True,  # parsed polls are few and far between: share transactions
        )

    async def _success(
        self,
        lease: feedstore.FeedLease,
        result: FetchResult,
        status: str,
        interval_s: float,
        hints: ServerHints,
        started: float,
        *,
        title: str | None = None,
        items: int = 0,
        new_items: int = 0,
        bozo: str | None = None,
        confirmed: tuple[str, ...] = (),
        linger: bool = False,
    ) -> PollOutcome:
        now = utcnow()
        next_check = next_check_after_success(now, interval_s, hints, self.policy, self.rng)
        moved_to, moved_polls = await self._follow_move(lease, result)
        await self.writer.write(
            feedstore.SuccessRow(
                feed_id=lease.id,
                status=status,
                next_check_at=next_check,
                interval_s=interval_s,
                title=title,
                etag=result.etag,
                last_modified=result.last_modified,
                content_hash=result.content_hash,
                new_items=new_items,
                confirmed_ids=confirmed,
                moved_to=moved_to,
                moved_to_polls=moved_polls,
            ),
            linger=linger,
        )
        elapsed = time.monotonic() - started
        metrics.record_poll("304" if status in ("304", "unchanged") else "200", len(result.body))
        if status not in ("304", "unchanged"):  # not-modified polls are counted, not logged
            log.info(
                "feed polled",
                feed_id=lease.id,
                feed_url=lease.url,
                status=status,
                items=items,
                new=new_items,
                bozo=bozo,
                next_check_in_s=round((next_check - now).total_seconds()),
                elapsed_ms=round(elapsed * 1000),
            )
        return PollOutcome(
            lease.id,
            lease.url,
            status,
            items=items,
            new_items=new_items,
            next_check_at=next_check,
            elapsed_s=elapsed,
        )

    async def _follow_move(
        self, lease: feedstore.FeedLease, result: FetchResult
    ) -> tuple[str | None, int]:
        """After a good poll: where the feed was permanently redirected to and in how many
        polls in a row; on the :data:`MOVE_AFTER_POLLS`-th, the feed takes that URL. The
        target passed the SSRF guard (every hop's connection is checked) and served this
        poll's feed; a 302/307 anywhere before it, or a failed poll, starts the count over."""
        target = safe_link(result.moved_to)
        if target is None or target == lease.url:
            return None, 0
        polls = lease.moved_to_polls + 1 if target == lease.moved_to else 1
        if polls < MOVE_AFTER_POLLS:
            return target, polls
        moved = await self._db(
            feedstore.move_feed, self.engine, lease.id, owner=self.owner, new_url=target
        )
        if moved:
            log.info("feed moved", feed_id=lease.id, old_url=lease.url, new_url=target, polls=polls)
        else:  # counted again from 0: this line comes once per MOVE_AFTER_POLLS polls
            log.warning(
                "feed not moved: its new URL is already another feed",
                feed_id=lease.id,
                old_url=lease.url,
                new_url=target,
            )
        return None, 0

    async def _failure(
        self,
        lease: feedstore.FeedLease,
        exc: Exception,
        retry_after_s: float | None,
        started: float,
    ) -> PollOutcome:
        now = utcnow()
        status = failure_status(exc)
        metrics.record_poll("error")
        message = str(exc) or type(exc).__name__
        errors = lease.consecutive_errors + 1
        if isinstance(exc, FetchError) and exc.status == GONE:
            # The server says the feed is gone for good: parked at once (still listed,
            # rechecked daily) rather than ten retries over a day and a half first.
            errors = max(errors, self.policy.park_after_errors)
        plan = next_check_after_failure(
            now, errors, self.policy, retry_after_s=retry_after_s, rng=self.rng
        )
        await self.writer.write(
            feedstore.FailureRow(
                feed_id=lease.id,
                status=status,
                error=message,
                consecutive_errors=errors,
                next_check_at=plan.next_check_at,
                parked=plan.parked,
            )
        )
        log.warning(
            "feed parked" if plan.parked else "feed failed",
            feed_id=lease.id,
            feed_url=lease.url,
            status=status,
            error=message,
            consecutive_errors=errors,
            next_check_in_s=round((plan.next_check_at - now).total_seconds()),
        )
        return PollOutcome(
            lease.id,
            lease.url,
            status,
            error=message,
            next_check_at=plan.next_check_at,
            parked=plan.parked,
            elapsed_s=time.monotonic() - started,
        )

    async def _publish_failed(
        self, lease: feedstore.FeedLease, claimed: set[str], exc: Exception, started: float
    ) -> PollOutcome:
        await self._db(itemclaims.release_items, self.engine, list(claimed), owner=self.owner)
        metrics.record_poll("error")
        until = utcnow() + PUBLISH_RETRY
        await self._db(feedstore.defer_feed, self.engine, lease.id, owner=self.owner, until=until)
        message = f"publish failed: {type(exc).__name__}: {exc}"
        log.error("publish failed", feed_id=lease.id, feed_url=lease.url, error=message)
        return PollOutcome(
            lease.id,
            lease.url,
            "deferred",
            error=message,
            next_check_at=until,
            elapsed_s=time.monotonic() - started,
        )
