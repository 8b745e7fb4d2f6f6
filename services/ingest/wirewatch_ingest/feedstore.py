"""Feed and seen-item persistence for the ingest service.

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
- **Item claims.** The ``SeenItem`` primary key decides who publishes an
  item: :func:`claim_items` inserts with ``ON CONFLICT`` and returns only the
  rows this process inserted (or re-claimed after a stale, unconfirmed claim);
  :func:`confirm_items` marks them published once the broker acknowledged.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import (
    Table,
    and_,
    bindparam,
    case,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import col
from sqlmodel import select as sm_select
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import UtcDateTime, delete_by_key, is_postgres, session_scope

from wirewatch_ingest.models import Feed, LegacySeenItem, SeenItem
from wirewatch_ingest.normalize import safe_link

FEED: Table = Feed.__table__  # type: ignore[attr-defined]
SEEN: Table = SeenItem.__table__  # type: ignore[attr-defined]
LEGACY: Table = LegacySeenItem.__table__  # type: ignore[attr-defined]
CHUNK = 500
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


def _retrying(engine: Engine, work: Callable[[Connection], T], attempts: int = 3) -> T:
    """Run ``work`` in a transaction; retry on PostgreSQL deadlocks/serialization failures."""
    for attempt in range(1, attempts + 1):
        try:
            with engine.begin() as conn:
                return work(conn)
        except OperationalError as exc:
            code = getattr(exc.orig, "sqlstate", None)
            if attempt == attempts or code not in ("40P01", "40001"):
                raise
            time.sleep(0.01 * attempt)
    raise AssertionError("unreachable")


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

    leases = _retrying(engine, work)
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
        for chunk in _chunks(confirmed):
            conn.execute(
                update(SEEN)
                .where(SEEN.c.item_id.in_(chunk), SEEN.c.claimed_by == owner)
                .values(published_at=now)
            )
        updated = 0
        for statement, params in ((_SUCCESS, success_params), (_FAILURE, failure_params)):
            if params:
                updated += int(conn.execute(statement, params).rowcount or 0)
        return updated

    return _retrying(engine, work)


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


# --- seen items --------------------------------------------------------------------------


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


@functools.cache
def _claim_statement(dialect: str) -> Any:
    """INSERT ... ON CONFLICT (item_id) DO UPDATE ... WHERE <stale claim> RETURNING item_id.

    Built once per dialect and run executemany-style, so SQLAlchemy compiles it once
    (a multi-row VALUES literal would be recompiled on every call).
    """
    insert = postgresql.insert(SEEN) if dialect == "postgresql" else sqlite.insert(SEEN)
    return insert.on_conflict_do_update(
        index_elements=[SEEN.c.item_id],
        set_={"claimed_by": insert.excluded.claimed_by, "claimed_at": insert.excluded.claimed_at},
        where=and_(
            SEEN.c.published_at.is_(None),
            SEEN.c.claimed_at < bindparam("stale", type_=UtcDateTime()),
        ),
    ).returning(SEEN.c.item_id)


def claim_items(
    engine: Engine,
    feed_id: int,
    item_ids: Sequence[str],
    *,
    owner: str,
    now: datetime,
    stale_after_s: float,
    legacy_ids: Mapping[str, str] | None = None,
    former_ids: Mapping[str, Sequence[str]] | None = None,
) -> list[str]:
    """The ids among ``item_ids`` that ``owner`` should publish now (never published, and
    not claimed by another live process). Conflicts on the primary key are expected.

    ``legacy_ids`` maps an id to the id the item had before ids were scoped per feed:
    an item whose legacy id this feed saw before the upgrade is not claimed.
    ``former_ids`` maps an id to other ids the item may have been published under (its
    URL with the other scheme, its guid as a loose parse gave it): an item published
    under one of them is not claimed, and is recorded as published under its own id.
    """
    return claim_items_detailed(
        engine,
        [(feed_id, item_ids)],
        owner=owner,
        now=now,
        stale_after_s=stale_after_s,
        legacy_ids=[legacy_ids or {}],
        former_ids=[former_ids or {}],
    )[0].claimed


def _first_requests(
    requests: Sequence[tuple[int, Sequence[str]]], legacy_ids: Sequence[Mapping[str, str]]
) -> tuple[dict[str, int], dict[str, tuple[str, int]]]:
    """Each id's first requesting feed, and its (legacy id, that feed) where known."""
    first_feed: dict[str, int] = {}
    legacy: dict[str, tuple[str, int]] = {}
    olds = [*legacy_ids, *({} for _ in range(len(requests) - len(legacy_ids)))]
    for (feed_id, item_ids), old in zip(requests, olds, strict=True):
        for item_id in item_ids:
            first_feed.setdefault(item_id, feed_id)
            if item_id in old:
                legacy.setdefault(item_id, (old[item_id], feed_id))
    return first_feed, legacy


