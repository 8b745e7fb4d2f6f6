"""Health, metrics and status of a running `wirewatch up` (one shared System per module)."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess

import httpx
import pytest
from wirewatch_shared import streams

from tests.ops.conftest import RunningSystem
from tests.ops.support import get, value, wait_until
from tests.support.env import run_wirewatch

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="module")]


def run_cli(
    args: list[str], running: RunningSystem, **env: str
) -> subprocess.CompletedProcess[str]:
    own = {
        "WIREWATCH_DATABASE_URL": running.database_url,
        "WIREWATCH_KAFKA_BOOTSTRAP": running.bootstrap,
        "COLUMNS": "200",
    }
    return run_wirewatch(args, env=own | env)


async def test_health_and_readiness(running_system: RunningSystem) -> None:
    live = await get(f"{running_system.url}/healthz")
    assert live.status_code == 200
    assert live.json()["status"] == "ok"
    ready = await get(f"{running_system.url}/readyz")
    assert ready.status_code == 200, ready.text
    checks = ready.json()["checks"]
    for name in (
        "started",
        "ingest.kafka",
        "classify.kafka",
        "classify.consumers",
        "notify.kafka",
        "notify.consumers",
        "database",
    ):
        assert checks[name]["ok"], (name, checks[name])


async def test_metrics_cover_every_service(running_system: RunningSystem) -> None:
    async def scraped() -> str:
        return (await get(f"{running_system.url}/metrics")).text

    await get(f"{running_system.url}/readyz")  # sets the wirewatch_ready gauges
    text = await scraped()
    # Published per topic: ingest's items and classify's classified items go out in
    # record batches through their own producers; FastStream counts what it consumes.
    for topic in (streams.ITEMS, streams.CLASSIFIED):
        published = value(text, "wirewatch_published_messages_total", topic=topic)
        assert (published or 0) >= 2, topic
    assert value(text, "wirewatch_published_messages_total", status="error") is None
    assert (value(text, "faststream_received_messages_total", app_name="classify") or 0) >= 2
    assert (value(text, "faststream_received_messages_total", app_name="notify") or 0) >= 2
    assert (
        value(
            text,
            "faststream_received_processed_messages_duration_seconds_bucket",
            app_name="notify",
        )
        is not None
    )
    # Consumer lag per partition of both groups, caught up.
    pairs = (
        ("wirewatch-classify", "wirewatch.items.v1"),
        ("wirewatch-notify", "wirewatch.classified.v1"),
    )

    async def caught_up() -> bool:
        page = await scraped()
        return all(
            value(page, "wirewatch_consumer_lag_messages", group=g, topic=t) == 0 for g, t in pairs
        )

    await wait_until(caught_up, timeout=15, message="consumer lag never reached 0")

    # Database gauges: a reading is reused for up to a second, so look again until the
    # first delivery shows.
    async def delivered() -> bool:
        page = await scraped()
        sent = value(page, "wirewatch_notify_outbox_deliveries", channel="webhook", status="sent")
        return (sent or 0) >= 1

    await wait_until(delivered, timeout=15, message="no sent delivery in the outbox gauges")
    text = await scraped()
    assert value(text, "wirewatch_ingest_feeds", health="ok") == 1
    assert value(text, "wirewatch_ingest_feeds", health="failing") == 1
    assert (
        value(text, "wirewatch_notify_outbox_deliveries", channel="webhook", status="sent") or 0
    ) >= 1
    assert value(text, "wirewatch_notify_dead_letters") == 0
    # Per-event metrics recorded by the services (notify's channels are instrumented).
    assert (value(text, "wirewatch_ingest_polls_total", outcome="200") or 0) >= 1
    assert (value(text, "wirewatch_ingest_polls_total", outcome="error") or 0) >= 1
    assert (value(text, "wirewatch_ingest_items_total", kind="new") or 0) >= 2
    assert (value(text, "wirewatch_classify_items_total", result="matched") or 0) >= 1
    tagged = value(text, "wirewatch_classify_items_tagged_total", topic="repatriation-flights")
    assert (tagged or 0) >= 1
    sent = value(text, "wirewatch_notify_deliveries_total", channel="webhook", outcome="sent")
    assert (sent or 0) >= 1
    assert value(text, "wirewatch_notify_delivery_duration_seconds_count", channel="webhook")
    freshness = value(
        text, "wirewatch_alert_freshness_seconds_count", since="published", channel="webhook"
    )
    assert (freshness or 0) >= 1
    assert value(text, "wirewatch_notify_oldest_pending_age_seconds") is not None
    assert value(text, "wirewatch_ready", service="wirewatch-up", check="notify.consumers") == 1
    assert value(text, "wirewatch_event_loop_lag_seconds") is not None


async def test_status_json(running_system: RunningSystem) -> None:
    response = await get(f"{running_system.url}/status.json")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["healthy"] is True
    assert body["feeds"]["ok"] == 1 and body["feeds"]["failing"] == 1
    [failing] = body["failing_feeds"]
    assert failing["url"] == running_system.failing_feed_url
    assert "500" in (failing["last_error"] or failing["last_status"])
    assert body["deliveries"]["sent"] >= 1
    assert body["last_alerts"][0]["title"].startswith("Mexico and Venezuela")
    groups = {row["group"] for row in body["consumer_lag"]}
    assert groups == {
        f"wirewatch-{g}"
        for g in ("classify", "notify", "stories", "notify-stories", "flights", "notify-flights")
    }
    assert sum(n for _, n in body["alerts_per_hour"]) >= 1
    assert sum(n for _, n in body["items_per_hour"]) >= 2


async def test_status_cli_healthy_then_unhealthy(running_system: RunningSystem) -> None:
    ok = await asyncio.to_thread(
        run_cli, ["status", "--probe", f"up={running_system.url}/readyz"], running_system
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    for expected in (
        "Services",
        "Consumer lag",
        "wirewatch-notify",
        "Feeds by health",
        running_system.failing_feed_url,
        "Deliveries",
        "Mexico and Venezuela",
        "healthy",
    ):
        assert expected in ok.stdout, expected

    as_json = await asyncio.to_thread(
        run_cli, ["status", "--json", "--probe", f"up={running_system.url}/readyz"], running_system
    )
    assert as_json.returncode == 0
    assert json.loads(as_json.stdout)["services"][0]["ready"] is True

    # Without a configured Kafka, the CLI asks the running `up` (only it knows where its
    # embedded broker listens): explicitly with --url, or by default on WIREWATCH_HTTP_PORT.
    port = running_system.url.rsplit(":", 1)[1]
    for args, env in (
        (["status", "--url", running_system.url], {}),
        (["status"], {"WIREWATCH_HTTP_PORT": port}),
    ):
        asked = await asyncio.to_thread(
            run_cli, args, running_system, WIREWATCH_KAFKA_BOOTSTRAP="", **env
        )
        assert asked.returncode == 0, asked.stdout + asked.stderr
        assert "wirewatch-classify" in asked.stdout and "healthy" in asked.stdout

    down = await asyncio.to_thread(
        run_cli, ["status", "--probe", "gone=http://127.0.0.1:9/readyz"], running_system
    )
    assert down.returncode == 1
    assert "NOT READY" in down.stdout and "UNHEALTHY" in down.stdout


async def _post(url: str, data: dict[str, str | list[str]]) -> httpx.Response:
    async with httpx.AsyncClient(timeout=10, trust_env=False) as client:
        return await client.post(url, data=data)


async def test_subscribe_and_unsubscribe_forms(running_system: RunningSystem) -> None:
    page = await get(f"{running_system.url}/subscribe")
    assert page.status_code == 200
    for topic in ("repatriation-flights", "border-policy"):
        assert f'value="{topic}"' in page.text
    refused = await _post(f"{running_system.url}/subscribe", {"channel": "webhook", "target": "x"})
    assert refused.status_code == 422 and "pick at least one topic" in refused.text

    hook = running_system.feeds.url("/second-hook")
    created = await _post(
        f"{running_system.url}/subscribe",
        {"topic": ["border-policy", "repatriation-flights"], "channel": "webhook",
         "target": hook, "min_score": "0.4"},
    )  # fmt: skip
    assert created.status_code == 201, created.text
    assert "You are subscribed" in created.text and "whsec_" in created.text
    number = re.search(r"<tr><td>(\d+)</td><td>border-policy, repatriation-flights", created.text)
    assert number, created.text

    wrong = await _post(
        f"{running_system.url}/unsubscribe",
        {"subscription_id": number.group(1), "target": "http://elsewhere.example/"},
    )
    assert wrong.status_code == 422
    stopped = await _post(
        f"{running_system.url}/unsubscribe", {"subscription_id": number.group(1), "target": hook}
    )
    assert stopped.status_code == 200 and "stopped" in stopped.text

    # The public form is rate limited per client.
    codes = [
        (
            await _post(f"{running_system.url}/subscribe", {"channel": "email", "target": "a@b.c"})
        ).status_code
        for _ in range(8)
    ]
    assert 429 in codes
