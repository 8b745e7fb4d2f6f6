"""Seen-item claims on SQLite and PostgreSQL (the ``engine`` fixture runs each test on both)."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine
from wirewatch_ingest import itemclaims
from wirewatch_shared.clock import utcnow

from wirewatch.schema import upgrade


@pytest.fixture
def db(engine: Engine) -> Engine:
    upgrade(engine)
    return engine


def test_item_claims(db: Engine) -> None:
    now = utcnow()
    ids = [f"{i:032x}" for i in range(1200)]  # more than one chunk
    first = itemclaims.claim_items(db, 1, ids, owner="a", now=now, stale_after_s=600)
    assert sorted(first) == ids
    # Claimed by a live process: nobody else gets them, not even the same feed again.
    assert itemclaims.claim_items(db, 2, ids[:10], owner="b", now=now, stale_after_s=600) == []
    itemclaims.confirm_items(db, ids[:600], owner="a", now=now)
    # Unconfirmed claims go stale (process died): claimable again; confirmed ones never.
    later = now + timedelta(seconds=601)
    again = itemclaims.claim_items(db, 1, ids, owner="b", now=later, stale_after_s=600)
    assert sorted(again) == ids[600:]
    itemclaims.release_items(db, ids[600:], owner="b")
    assert (
        sorted(itemclaims.claim_items(db, 1, ids, owner="c", now=later, stale_after_s=600))
        == ids[600:]
    )
    assert itemclaims.count_seen(db) == 1200


def test_claims_of_several_polls_share_one_transaction(db: Engine) -> None:
    now = utcnow()
    itemclaims.claim_items(db, 9, ["old"], owner="a", now=now, stale_after_s=600)
    claims = itemclaims.claim_items_detailed(
        db,
        [(1, ["x1", "x2", "dup", "x1"]), (2, ["dup", "y1", "old"]), (3, [])],
        owner="w",
        now=now,
        stale_after_s=600,
    )
    results = [claim.claimed for claim in claims]
    # Each poll gets its own ids once; an id two polls found goes to the first one.
    assert results == [["x1", "x2", "dup"], ["y1"], []]
    with db.connect() as conn:
        feeds = dict(conn.execute(itemclaims.SEEN.select().with_only_columns(
            itemclaims.SEEN.c.item_id, itemclaims.SEEN.c.feed_id)).all())  # fmt: skip
    assert feeds == {"old": 9, "x1": 1, "x2": 1, "dup": 1, "y1": 2}


def test_concurrent_item_claims_never_overlap(db: Engine) -> None:
    ids = [f"{i:032x}" for i in range(300)]
    results: dict[str, list[str]] = {}
    barrier = threading.Barrier(4)

    def worker(name: str, subset: list[str]) -> None:
        barrier.wait()
        results[name] = itemclaims.claim_items(
            db, 1, subset, owner=name, now=utcnow(), stale_after_s=600
        )

    threads = [
        threading.Thread(target=worker, args=(f"w{n}", ids[n * 50 : n * 50 + 150]))
        for n in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    claimed = [i for got in results.values() for i in got]
    assert len(claimed) == len(set(claimed)) == 300