def _merged(mappings: Sequence[Mapping[str, Sequence[str]]]) -> dict[str, Sequence[str]]:
    """One mapping of them all (the first request's entry for an id wins)."""
    merged: dict[str, Sequence[str]] = {}
    for mapping in reversed(mappings):
        merged.update(mapping)
    return merged


_SETTLED_QUERY = select(
    SEEN.c.item_id, or_(SEEN.c.published_at.is_not(None), SEEN.c.claimed_at.is_(None))
).where(
    SEEN.c.item_id.in_(bindparam("ids", expanding=True)),
    or_(
        SEEN.c.published_at.is_not(None),
        SEEN.c.claimed_at.is_(None),
        SEEN.c.claimed_at >= bindparam("stale", type_=UtcDateTime()),
    ),
)
"""The ids that cannot be claimed now, and whether each is done (published, or seen
before claims existed) rather than pending (a fresh, unconfirmed claim)."""


class ItemClaims(NamedTuple):
    """One poll's answer from :func:`claim_items_detailed`."""

    claimed: list[str]
    """The ids to publish now."""
    pending: int
    """Ids claimed by someone else and not yet confirmed (nor stale): not published
    yet, and not by this poll. A claim of a process that crashed stays so until it is
    ``stale_after_s`` old, so the poll must not mark the document as done."""


def claim_items_detailed(
    engine: Engine,
    requests: Sequence[tuple[int, Sequence[str]]],
    *,
    owner: str,
    now: datetime,
    stale_after_s: float,
    legacy_ids: Sequence[Mapping[str, str]] = (),
    former_ids: Sequence[Mapping[str, Sequence[str]]] = (),
) -> list[ItemClaims]:
    """:func:`claim_items` for several polls in one transaction: per ``(feed_id, item_ids)``
    request, in order, the ids claimed and how many are still pending elsewhere (``legacy_ids``
    and ``former_ids``, if given, one mapping per request). An id asked for by more than
    one request goes to the first of them (and is recorded with its feed)."""
    first_feed, legacy = _first_requests(requests, legacy_ids)
    former = _merged(former_ids)
    ids = sorted(first_feed)  # one lock order for every process: no deadlocks
    if not ids:
        return [ItemClaims([], 0) for _ in requests]
    stale = now - timedelta(seconds=stale_after_s)
    upsert = _claim_statement(engine.dialect.name)

    def work(conn: Connection) -> tuple[set[str], set[str]]:
        claimed: set[str] = set()
        done: set[str] = set()  # published (or seen before claims and upgrades)
        for chunk in _chunks(ids):
            found = conn.execute(_SETTLED_QUERY, {"ids": list(chunk), "stale": stale}).all()
            settled = {item_id for item_id, _ in found}
            done.update(item_id for item_id, published in found if published)
            unsettled = [i for i in chunk if i not in settled]
            seen_before = _seen_before_upgrade(conn, unsettled, legacy)
            seen_before |= _adopt_former(conn, unsettled, former, first_feed, now)
            settled.update(seen_before)
            done.update(seen_before)
            rows = [
                {
                    "item_id": item_id,
                    "feed_id": first_feed[item_id],
                    "first_seen_at": now,
                    "claimed_by": owner,
                    "claimed_at": now,
                    "published_at": None,
                    "stale": stale,
                }
                for item_id in chunk
                if item_id not in settled
            ]
            if rows:
                claimed.update(conn.scalars(upsert, rows))
        return claimed, done

    claimed, done = _retrying(engine, work)
    results: list[ItemClaims] = []
    for _feed_id, item_ids in requests:
        wanted = list(dict.fromkeys(item_ids))
        mine = [i for i in wanted if i in claimed]
        pending = sum(1 for i in wanted if i not in claimed and i not in done)
        claimed.difference_update(mine)
        results.append(ItemClaims(mine, pending))
    return results


