"""What `wirewatch up` reports, against ground truth: one process of its own (so every
counter starts at 0), a feed of two items (one about a deportation flight, one not), one
webhook subscription that receives and K that always fail (500) until their retries are
spent. Then /metrics, /status.json and the database must tell the same story."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from wirewatch_ingest import feedstore
from wirewatch_notify import subscriptions
from wirewatch_notify.models import Delivery, DeliveryStatus
from wirewatch_notify.secrets import SecretBox
from wirewatch_shared.db import make_engine

from tests.ops.conftest import FEED
from tests.ops.support import get, value, wait_until
from tests.support.env import WIREWATCH, is_setting
from tests.support.http import HttpReceiver, Reply
from tests.support.listening import served_url
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration

K = 2
SECRET = "up-figures-secret-key"


def _subscribe(engine: Engine, url: str) -> None:
    body: dict[str, object] = {
        "topics": ["repatriation-flights"],
        "channel": "webhook",
        "target": url,
    }
    subscriptions.create_subscription(
        engine,
        subscriptions.parse_create(body),
        SecretBox(SECRET.encode()),
    )


def _dead(engine: Engine) -> int:
    table = Delivery.__table__  # type: ignore[attr-defined]
    query = select(func.count()).where(table.c.status == DeliveryStatus.DEAD)
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


async def test_up_reports_what_happened(tmp_path: Path) -> None:
    web = HttpReceiver()
    web.routes["/feed.xml"] = Reply(200, FEED.encode(), {"content-type": "application/rss+xml"})
    web.routes["/hook"] = Reply(204, b"")
    web.routes["/broken"] = Reply(500, b"down")
    web.start()
    database_url = f"sqlite:///{tmp_path / 'wirewatch.db'}"
    engine = make_engine(database_url)
    upgrade(engine)
    _subscribe(engine, web.url("/hook"))
    for n in range(K):
        _subscribe(engine, web.url(f"/broken?n={n}"))
    feedstore.add_feed(engine, web.url("/feed.xml"))

    env = {k: v for k, v in os.environ.items() if not is_setting(k)}
    env.update(
        WIREWATCH_DATA_DIR=str(tmp_path / "data"),
        WIREWATCH_DATABASE_URL=database_url,
        WIREWATCH_SECRET_KEY=SECRET,
        WIREWATCH_SEED_DEFAULT_FEEDS="false",
        WIREWATCH_INGEST_ALLOW_PRIVATE_NETWORKS="true",
        WIREWATCH_NOTIFY_ALLOW_PRIVATE_NETWORKS="true",
        WIREWATCH_POLL_TICK_S="0.2",
        WIREWATCH_DELIVERY_TICK_S="0.2",
        WIREWATCH_RETRY_SCHEDULE_S="[0.2, 0.2]",
        WIREWATCH_LOG_LEVEL="WARNING",
        WIREWATCH_PARSE_WORKERS="0",
    )
    with (tmp_path / "up.log").open("wb") as log:
        up = subprocess.Popen(
            [WIREWATCH, "up", "--in-memory", "--port", "0"],
            env=env,
            cwd=tmp_path,
            stdout=log,
            stderr=log,
        )
    try:
        url = served_url(up)
        await wait_until(lambda: _dead(engine) == K, timeout=120, message="never K dead")
        await wait_until(lambda: bool(web.received("/hook", "POST")), timeout=30)

        async def settled() -> bool:
            status = (await get(f"{url}/status.json")).json()
            return bool(status["consumer_lag"]) and all(
                row["lag"] == 0 for row in status["consumer_lag"]
            )

        await wait_until(settled, timeout=60, message="status lag never 0")
        status = (await get(f"{url}/status.json")).json()
        metrics = (await get(f"{url}/metrics")).text

        # Dead deliveries: the database, the status page, the gauge and the counter agree.
        assert status["deliveries"]["dead"] == K
        assert value(metrics, "wirewatch_notify_dead_letters") == K
        assert value(metrics, "wirewatch_notify_deliveries_total", outcome="dead") == K
        assert value(metrics, "wirewatch_notify_deliveries_total", outcome="sent") == 1
        assert status["deliveries"]["sent"] == 1 and len(web.received("/hook", "POST")) == 1
        # Retries: each broken delivery is retried twice (schedule of 2), then dies.
        assert value(metrics, "wirewatch_notify_deliveries_total", outcome="retry") == 2 * K
        # Items: two new items ingested, two classified, one of them matched.
        assert status["items_total"] == 2
        assert value(metrics, "wirewatch_ingest_items_total", kind="new") == 2
        assert value(metrics, "wirewatch_classify_items_total", result="matched") == 1
        assert value(metrics, "wirewatch_classify_items_total", result="unmatched") == 1
        # Lag per group agrees with /metrics (both count from the committed offsets).
        for row in status["consumer_lag"]:
            labels = {"group": row["group"], "topic": row["topic"]}
            in_metrics = value(metrics, "wirewatch_consumer_lag_messages", **labels)
            assert in_metrics in (0, None), (row, in_metrics)
        # Every alert per hour counts the one sent.
        assert sum(n for _, n in status["alerts_per_hour"]) == 1
        assert sum(n for _, n in status["items_per_hour"]) == 2
        assert status["healthy"], status["problems"]
        assert any("2 dead deliveries" in w for w in status["warnings"])
    finally:
        up.terminate()
        up.wait(timeout=60)
        engine.dispose()
        web.stop()
