"""Seen-item claims: which ingest process publishes an item, exactly once.

Synchronous (callers use a thread). The ``SeenItem`` primary key decides who publishes
an item: :func:`claim_items` inserts with ``ON CONFLICT`` and returns only the rows this
process inserted (or re-claimed after a stale, unconfirmed claim); :func:`confirm_items`
marks them published once the broker acknowledged; :func:`release_items` drops the claims
of a publish that failed, so the next poll publishes them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Table, and_, bindparam, delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from wirewatch_shared.db import UtcDateTime

from wirewatch_ingest.models import LegacySeenItem, SeenItem
from wirewatch_ingest.transactions import retrying

SEEN: Table = SeenItem.__table__  # type: ignore[attr-defined]
LEGACY: Table = LegacySeenItem.__table__  # type: ignore[attr-defined]
CHUNK = 500


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

    claimed, done = retrying(engine, work)
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
        mark_published(conn, item_ids, owner=owner, now=now)


def mark_published(conn: Connection, item_ids: Iterable[str], *, owner: str, now: datetime) -> None:
    """In the caller's transaction (a poll's results are recorded in the same one)."""
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
