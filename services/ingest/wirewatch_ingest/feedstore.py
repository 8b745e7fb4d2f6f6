"""Feed persistence for the ingest service: feeds, their leases and poll results.

Synchronous (callers use a thread). The hot path — claiming due feeds,
recording results, claiming items — uses single SQL statements, so several
ingest processes can share one PostgreSQL (or SQLite) database:

- **Feed leases.** :func:`claim_due_feeds` sets ``lease_owner``/``lease_until``
  on due, unleased feeds in one ``UPDATE ... RETURNING``; on PostgreSQL the
  candidate rows are picked ``FOR UPDATE SKIP LOCKED``, on SQLite the single
  UPDATE is atomic (one writer at a time). Results are recorded only by the
  lease owner, in the same statement that moves ``next_check_at`` forward
  and releases the lease, so a feed is polled once per interval. A crashed
  process's leases expire after ``lease_s``.

Which process publishes an item is decided in :mod:`wirewatch_ingest.itemclaims`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import (
    Table,
    and_,
    bindparam,
    case,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import col
from sqlmodel import select as sm_select
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import UtcDateTime, delete_by_key, is_postgres, session_scope

from wirewatch_ingest.itemclaims import mark_published
from wirewatch_ingest.models import Feed
from wirewatch_ingest.normalize import safe_link
from wirewatch_ingest.transactions import retrying

FEED: Table = Feed.__table__  # type: ignore[attr-defined]
T = TypeVar("T")


class FeedExistsError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class FeedLease:
    """What a poller needs to know about a feed it has claimed."""

    id: int
    url: str
    title: str
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    interval_s: float | None
    consecutive_errors: int
    due_at: datetime | None = None
    """When the feed became due (its ``next_check_at`` at claim time)."""
    moved_to: str | None = None
    """Where earlier polls were permanently redirected to, and in how many polls in a row."""
    moved_to_polls: int = 0
    id_url: str | None = None
    """The URL item ids are scoped to (the first URL of a feed that moved), else None."""


_LEASE_COLUMNS = (
    FEED.c.id,
    FEED.c.url,
    FEED.c.title,
    FEED.c.etag,
    FEED.c.last_modified,
    FEED.c.content_hash,
    FEED.c.interval_s,
    FEED.c.consecutive_errors,
    FEED.c.next_check_at,
    FEED.c.moved_to,
    FEED.c.moved_to_polls,
    FEED.c.id_url,
)


# --- feed management (CLI) ---------------------------------------------------------------


def validate_feed_url(url: str) -> str:
    clean = safe_link(url)
    if clean is None:
        raise ValueError(f"not an http(s) URL: {url!r}")
    return clean


def add_feed(engine: Engine, url: str, title: str = "") -> Feed:
    url = validate_feed_url(url)
    try:
        with session_scope(engine) as session:
            feed = Feed(url=url, title=title[:512])
            session.add(feed)
            session.flush()
            session.refresh(feed)
            return feed
    except IntegrityError as exc:
        raise FeedExistsError(f"feed already exists: {url}") from exc


def add_feeds(engine: Engine, entries: Iterable[tuple[str, str]]) -> tuple[list[Feed], list[str]]:
    """Add ``(url, title)`` pairs; returns (added feeds, URLs that already existed)."""
    added: list[Feed] = []
    existing: list[str] = []
    for url, title in entries:
        try:
            added.append(add_feed(engine, url, title))
        except FeedExistsError:
            existing.append(url)
    return added, existing


def remove_feed(engine: Engine, feed_id: int) -> bool:
    return delete_by_key(engine, Feed, feed_id)


def get_feed(engine: Engine, feed_id: int) -> Feed | None:
    with session_scope(engine) as session:
        return session.get(Feed, feed_id)


def list_feeds(engine: Engine) -> list[Feed]:
    with session_scope(engine) as session:
        return list(session.exec(sm_select(Feed).order_by(col(Feed.id))))


def seed_feeds(engine: Engine, urls: Iterable[str]) -> int:
    """Add the default feeds when the table is empty; returns how many were added."""
    with session_scope(engine) as session:
        if session.exec(sm_select(Feed.id).limit(1)).first() is not None:
            return 0
        added = 0
        for url in dict.fromkeys(urls):
            session.add(Feed(url=validate_feed_url(url)))
            added += 1
        return added


# --- leases ------------------------------------------------------------------------------


def claim_due_feeds(
    engine: Engine, *, owner: str, now: datetime, limit: int, lease_s: float
) -> list[FeedLease]:
    """Lease up to ``limit`` due feeds to ``owner``; no other process gets them meanwhile."""
    if limit <= 0:
        return []
    free = or_(FEED.c.lease_until.is_(None), FEED.c.lease_until < now)
    due = (
        select(FEED.c.id)
        .where(FEED.c.enabled.is_(True), FEED.c.next_check_at <= now, free)
        .order_by(FEED.c.next_check_at)
        .limit(limit)
    )
    if is_postgres(engine):
        due = due.with_for_update(skip_locked=True)
    statement = (
        update(FEED)
        .where(FEED.c.id.in_(due.scalar_subquery()), free)
        .values(lease_owner=owner, lease_until=now + timedelta(seconds=lease_s))
        .returning(*_LEASE_COLUMNS)
    )

    def work(conn: Connection) -> list[FeedLease]:
        return [FeedLease(*row) for row in conn.execute(statement)]

    leases = retrying(engine, work)
    leases.sort(key=lambda lease: lease.id)
    return leases


def next_due_at(engine: Engine) -> datetime | None:
    """The earliest ``next_check_at`` of an enabled feed (None without feeds)."""
    with engine.connect() as conn:
        value = conn.execute(
            select(func.min(FEED.c.next_check_at)).where(FEED.c.enabled.is_(True))
        ).scalar()
    return UtcDateTime().process_result_value(value, engine.dialect) if value else None


def release_leases(engine: Engine, owner: str) -> int:
    """Give back every lease of ``owner`` (clean shutdown); the feeds stay due."""
    with engine.begin() as conn:
        result = conn.execute(
            update(FEED)
            .where(FEED.c.lease_owner == owner)
            .values(lease_owner=None, lease_until=None)
        )
        return int(result.rowcount or 0)


@dataclass(frozen=True, slots=True)
class SuccessRow:
    feed_id: int
    status: str
    next_check_at: datetime
    interval_s: float | None
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    new_items: int = 0
    confirmed_ids: tuple[str, ...] = ()
    """Items this poll published: marked published in the same transaction."""
    moved_to: str | None = None
    """Where this poll was permanently redirected to, and in how many polls in a row."""
    moved_to_polls: int = 0


@dataclass(frozen=True, slots=True)
class FailureRow:
    feed_id: int
    status: str
    error: str
    consecutive_errors: int
    next_check_at: datetime
    parked: bool


def _b(name: str, type_: Any = None) -> Any:
    return bindparam(name, type_=type_)


_SUCCESS = (
    update(FEED)
    .where(FEED.c.id == _b("b_id"), FEED.c.lease_owner == _b("b_owner"))
    .values(
        last_attempt_at=_b("b_now", UtcDateTime()),
        last_success_at=_b("b_now", UtcDateTime()),
        last_status=_b("b_status"),
        consecutive_errors=0,
        last_error=None,
        parked=False,
        next_check_at=_b("b_next", UtcDateTime()),
        interval_s=_b("b_interval"),
        etag=_b("b_etag"),
        last_modified=_b("b_last_modified"),
        content_hash=func.coalesce(_b("b_hash"), FEED.c.content_hash),
        items_seen=FEED.c.items_seen + _b("b_new"),
        moved_to=_b("b_moved_to"),
        moved_to_polls=_b("b_moved_polls"),
        title=case(
            (and_(FEED.c.title == "", _b("b_title") != ""), _b("b_title")), else_=FEED.c.title
        ),
        lease_owner=None,
        lease_until=None,
    )
)
_FAILURE = (
    update(FEED)
    .where(FEED.c.id == _b("b_id"), FEED.c.lease_owner == _b("b_owner"))
    .values(
        last_attempt_at=_b("b_now", UtcDateTime()),
        last_status=_b("b_status"),
        consecutive_errors=_b("b_errors"),
        last_error=_b("b_error"),
        parked=_b("b_parked"),
        next_check_at=_b("b_next", UtcDateTime()),
        # A failed poll breaks a run of permanent redirects: the target must keep working.
        moved_to=None,
        moved_to_polls=0,
        lease_owner=None,
        lease_until=None,
    )
)


def _poll_params(row: SuccessRow | FailureRow, owner: str, now: datetime) -> dict[str, Any]:
    """What every recorded poll binds: its feed, the lease owner, the time, its status
    and its next check."""
    return {
        "b_id": row.feed_id,
        "b_owner": owner,
        "b_now": now,
        "b_status": row.status[:64],
        "b_next": row.next_check_at,
    }


def write_results(
    engine: Engine,
    *,
    owner: str,
    now: datetime,
    successes: Sequence[SuccessRow] = (),
    failures: Sequence[FailureRow] = (),
) -> int:
    """Record many polls in one transaction (confirm published items, move the next
    checks, release the leases). Only rows still leased to ``owner`` change; returns
    how many feed rows were updated."""
    success_params = [
        {
            **_poll_params(row, owner, now),
            "b_interval": row.interval_s,
            "b_etag": row.etag[:1024] if row.etag else None,
            "b_last_modified": row.last_modified[:256] if row.last_modified else None,
            "b_hash": row.content_hash,
            "b_new": row.new_items,
            "b_title": (row.title or "")[:512],
            "b_moved_to": row.moved_to,
            "b_moved_polls": row.moved_to_polls if row.moved_to else 0,
        }
        for row in successes
    ]
    failure_params = [
        {
            **_poll_params(row, owner, now),
            "b_errors": row.consecutive_errors,
            "b_error": row.error[:1024],
            "b_parked": row.parked,
        }
        for row in failures
    ]
    confirmed = sorted({i for row in successes for i in row.confirmed_ids})

    def work(conn: Connection) -> int:
        mark_published(conn, confirmed, owner=owner, now=now)
        updated = 0
        for statement, params in ((_SUCCESS, success_params), (_FAILURE, failure_params)):
            if params:
                updated += int(conn.execute(statement, params).rowcount or 0)
        return updated

    return retrying(engine, work)


def record_success(
    engine: Engine,
    feed_id: int,
    *,
    owner: str,
    now: datetime,
    status: str,
    next_check_at: datetime,
    interval_s: float | None,
    title: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    content_hash: str | None = None,
    new_items: int = 0,
) -> bool:
    """Record a good poll and release the lease; False if the lease was lost meanwhile."""
    row = SuccessRow(
        feed_id, status, next_check_at, interval_s, title, etag, last_modified, content_hash,
        new_items,
    )  # fmt: skip
    return write_results(engine, owner=owner, now=now, successes=[row]) == 1


def record_failure(
    engine: Engine,
    feed_id: int,
    *,
    owner: str,
    now: datetime,
    status: str,
    error: str,
    consecutive_errors: int,
    next_check_at: datetime,
    parked: bool,
) -> bool:
    """Record a failed poll (``consecutive_errors`` is the new count) and release the lease."""
    row = FailureRow(feed_id, status, error, consecutive_errors, next_check_at, parked)
    return write_results(engine, owner=owner, now=now, failures=[row]) == 1


def move_feed(engine: Engine, feed_id: int, *, owner: str, new_url: str) -> bool:
    """Give the feed (leased to ``owner``) the URL ``new_url``; its item ids stay scoped
    to its first URL (``id_url``), so nothing is published again. False when another
    feed already has that URL (or the lease was lost): the feed keeps its URL."""
    url = validate_feed_url(new_url)
    moved = (
        update(FEED)
        .where(FEED.c.id == feed_id, FEED.c.lease_owner == owner)
        .values(
            url=url,
            id_url=func.coalesce(FEED.c.id_url, FEED.c.url),
            moved_to=None,
            moved_to_polls=0,
        )
    )
    try:
        with engine.begin() as conn:
            if conn.execute(select(FEED.c.id).where(FEED.c.url == url)).first():
                return False
            return bool(conn.execute(moved).rowcount)
    except IntegrityError:  # another process added that URL meanwhile
        return False


def defer_feed(engine: Engine, feed_id: int, *, owner: str, until: datetime) -> bool:
    """Release the lease and retry at ``until`` without touching the feed's health
    (used when publishing failed: a broker problem is not the feed's fault)."""
    return defer_feeds(engine, [feed_id], owner=owner, until=until) == 1


def defer_feeds(engine: Engine, feed_ids: Sequence[int], *, owner: str, until: datetime) -> int:
    """:func:`defer_feed` for several feeds in one statement (a poller gives back the
    feeds of a busy host unpolled); returns how many were still leased to ``owner``."""
    with engine.begin() as conn:
        result = conn.execute(
            update(FEED)
            .where(FEED.c.id.in_(list(feed_ids)), FEED.c.lease_owner == owner)
            .values(next_check_at=until, lease_owner=None, lease_until=None)
        )
        return int(result.rowcount or 0)


def make_due(
    engine: Engine, feed_ids: Sequence[int] | None = None, when: datetime | None = None
) -> int:
    """Set feeds due now (all feeds without ``feed_ids``); for the CLI, tests and benchmarks."""
    statement = update(FEED).values(next_check_at=when or utcnow())
    if feed_ids is not None:
        statement = statement.where(FEED.c.id.in_(list(feed_ids)))
    with engine.begin() as conn:
        return int(conn.execute(statement).rowcount or 0)
