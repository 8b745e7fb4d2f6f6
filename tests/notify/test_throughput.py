"""The delivery worker's fast path: concurrent sends over kept-alive connections, woken as
soon as deliveries are recorded, claims given back rather than outliving their lease, and
the alert's fetch time carried through so end-to-end freshness is measured."""

from __future__ import annotations

import threading
import time
from collections import Counter

import pytest
from sqlalchemy.engine import Engine
from wirewatch_notify import claims, outbox, outcomes
from wirewatch_notify.models import DeliveryStatus
from wirewatch_notify.payloads import alert_envelope
from wirewatch_shared.metrics import REGISTRY

from tests.notify.support import (
    NOW,
    classified,
    make_service,
    running_worker,
    subscribe_webhook,
    wait_received,
    wait_until,
)
from tests.support.http import HttpReceiver, RecordedRequest, Reply


def _freshness_count(since: str) -> float:
    value = REGISTRY.get_sample_value(
        "wirewatch_alert_freshness_seconds_count", {"since": since, "channel": "webhook"}
    )
    return value or 0.0


def test_alert_payload_carries_the_fetch_time() -> None:
    item = classified("flights")
    envelope = alert_envelope(item, item.matches, now=NOW)
    assert envelope["data"]["item"]["fetched_at"] == item.item.fetched_at.isoformat()


async def test_one_endpoint_gets_concurrent_sends_over_reused_connections(
    database_url: str, http_receiver: HttpReceiver
) -> None:
    lock = threading.Lock()
    active = 0
    peak = 0
    connections: set[int] = set()  # the test server runs one thread per connection

    def slow(request: RecordedRequest) -> Reply:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
            connections.add(threading.get_ident())
        time.sleep(0.02)
        with lock:
            active -= 1
        return Reply(204, b"")

    http_receiver.routes["/hook"] = slow
    service = make_service(
        database_url,
        endpoint_concurrency=4,
        endpoint_concurrency_max=4,  # a fixed cap: the adaptive one has its own tests
        delivery_concurrency=32,
        log_level="WARNING",
    )
    subscribe_webhook(service, http_receiver.url("/hook"))
    fetched_before = _freshness_count("fetched")
    items = [classified("flights", item_id=f"conc-{n}") for n in range(60)]
    async with running_worker(service):
        await service.handle_batch(items)
        got = await wait_received(http_receiver, 60, "/hook", timeout=30)
        await wait_until(service.worker.idle)
    ids = Counter(r.headers["webhook-id"] for r in got)
    assert len(ids) == 60 and max(ids.values()) == 1  # every alert once
    assert peak == 4, peak  # sends overlap, and never more than the endpoint's cap
    assert len(connections) <= 4, len(connections)  # kept alive and reused
    sent = outbox.count_by_status(service.engine)
    assert sent == {DeliveryStatus.SENT: 60}
    # Every delivered alert observed its freshness since the feed fetch.
    assert _freshness_count("fetched") - fetched_before == 60


async def test_recorded_deliveries_wake_the_worker_at_once(
    sqlite_url: str, http_receiver: HttpReceiver
) -> None:
    http_receiver.routes["/hook"] = Reply(204, b"")
    service = make_service(sqlite_url, delivery_tick_s=5.0)  # polling alone would take 5 s
    subscribe_webhook(service, http_receiver.url("/hook"))
    async with running_worker(service):
        await wait_until(lambda: True)  # let the worker's first (empty) round pass
        started = time.monotonic()
        await service.handle_batch([classified("flights", item_id="wake-1")])
        await wait_received(http_receiver, 1, "/hook", timeout=4)
        elapsed = time.monotonic() - started
    assert elapsed < 3.5, elapsed  # well under the 5 s tick, with slack for a loaded host


async def test_a_claim_that_waited_too_long_is_given_back_not_sent_late(
    sqlite_url: str, http_receiver: HttpReceiver
) -> None:
    """One slow endpoint, one send at a time, a lease barely longer than a send: rows
    claimed ahead wait in the queue; once too little of their lease is left they are
    given back (no attempt counted) and claimed again, never sent after their lease."""

    def slow(request: RecordedRequest) -> Reply:
        time.sleep(0.8)
        return Reply(204, b"")

    http_receiver.routes["/hook"] = slow
    service = make_service(
        sqlite_url,
        endpoint_concurrency=1,
        endpoint_concurrency_max=1,
        webhook_timeout_s=1.0,
        smtp_timeout_s=1.0,
        claim_lease_s=2.6,
        log_level="WARNING",
    )
    subscribe_webhook(service, http_receiver.url("/hook"))
    async with running_worker(service):
        await service.handle_batch([classified("flights", item_id=f"lease-{n}") for n in range(4)])
        got = await wait_received(http_receiver, 4, "/hook", timeout=30)
        await wait_until(service.worker.idle, timeout=10)
    ids = Counter(r.headers["webhook-id"] for r in got)
    assert len(ids) == 4 and max(ids.values()) == 1, ids
    deliveries = outbox.list_deliveries(service.engine)
    assert {d.status for d in deliveries} == {DeliveryStatus.SENT}
    assert [d.attempts for d in deliveries] == [1, 1, 1, 1]
    assert all(d.last_error is None for d in deliveries)


