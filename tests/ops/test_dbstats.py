"""Database figures for metrics and /status, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from prometheus_client import CollectorRegistry, generate_latest
from sqlalchemy.engine import Engine
from wirewatch_ingest.models import Feed, SeenItem
from wirewatch_notify.models import Delivery, Subscription
from wirewatch_shared.db import session_scope

from tests.ops.support import value
from tests.support.sql import sent_statements
from wirewatch.ops import dbstats
from wirewatch.ops.collectors import FeedHealthCollector, OutboxCollector
from wirewatch.schema import upgrade

NOW = datetime.now(UTC).replace(microsecond=0)


def _payload(title: str) -> str:
    return json.dumps(
        {
            "type": "wirewatch.alert.v1",
            "data": {"item": {"title": title, "link": "http://example.org/a"}},
        }
    )


def _seed(engine: Engine) -> None:
    upgrade(engine)
    upgrade(engine)
    with session_scope(engine) as s:
        s.add(Feed(url="http://a/ok", last_success_at=NOW))
        s.add(Feed(url="http://a/new"))
        s.add(
            Feed(
                url="http://a/fail",
                consecutive_errors=3,
                last_error="HTTP 500",
                last_status="500",
                last_attempt_at=NOW,
            )
        )
        s.add(Feed(url="http://a/parked", consecutive_errors=12, parked=True, last_error="DNS"))
        s.add(Feed(url="http://a/off", enabled=False))
        for i in range(5):
            s.add(SeenItem(item_id=f"i{i}", feed_id=1, first_seen_at=NOW - timedelta(hours=i % 2)))
        s.add(Subscription(topics=["border-policy"], channel="email", target="desk@example.org"))
        s.add(
            Subscription(
                topics=["repatriation-flights"],
                channel="webhook",
                target="https://hooks.example.org/x",
            )
        )
    with session_scope(engine) as s:
        rows = [
            Delivery(
                subscription_id=1,
                item_id="a",
                status="sent",
                payload=_payload("Sent one"),
                sent_at=NOW - timedelta(hours=1),
            ),
            Delivery(
                subscription_id=2,
                item_id="b",
                status="sent",
                payload=_payload("Latest"),
                sent_at=NOW,
            ),
            Delivery(
                subscription_id=2,
                item_id="c",
                status="pending",
                payload=_payload("p"),
                created_at=NOW - timedelta(minutes=10),
            ),
            Delivery(
                subscription_id=2,
                item_id="d",
                status="pending",
                attempts=2,
                payload=_payload("r"),
                created_at=NOW - timedelta(minutes=1),
            ),
            Delivery(
                subscription_id=1, item_id="e", status="dead", attempts=7, payload=_payload("x")
            ),
        ]
        s.add_all(rows)


def test_figures(engine: Engine) -> None:
    _seed(engine)
    assert dbstats.feeds_by_health(engine) == {
        "new": 1,
        "ok": 1,
        "failing": 1,
        "parked": 1,
        "disabled": 1,
    }
    failing = dbstats.failing_feeds(engine)
    assert [f.url for f in failing] == ["http://a/parked", "http://a/fail"]
    assert failing[1].last_error == "HTTP 500" and failing[0].health == "parked"
    stats = dbstats.delivery_stats(engine)
    assert (stats.pending, stats.retrying, stats.sent, stats.dead) == (2, 1, 2, 1)
    assert stats.by_channel_status[("webhook", "pending")] == 2
    assert 590 <= stats.oldest_pending_age_s(NOW) <= 610
    alerts = dbstats.last_alerts(engine)
    assert [a.title for a in alerts] == ["Latest", "Sent one"]
    assert alerts[0].target == "hooks.example.org" and alerts[1].target == "d…@example.org"
    assert alerts[0].topic == "repatriation-flights"
    per_hour = dbstats.alerts_per_hour(engine, 24, now=NOW)
    assert len(per_hour) == 24 and sum(n for _, n in per_hour) == 2
    assert per_hour[-1][1] == 1 and per_hour[-2][1] == 1
    items = dbstats.items_per_hour(engine, 24, now=NOW)
    assert [n for _, n in items][-2:] == [2, 3]
    assert dbstats.items_total(engine) == 5


def test_missing_tables_read_as_empty(engine: Engine) -> None:
    assert sum(dbstats.feeds_by_health(engine).values()) == 0
    assert dbstats.delivery_stats(engine).pending == 0
    assert dbstats.last_alerts(engine) == []
    assert sum(n for _, n in dbstats.alerts_per_hour(engine)) == 0
    hour = NOW.replace(minute=0, second=0)
    expected = [(hour - timedelta(hours=2), 0), (hour - timedelta(hours=1), 0), (hour, 0)]
    assert dbstats.items_per_hour(engine, 3, now=NOW) == expected


def test_collectors(engine: Engine) -> None:
    _seed(engine)
    registry = CollectorRegistry()
    registry.register(FeedHealthCollector(engine))
    registry.register(OutboxCollector(engine))
    text = generate_latest(registry).decode()
    assert value(text, "wirewatch_ingest_feeds", health="failing") == 1
    assert value(text, "wirewatch_notify_pending_deliveries") == 2
    assert value(text, "wirewatch_notify_retries_pending") == 1
    assert value(text, "wirewatch_notify_dead_letters") == 1
    assert value(text, "wirewatch_notify_outbox_deliveries", channel="email", status="dead") == 1
    assert (value(text, "wirewatch_notify_oldest_pending_age_seconds") or 0) >= 590


def test_collectors_reuse_a_reading_for_max_age(engine: Engine) -> None:
    """A scrape storm costs the database one query per ``max_age_s``, never stale data
    once that has passed."""
    _seed(engine)
    with sent_statements(engine) as statements:
        cached = CollectorRegistry()
        cached.register(OutboxCollector(engine, max_age_s=3600))
        first = generate_latest(cached).decode()
        queries = len(statements)
        assert queries > 0
        assert value(first, "wirewatch_notify_pending_deliveries") == 2
        second = generate_latest(cached).decode()
        assert len(statements) == queries  # the second scrape reused the reading
        assert value(second, "wirewatch_notify_pending_deliveries") == 2

        fresh = CollectorRegistry()
        fresh.register(OutboxCollector(engine, max_age_s=0))
        generate_latest(fresh)
        generate_latest(fresh)
        assert len(statements) == 3 * queries  # no reuse at max_age_s=0
