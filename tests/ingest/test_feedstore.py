"""Feed store functions on SQLite and PostgreSQL (the ``engine`` fixture runs each test on both)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine
from wirewatch_ingest import feedstore
from wirewatch_shared.clock import utcnow

from wirewatch.schema import upgrade


@pytest.fixture
def db(engine: Engine) -> Engine:
    upgrade(engine)
    return engine


def test_feed_crud(db: Engine) -> None:
    feed = feedstore.add_feed(db, "https://example.org/rss", "Example")
    assert feed.id is not None and feed.health == "new"
    with pytest.raises(feedstore.FeedExistsError):
        feedstore.add_feed(db, "https://example.org/rss")
    with pytest.raises(ValueError, match="http"):
        feedstore.add_feed(db, "javascript:alert(1)")
    added, existing = feedstore.add_feeds(
        db, [("https://example.org/rss", ""), ("https://example.org/atom", "A")]
    )
    assert [f.url for f in added] == ["https://example.org/atom"]
    assert existing == ["https://example.org/rss"]
    assert [f.url for f in feedstore.list_feeds(db)] == [
        "https://example.org/rss", "https://example.org/atom",
    ]  # fmt: skip
    assert feedstore.remove_feed(db, feed.id)
    assert not feedstore.remove_feed(db, feed.id)
    assert feedstore.seed_feeds(db, ["https://x.example/"]) == 0  # table not empty


def test_datetimes_are_aware_utc(db: Engine) -> None:
    feed = feedstore.add_feed(db, "https://example.org/rss")
    loaded = feedstore.get_feed(db, feed.id or 0)
    assert loaded is not None
    assert loaded.next_check_at.tzinfo is not None
    assert loaded.next_check_at.utcoffset() == timedelta(0)
    assert abs(loaded.next_check_at - utcnow()) < timedelta(seconds=30)


def test_leases_are_exclusive_and_expire(db: Engine) -> None:
    for i in range(10):
        feedstore.add_feed(db, f"https://example.org/{i}")
    later = feedstore.add_feed(db, "https://example.org/later")
    now = utcnow() + timedelta(seconds=1)
    feedstore.make_due(db, [later.id or 0], when=now + timedelta(hours=1))
    a = feedstore.claim_due_feeds(db, owner="a", now=now, limit=4, lease_s=60)
    b = feedstore.claim_due_feeds(db, owner="b", now=now, limit=100, lease_s=60)
    assert len(a) == 4 and len(b) == 6
    assert not {x.id for x in a} & {x.id for x in b}
    assert feedstore.claim_due_feeds(db, owner="c", now=now, limit=100, lease_s=60) == []
    # Only the owner may record the result; recording releases the lease.
    lease = a[0]
    assert not feedstore.record_success(
        db, lease.id, owner="b", now=now, status="200", next_check_at=now, interval_s=None
    )
    assert feedstore.record_success(
        db, lease.id, owner="a", now=now, status="200",
        next_check_at=now + timedelta(minutes=15), interval_s=900.0, etag='"x"',
    )  # fmt: skip
    # Expired leases (a crashed process) are taken over.
    taken = feedstore.claim_due_feeds(db, owner="c", now=now + timedelta(seconds=61), limit=100,
                                  lease_s=60)  # fmt: skip
    assert {x.id for x in taken} == {x.id for x in a[1:]} | {x.id for x in b}
    assert feedstore.release_leases(db, "c") == 9
    assert feedstore.next_due_at(db) is not None


def test_record_failure_and_defer(db: Engine) -> None:
    feed = feedstore.add_feed(db, "https://example.org/f")
    now = utcnow() + timedelta(seconds=1)
    (lease,) = feedstore.claim_due_feeds(db, owner="w", now=now, limit=1, lease_s=60)
    assert feedstore.record_failure(
        db, lease.id, owner="w", now=now, status="500", error="HTTP 500",
        consecutive_errors=1, next_check_at=now + timedelta(minutes=5), parked=False,
    )  # fmt: skip
    loaded = feedstore.get_feed(db, feed.id or 0)
    assert loaded is not None
    assert (loaded.health, loaded.last_error, loaded.lease_owner) == ("failing", "HTTP 500", None)
    (lease,) = feedstore.claim_due_feeds(db, owner="w", now=now + timedelta(minutes=6), limit=1,
                                     lease_s=60)  # fmt: skip
    assert lease.consecutive_errors == 1
    assert feedstore.defer_feed(db, lease.id, owner="w", until=now + timedelta(minutes=7))
    loaded = feedstore.get_feed(db, feed.id or 0)
    assert loaded is not None and loaded.consecutive_errors == 1 and loaded.lease_owner is None
