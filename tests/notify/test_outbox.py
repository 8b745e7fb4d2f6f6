"""The delivery outbox on SQLite and PostgreSQL: idempotency, claims, retries, dead letters."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from wirewatch_notify import claims, dead_letters, outbox, outcomes
from wirewatch_notify.models import DeliveryStatus, Subscription
from wirewatch_shared.clock import utcnow

from wirewatch.schema import upgrade


def _setup(engine: Engine) -> None:
    upgrade(engine)


def test_enqueue_is_idempotent_per_subscription_and_item(engine: Engine) -> None:
    _setup(engine)
    first = outbox.enqueue(
        engine,
        [outbox.NewDelivery(1, "item-a", {"n": 1}), outbox.NewDelivery(2, "item-a", {"n": 1})],
    )
    again = outbox.enqueue(
        engine,
        [outbox.NewDelivery(1, "item-a", {"n": 2}), outbox.NewDelivery(1, "item-b", {"n": 3})],
    )
    assert (first, again) == (2, 1)
    assert len(outbox.list_deliveries(engine)) == 3


def test_claim_is_exclusive_until_the_lease_expires(engine: Engine) -> None:
    _setup(engine)
    outbox.enqueue(engine, [outbox.NewDelivery(1, f"i{n}", {}) for n in range(5)])
    now = utcnow()
    assert len(claims.claim_due(engine, now, 10)) == 5
    assert claims.claim_due(engine, now, 10) == []
    later = now + claims.CLAIM_LEASE + timedelta(seconds=1)
    assert len(claims.claim_due(engine, later, 10)) == 5


def test_failures_follow_the_schedule_then_dead_letter_and_replay(engine: Engine) -> None:
    _setup(engine)
    with Session(engine) as session:  # replay needs the delivery's subscription active
        sub = Subscription(channel="webhook", target="https://hooks.example.org/x")
        session.add(sub)
        session.commit()
        assert sub.id is not None
        sub_id = sub.id
    outbox.enqueue(engine, [outbox.NewDelivery(sub_id, "x", {})])
    schedule = (10.0, 20.0)
    [d] = claims.claim_due(engine, utcnow(), 1)
    assert outcomes.mark_failed(engine, d, "HTTP 500", schedule=schedule) == "pending"
    [row] = outbox.list_deliveries(engine)
    wait = row.next_attempt_at.replace(tzinfo=None) - utcnow().replace(tzinfo=None)
    assert timedelta(seconds=7) < wait < timedelta(seconds=13)
    [d] = claims.claim_due(engine, utcnow() + timedelta(seconds=15), 1)
    assert outcomes.mark_failed(engine, d, "HTTP 500", schedule=schedule) == "pending"
    [d] = claims.claim_due(engine, utcnow() + timedelta(seconds=60), 1)
    assert outcomes.mark_failed(engine, d, "HTTP 500", schedule=schedule) == "dead"
    [row] = outbox.list_deliveries(engine)
    assert (row.status, row.attempts, row.last_error) == (DeliveryStatus.DEAD, 3, "HTTP 500")
    assert outbox.count_pending(engine) == 0
    assert dead_letters.replay(engine) == 1
    assert outbox.count_pending(engine) == 1


def test_retry_after_is_never_undercut() -> None:
    assert outcomes.retry_delay(1, (5.0,), retry_after_s=30.0) >= 30.0
    assert 4.0 <= outcomes.retry_delay(1, (5.0,), retry_after_s=None) <= 6.0
    assert 8.0 <= outcomes.retry_delay(9, (5.0, 10.0), retry_after_s=None) <= 12.0


def test_mark_sent(engine: Engine) -> None:
    _setup(engine)
    outbox.enqueue(engine, [outbox.NewDelivery(1, "x", {})])
    [d] = claims.claim_due(engine, utcnow(), 1)
    assert d.id is not None
    outcomes.mark_sent(engine, d.id)
    [row] = outbox.list_deliveries(engine)
    assert row.status == DeliveryStatus.SENT and row.sent_at is not None
    assert claims.claim_due(engine, utcnow() + timedelta(hours=1), 1) == []


def _age(engine: Engine, item_id: str, status: str, days: float) -> None:
    table = outbox._TABLE
    with engine.begin() as conn:
        conn.execute(
            update(table)
            .where(table.c.item_id == item_id)
            .values(status=status, updated_at=utcnow() - timedelta(days=days))
        )


def test_purge_deletes_only_finished_rows_past_the_cutoff(engine: Engine) -> None:
    _setup(engine)
    rows = {
        "sent-old": (DeliveryStatus.SENT, 40),
        "sent-new": (DeliveryStatus.SENT, 1),
        "cancelled-old": (DeliveryStatus.CANCELLED, 40),
        "cancelled-old-2": (DeliveryStatus.CANCELLED, 35),
        "dead-old": (DeliveryStatus.DEAD, 40),  # kept for replay
        "pending-old": (DeliveryStatus.PENDING, 40),  # a retry still to come
        "held-old": (DeliveryStatus.HELD, 40),
        "batched-old": (DeliveryStatus.BATCHED, 40),  # in a digest not sent yet
    }
    outbox.enqueue(engine, [outbox.NewDelivery(1, item, {}) for item in rows])
    for item, (status, days) in rows.items():
        _age(engine, item, status, days)
    cutoff = utcnow() - timedelta(days=30)
    assert outbox.purge_finished(engine, cutoff, limit=2) == 2  # in chunks, oldest first
    assert outbox.purge_finished(engine, cutoff) == 1
    assert outbox.purge_finished(engine, cutoff) == 0
    left = {d.item_id for d in outbox.list_deliveries(engine)}
    assert left == set(rows) - {"sent-old", "cancelled-old", "cancelled-old-2"}


async def test_the_running_worker_purges_past_the_retention(database_url: str) -> None:
    from tests.notify.support import make_service, running_worker, wait_until

    keep = make_service(database_url, delivery_retention_days=0, log_level="WARNING")
    outbox.enqueue(keep.engine, [outbox.NewDelivery(1, item, {}) for item in ("old", "new")])
    _age(keep.engine, "old", DeliveryStatus.SENT, 40)
    _age(keep.engine, "new", DeliveryStatus.SENT, 1)
    assert await keep.worker.housekeeping.purge_expired() == 0  # 0 keeps everything
    keep.engine.dispose()

    service = make_service(database_url, delivery_retention_days=30, log_level="WARNING")
    async with running_worker(service):  # its first release round purges

        def purged() -> bool:
            return {d.item_id for d in outbox.list_deliveries(service.engine)} == {"new"}

        await wait_until(purged)
    service.engine.dispose()


async def test_a_cancelled_digest_cancels_its_alerts(database_url: str) -> None:
    """A digest cancelled (its subscription paused before it went out, or unsubscribed)
    takes its alerts with it: they were left ``batched`` for ever, never sent and never
    purged."""
    from datetime import UTC, datetime

    from wirewatch_notify import subscriptions
    from wirewatch_notify.release import release_held

    from tests.notify.support import classified, make_service, running_worker, wait_until

    service = make_service(database_url, log_level="WARNING")
    subs = []
    for _ in range(2):
        request = subscriptions.parse_create(
            {
                "alert_mode": "item",
                "topic": "flights",
                "channel": "webhook",
                "target": "https://hooks.example.org/x",
                "mode": "digest",
                "digest_interval_minutes": 60,
            }
        )
        created = subscriptions.create_subscription(service.engine, request, service.box)
        assert created.subscription.id is not None
        subs.append(created.subscription.id)
    paused, unsubscribed = subs
    for _ in range(2):
        await service.handle_classified(classified("flights"))
    later = datetime.now(UTC) + timedelta(minutes=61)  # the digest period is over
    assert release_held(service.engine, later) == 4
    service.worker.clock = lambda: later
    patch = subscriptions.parse_update({"active": False})
    subscriptions.update_subscription(service.engine, paused, patch)
    subscriptions.unsubscribe(service.engine, unsubscribed)
    async with running_worker(service):
        await wait_until(lambda: outbox.count_pending(service.engine) == 0)
    statuses = {
        (d.subscription_id, d.kind, d.status) for d in outbox.list_deliveries(service.engine)
    }
    assert statuses == {
        (sub, kind, DeliveryStatus.CANCELLED) for sub in subs for kind in ("alert", "digest")
    }
    service.engine.dispose()


def test_a_claim_reads_its_row_and_subscription_as_stored(engine: Engine) -> None:
    """The claim reads only the columns a send needs (Core, not the models): each one as
    the model loads it, for a subscription with every one of them set."""
    from datetime import UTC, datetime

    from wirewatch_notify.models import Delivery

    _setup(engine)
    moment = datetime(2026, 12, 6, 9, 30, tzinfo=UTC)
    with Session(engine) as session:
        sub = Subscription(
            channel="slack",
            target="https://hooks.slack.com/…XXXX",
            target_encrypted="gAAAAB-target",
            secret_encrypted="gAAAAB-secret",
            previous_secret_encrypted="gAAAAB-previous",
            previous_secret_expires_at=moment,
            mode="digest",
            digest_interval_minutes=60,
            timezone="America/Caracas",
            quiet_start="22:00",
            quiet_end="07:30",
            active=False,
            disabled_reason="HTTP 410 Gone: endpoint removed",
            requires_confirmation=True,
            confirmed_at=moment,
        )
        session.add(sub)
        session.commit()
        assert sub.id is not None
        sub_id = sub.id
    outbox.enqueue(engine, [outbox.NewDelivery(sub_id, "item-é", {"title": "Vuelo ✈"})])
    now = utcnow()
    [claimed] = claims.claim(engine, now, 5, accept=lambda _id, _sub: True)
    with Session(engine) as session:
        stored_sub = session.get(Subscription, sub_id)
        [stored] = session.exec(select(Delivery)).all()
    assert claimed.subscription is not None and stored_sub is not None
    for field in claims.ClaimedSubscription.__dataclass_fields__:
        assert getattr(claimed.subscription, field) == getattr(stored_sub, field), field
    assert claimed.subscription.awaiting_confirmation is stored_sub.awaiting_confirmation
    for field in claims.ClaimedDelivery.__dataclass_fields__:
        assert getattr(claimed.delivery, field) == getattr(stored, field), field
    assert claimed.delivery.next_attempt_at == now + claims.CLAIM_LEASE


def test_a_claim_offers_each_candidate_with_its_subscription_soonest_first(
    engine: Engine,
) -> None:
    """The candidates and their subscriptions are one read: each candidate with its
    subscription as stored (None once it is gone), the soonest due first, the excluded
    subscriptions' rows left out."""
    _setup(engine)
    with Session(engine) as session:
        subs = [
            Subscription(channel="webhook", target=f"https://h{n}.example.org/x") for n in (1, 2)
        ]
        session.add_all(subs)
        session.commit()
        first, second = (s.id for s in subs)
    assert first is not None and second is not None
    gone = second + 1  # no such subscription
    now = utcnow()
    rows = [(second, "a", 3), (first, "b", 1), (gone, "c", 2), (first, "d", 4), (second, "e", 0)]
    outbox.enqueue(engine, [outbox.NewDelivery(sub, item, {}) for sub, item, _ in rows])
    table = outbox._TABLE
    with engine.begin() as conn:
        for _, item, minutes in rows:
            due = now - timedelta(minutes=10 - minutes)
            conn.execute(update(table).where(table.c.item_id == item).values(next_attempt_at=due))
    ids = {d.item_id: d.id for d in outbox.list_deliveries(engine)}
    offered: list[tuple[str, str | None]] = []

    def accept(delivery_id: int, sub: object) -> bool:
        item = next(k for k, v in ids.items() if v == delivery_id)
        offered.append((item, getattr(sub, "target", None)))
        return item != "b"

    claimed = claims.claim(engine, now, 3, exclude_subscriptions=[second], accept=accept)
    assert offered == [
        ("b", "https://h1.example.org/x"),
        ("c", None),
        ("d", "https://h1.example.org/x"),
    ]
    assert [(c.delivery.item_id, c.subscription is None) for c in claimed] == [
        ("c", True),
        ("d", False),
    ]
    [(_, sub)] = [(c.delivery, c.subscription) for c in claimed if c.subscription]
    assert sub.id == first and sub.channel == "webhook"
