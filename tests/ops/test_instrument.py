"""The per-event metric helpers and hooks (no broker needed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from prometheus_client import generate_latest
from wirewatch_shared.instrument import instrument_channels
from wirewatch_shared.metrics import (
    REGISTRY,
    record_classified,
    record_items,
    record_poll,
    record_schedule_lag,
)

from tests.ops.support import value


def scrape() -> str:
    return generate_latest(REGISTRY).decode()


def delta(before: str, after: str, name: str, **labels: str) -> float:
    return (value(after, name, **labels) or 0) - (value(before, name, **labels) or 0)


def test_event_helpers_count() -> None:
    before = scrape()
    record_poll("200", 2048)
    record_poll("304")
    record_poll("error")
    record_items(new=3, duplicate=7)
    record_schedule_lag(1.5)
    record_classified(["border-policy", "repatriation-flights"])
    record_classified([])
    after = scrape()
    assert delta(before, after, "wirewatch_ingest_polls_total", outcome="200") == 1
    assert delta(before, after, "wirewatch_ingest_polls_total", outcome="304") == 1
    assert delta(before, after, "wirewatch_ingest_polls_total", outcome="error") == 1
    assert delta(before, after, "wirewatch_ingest_fetched_bytes_total") == 2048
    assert delta(before, after, "wirewatch_ingest_items_total", kind="new") == 3
    assert delta(before, after, "wirewatch_ingest_items_total", kind="duplicate") == 7
    assert delta(before, after, "wirewatch_ingest_schedule_lag_seconds_count") == 1
    assert delta(before, after, "wirewatch_classify_items_total", result="matched") == 1
    assert delta(before, after, "wirewatch_classify_items_total", result="unmatched") == 1
    assert delta(before, after, "wirewatch_classify_items_tagged_total", topic="border-policy") == 1


class Permanent(Exception):
    pass


@dataclass
class Request:
    envelope: dict[str, Any]


class FakeChannel:
    name = "webhook"

    def __init__(self) -> None:
        self.fail: Exception | None = None
        self.closed = False
        self.extra = "passed through"

    async def send(self, request: Request) -> None:
        if self.fail is not None:
            raise self.fail

    async def aclose(self) -> None:
        self.closed = True


async def test_channels_count_outcomes_and_freshness() -> None:
    inner = FakeChannel()
    channels = instrument_channels({"webhook": inner})
    channel = channels["webhook"]
    now = datetime.now(UTC)
    alert = {
        "type": "wirewatch.alert.v1",
        "data": {"item": {"published": (now - timedelta(hours=2)).isoformat(),
                          "fetched_at": (now - timedelta(seconds=3)).isoformat()}},
    }  # fmt: skip
    before = scrape()
    await channel.send(Request(alert))
    inner.fail = RuntimeError("timeout")
    with pytest.raises(RuntimeError):
        await channel.send(Request(alert))
    inner.fail = Permanent("410 Gone")
    with pytest.raises(Permanent):
        await channel.send(Request(alert))
    await channel.aclose()
    after = scrape()
    assert inner.closed and channel.extra == "passed through"  # type: ignore[attr-defined]
    # Sends are counted here; failures only timed: the worker counts them once it knows
    # whether the delivery will be retried (tests/ops/test_up_figures.py).
    for outcome, count in (("sent", 1), ("retry", 0), ("dead", 0)):
        name = "wirewatch_notify_deliveries_total"
        assert delta(before, after, name, channel="webhook", outcome=outcome) == count
    timed = "wirewatch_notify_delivery_duration_seconds_count"
    assert delta(before, after, timed, channel="webhook") == 3
    name = "wirewatch_alert_freshness_seconds_bucket"
    fetched_under_10s = delta(before, after, name, since="fetched", channel="webhook", le="10.0")
    published_under_1h = delta(
        before, after, name, since="published", channel="webhook", le="3600.0"
    )
    published_under_3h = delta(
        before, after, name, since="published", channel="webhook", le="10800.0"
    )
    assert fetched_under_10s == 1 and published_under_1h == 0 and published_under_3h == 1