_LEGACY_QUERY = select(LEGACY.c.item_id, LEGACY.c.feed_id).where(
    LEGACY.c.item_id.in_(bindparam("ids", expanding=True))
)


def _seen_before_upgrade(
    conn: Connection, item_ids: Sequence[str], legacy: Mapping[str, tuple[str, int]]
) -> set[str]:
    """The ids among ``item_ids`` whose legacy id (``legacy[id]``: old id, feed) the
    same feed saw before ids were scoped per feed: one primary-key lookup."""
    by_old = {legacy[i]: i for i in item_ids if i in legacy}
    if not by_old:
        return set()
    rows = conn.execute(_LEGACY_QUERY, {"ids": sorted({old for old, _ in by_old})})
    return {by_old[(old, feed)] for old, feed in rows if (old, feed) in by_old}


_DONE_QUERY = select(SEEN.c.item_id).where(
    SEEN.c.item_id.in_(bindparam("ids", expanding=True)),
    or_(SEEN.c.published_at.is_not(None), SEEN.c.claimed_at.is_(None)),
)


@functools.cache
def _adopt_statement(dialect: str) -> Any:
    """INSERT ... ON CONFLICT (item_id) DO NOTHING."""
    insert = postgresql.insert(SEEN) if dialect == "postgresql" else sqlite.insert(SEEN)
    return insert.on_conflict_do_nothing(index_elements=[SEEN.c.item_id])


def _adopt_former(
    conn: Connection,
    item_ids: Sequence[str],
    former: Mapping[str, Sequence[str]],
    first_feed: Mapping[str, int],
    now: datetime,
) -> set[str]:
    """The ids among ``item_ids`` published under one of their former ids (``former[id]``),
    each now recorded as published under its own id too (the next document may not
    lead back to the former id: a well-formed one, a guid no longer on http). One
    primary-key lookup, none without former ids."""
    by_old = {old: i for i in item_ids for old in former.get(i, ())}
    if not by_old:
        return set()
    adopted = {by_old[old] for old in conn.scalars(_DONE_QUERY, {"ids": sorted(by_old)})}
    if adopted:
        conn.execute(
            _adopt_statement(conn.dialect.name),
            [
                {
                    "item_id": i,
                    "feed_id": first_feed[i],
                    "first_seen_at": now,
                    "claimed_by": None,
                    "claimed_at": None,
                    "published_at": now,
                }
                for i in sorted(adopted)
            ],
        )
    return adopted


def confirm_items(engine: Engine, item_ids: Sequence[str], *, owner: str, now: datetime) -> None:
    """Mark claimed items as published (the broker acknowledged them)."""
    with engine.begin() as conn:
        for chunk in _chunks(sorted(set(item_ids))):
            conn.execute(
                update(SEEN)
                .where(SEEN.c.item_id.in_(chunk), SEEN.c.claimed_by == owner)
                .values(published_at=now)
            )


def release_items(engine: Engine, item_ids: Sequence[str], *, owner: str) -> None:
    """Drop unconfirmed claims (publishing failed) so the next poll publishes them."""
    with engine.begin() as conn:
        for chunk in _chunks(sorted(set(item_ids))):
            conn.execute(
                delete(SEEN).where(
                    SEEN.c.item_id.in_(chunk),
                    SEEN.c.claimed_by == owner,
                    SEEN.c.published_at.is_(None),
                )
            )


def count_seen(engine: Engine, feed_id: int | None = None) -> int:
    statement = select(func.count()).select_from(SEEN)
    if feed_id is not None:
        statement = statement.where(SEEN.c.feed_id == feed_id)
    with engine.connect() as conn:
        return int(conn.execute(statement).scalar() or 0)
