"""kill -9 of the notify process at random points while 1,000 alerts flow: once while
recording, once while sending (``KILL9_RUNS`` for more runs, alternating).

Notify runs as a real subprocess (``wirewatch service notify``) against the session
broker and a SQLite file; it is SIGKILLed at a random point (while recording or while
sending), restarted, and at the end every alert must have reached the receiver
exactly once by webhook-id. Duplicates on the wire are possible only for sends that
were in flight at the kill (the 2xx arrived, the outcome was not yet committed); the
receiver de-duplicates those by webhook-id, and their number is reported.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from kafka import KafkaProducer
from sqlalchemy import func
from sqlmodel import Session, col, select
from wirewatch_notify import subscriptions
from wirewatch_notify.models import Delivery, DeliveryKind, DeliveryStatus
from wirewatch_notify.secrets import SecretBox
from wirewatch_shared import streams
from wirewatch_shared.db import make_engine

from tests.notify.receiver import ReceiverProcess
from tests.notify.support import SECRET_KEY, classified
from tests.support.env import WIREWATCH, is_setting
from tests.support.streams import wait_for_progress
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration

RUNS = int(os.environ.get("KILL9_RUNS", "2"))
ALERTS = 1000


def _env(bootstrap: str, database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not is_setting(k)}
    env.update(
        WIREWATCH_KAFKA_BOOTSTRAP=bootstrap,
        WIREWATCH_DATABASE_URL=database_url,
        WIREWATCH_SECRET_KEY=SECRET_KEY,
        WIREWATCH_ALLOW_PRIVATE_NETWORKS="true",
        WIREWATCH_DELIVERY_TICK_S="0.1",
        WIREWATCH_CLAIM_LEASE_S="4",
        WIREWATCH_WEBHOOK_TIMEOUT_S="2",
        WIREWATCH_SMTP_TIMEOUT_S="2",
        WIREWATCH_KAFKA_SESSION_TIMEOUT_MS="2000",
        WIREWATCH_KAFKA_HEARTBEAT_INTERVAL_MS="500",
        WIREWATCH_LOG_LEVEL="WARNING",
        WIREWATCH_DELIVERY_CONCURRENCY="32",
        WIREWATCH_ENDPOINT_CONCURRENCY="16",
    )
    return env


def _spawn(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [WIREWATCH, "service", "notify"],
        env={**env, "WIREWATCH_HTTP_PORT": "0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.timeout(600)
def test_kill_9_at_random_points_loses_and_duplicates_nothing(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    rng = random.Random(int(os.environ.get("KILL9_SEED", "9")))
    receiver = ReceiverProcess()
    database_url = f"sqlite:///{tmp_path / 'kill9.db'}"
    engine = make_engine(database_url)
    upgrade(engine)
    env = _env(kafka_bootstrap, database_url)
    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all", linger_ms=5)

    def recorded(sub_id: int) -> int:
        with Session(engine) as session:
            return int(
                session.exec(
                    select(func.count()).where(
                        col(Delivery.subscription_id) == sub_id,
                        col(Delivery.kind) != DeliveryKind.KEY,  # repost keys: never sent
                    )
                ).one()
            )

    def sent(sub_id: int) -> int:
        with Session(engine) as session:
            return int(
                session.exec(
                    select(func.count()).where(
                        col(Delivery.subscription_id) == sub_id,
                        col(Delivery.status) == DeliveryStatus.SENT,
                    )
                ).one()
            )

    report = []
    started = time.monotonic()
    for run in range(RUNS):
        topic = f"kill9-{run}-{uuid.uuid4().hex[:8]}"
        sub = subscriptions.create_subscription(
            engine,
            subscriptions.parse_create(
                {
                    "alert_mode": "item",
                    "topic": topic,
                    "channel": "webhook",
                    "target": receiver.url("/hook"),
                }
            ),
            SecretBox(SECRET_KEY.encode()),
        ).subscription
        assert sub.id is not None
        sub_id = sub.id
        run_started = time.monotonic()
        before = receiver.total()
        ids_before = set(receiver.ids())
        for n in range(ALERTS):
            item = classified(topic, item_id=f"{topic}-{n}")
            producer.send(
                streams.CLASSIFIED,
                item.model_dump_json().encode(),
                key=item.item.item_id.encode(),
            )
        producer.flush()

        # A fresh consumer group per run: joining a group that a member just left makes
        # the broker wait out a rebalance; within the run, the restart must resume from
        # the killed process's committed offsets, so the group stays the same.
        run_env = {
            **env,
            "WIREWATCH_CONSUMER_GROUP": f"notify-{topic}",
            "WIREWATCH_STORY_CONSUMER_GROUP": f"notify-stories-{topic}",
        }
        process = _spawn(run_env)
        try:
            threshold = rng.randint(1, ALERTS - 1)
            if run % 2 == 0:
                where = f"while recording (after {threshold} rows)"
                wait_for_progress(lambda: recorded(sub_id), threshold, 60, where)  # noqa: B023
            else:
                where = f"while sending (after {threshold} receipts)"
                wait_for_progress(lambda: receiver.total() - before, threshold, 60, where)  # noqa: B023
            process.send_signal(signal.SIGKILL)
            process.wait()
            process = _spawn(run_env)
            wait_for_progress(lambda: sent(sub_id), ALERTS, 60, "all alerts sent")  # noqa: B023
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        new_ids = set(receiver.ids()) - ids_before
        raw = receiver.total() - before
        report.append((where, len(new_ids), raw - len(new_ids), time.monotonic() - run_started))
        assert len(new_ids) == ALERTS, f"run {run}: {len(new_ids)} unique of {ALERTS}"
        assert recorded(sub_id) == ALERTS
    producer.close()
    engine.dispose()
    receiver.stop()
    print(f"\nkill -9 runs ({time.monotonic() - started:.1f} s):")
    for where, unique, duplicates, took in report:
        print(
            f"  killed {where}: {unique} unique alerts, {duplicates} raw duplicates ({took:.1f} s)"
        )