def test_topic_index_matches_exactly_what_a_scan_of_all_rules_matches() -> None:
    from wirewatch_notify.matching import RuleIndex, SubscriptionRule, matches_for
    from wirewatch_shared.events import TopicMatch

    rules = [
        SubscriptionRule(1, frozenset({"flights"})),
        SubscriptionRule(2, frozenset({"flights", "asylum"}), min_score=0.5),
        SubscriptionRule(3, frozenset({"asylum"}), languages=frozenset({"es"})),
        SubscriptionRule(4, frozenset({"border"})),
        SubscriptionRule(5, frozenset({"asylum"}), countries=frozenset({"VE"})),
    ]
    index = RuleIndex(rules)
    one = classified("flights", countries=("VE",))
    two = one.model_copy(
        update={"matches": (*one.matches, TopicMatch(topic="asylum", score=0.4, rules=("r",)))}
    )
    nothing = classified("weather")
    for item in (one, two, nothing):
        assert index.matches_for(item) == matches_for(item, rules)
    assert sorted(index.matches_for(two)) == [1, 2, 5]
    assert [m.topic for m in index.matches_for(two)[2]] == ["flights"]  # asylum below 0.5


def test_a_claim_given_back_is_due_again_unless_someone_else_claimed_it(
    database_url: str,
) -> None:
    from datetime import timedelta

    from wirewatch_shared.clock import utcnow

    service = make_service(database_url)
    outbox.enqueue(service.engine, [outbox.NewDelivery(1, "give-back", {"x": 1})])
    [mine] = claims.claim(service.engine, utcnow(), 5, lease=timedelta(seconds=60))
    assert mine.delivery.id is not None
    assert claims.claim(service.engine, utcnow(), 5) == []
    lease_end = mine.delivery.next_attempt_at

    def give_back(claimed_until: object) -> None:
        outcome = outcomes.Outcome(
            mine.delivery.id,  # type: ignore[arg-type]
            DeliveryStatus.PENDING,
            release=True,
            next_attempt_at=claimed_until,  # type: ignore[arg-type]
        )
        outcomes.record_outcomes(service.engine, [outcome])

    give_back(lease_end - timedelta(seconds=1))  # not our claim (any more): untouched
    assert claims.claim(service.engine, utcnow(), 5) == []
    give_back(lease_end)
    [again] = claims.claim(service.engine, utcnow(), 5)
    assert again.delivery.id == mine.delivery.id and again.delivery.attempts == 0
    service.engine.dispose()


async def test_outcomes_being_committed_do_not_hold_back_an_endpoints_next_sends(
    database_url: str, http_receiver: HttpReceiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With every outcome commit stalled, one endpoint still gets all its alerts: a row
    whose outcome is being written no longer counts against the endpoint's claim cap
    (it did, and one endpoint was paced by commit round trips: bench/README.md)."""
    from wirewatch_notify import recorder

    commits_may_run = threading.Event()
    real_record = outcomes.record_outcomes  # what the recorder calls

    def stalled(engine: Engine, written: list[outcomes.Outcome]) -> None:
        commits_may_run.wait(timeout=60)
        real_record(engine, written)

    monkeypatch.setattr(recorder, "record_outcomes", stalled)
    http_receiver.routes["/hook"] = Reply(204, b"")
    # Two rounds of the endpoint's cap is 4 rows: 20 alerts need several claims.
    service = make_service(
        database_url,
        endpoint_concurrency=2,
        endpoint_concurrency_max=2,
        delivery_concurrency=32,
        log_level="WARNING",
    )
    subscribe_webhook(service, http_receiver.url("/hook"))
    items = [classified("flights", item_id=f"stall-{n}") for n in range(20)]
    async with running_worker(service):
        await service.handle_batch(items)
        try:
            got = await wait_received(http_receiver, 20, "/hook", timeout=20)
        finally:
            commits_may_run.set()
        await wait_until(service.worker.idle)
    assert len({r.headers["webhook-id"] for r in got}) == 20
    assert outbox.count_by_status(service.engine) == {DeliveryStatus.SENT: 20}
