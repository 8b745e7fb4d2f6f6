"""Prometheus metric definitions shared by every service, and one helper per event.

Services call the ``record_*`` functions where the event happens; they never touch
``prometheus_client`` themselves. Everything lives in one :data:`REGISTRY` (with the
process collectors), which the ``/metrics`` endpoint renders with
``prometheus_client.generate_latest`` — the exposition format is never hand-written.

Kafka message counts, processing-latency histograms and errors by exception type
come from FastStream's ``KafkaPrometheusMiddleware`` (:func:`instrument_broker`),
labelled with ``app_name`` = the service. Gauges derived from the database (feeds
by health, pending deliveries, …) are collectors registered by the composition
root; consumer lag comes from :mod:`wirewatch_shared.lag`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Final, Literal

from faststream.kafka import KafkaBroker
from faststream.kafka.prometheus import KafkaPrometheusMiddleware
from prometheus_client import (
    GC_COLLECTOR,
    PLATFORM_COLLECTOR,
    PROCESS_COLLECTOR,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
)
from prometheus_client.registry import Collector

REGISTRY: Final = CollectorRegistry(auto_describe=True)
"""Wirewatch's registry: every metric below, FastStream's and the process collectors."""

for _collector in (PROCESS_COLLECTOR, PLATFORM_COLLECTOR, GC_COLLECTOR):
    REGISTRY.register(_collector)

FASTSTREAM_PREFIX: Final = "faststream"
"""Prefix of the FastStream middleware metrics (its Grafana dashboards expect it)."""

LATENCY_BUCKETS: Final = (
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
)  # fmt: skip
FRESHNESS_BUCKETS: Final = (
    0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0,
    3600.0, 3 * 3600.0, 6 * 3600.0, 12 * 3600.0, 86400.0, 3 * 86400.0, 7 * 86400.0,
)  # fmt: skip

PollOutcome = Literal["200", "304", "error", "skipped"]
DeliveryOutcome = Literal["sent", "retry", "dead"]

# --- ingest ---------------------------------------------------------------------------
POLLS = Counter(
    "wirewatch_ingest_polls",
    "Feed polls by outcome: 200 (new content), 304 (not modified), error, skipped.",
    ["outcome"],
    registry=REGISTRY,
)
FETCHED_BYTES = Counter(
    "wirewatch_ingest_fetched_bytes", "Feed body bytes downloaded.", registry=REGISTRY
)
INGEST_ITEMS = Counter(
    "wirewatch_ingest_items",
    "Items found in fetched feeds: new (published) or duplicate (seen before).",
    ["kind"],
    registry=REGISTRY,
)
SCHEDULE_LAG = Histogram(
    "wirewatch_ingest_schedule_lag_seconds",
    "How late a feed poll started after the feed was due.",
    buckets=(*LATENCY_BUCKETS, 120.0, 300.0, 900.0),
    registry=REGISTRY,
)
# --- classify -------------------------------------------------------------------------
CLASSIFIED = Counter(
    "wirewatch_classify_items",
    "Items classified, by result: matched (at least one topic) or unmatched.",
    ["result"],
    registry=REGISTRY,
)
TAGGED = Counter(
    "wirewatch_classify_items_tagged",
    "Items tagged with a topic, per topic.",
    ["topic"],
    registry=REGISTRY,
)

# --- notify ---------------------------------------------------------------------------
DELIVERIES = Counter(
    "wirewatch_notify_deliveries",
    "Delivery attempts by channel and outcome: sent, retry (failed, will be retried), "
    "dead (failed, given up: a permanent error or the last retry).",
    ["channel", "outcome"],
    registry=REGISTRY,
)
ENDPOINT_OVERLOADS = Counter(
    "wirewatch_notify_endpoint_overloads",
    "Times an endpoint's sends at once were halved because it timed out or answered "
    "429/5xx, by channel.",
    ["channel"],
    registry=REGISTRY,
)
DELIVERY_DURATION = Histogram(
    "wirewatch_notify_delivery_duration_seconds",
    "Time one delivery attempt took, by channel.",
    ["channel"],
    buckets=LATENCY_BUCKETS,
    registry=REGISTRY,
)
ALERT_FRESHNESS = Histogram(
    "wirewatch_alert_freshness_seconds",
    "End-to-end: time from the item's publication (since=published) or from the feed "
    "fetch that found it (since=fetched) until its alert was delivered.",
    ["since", "channel"],
    buckets=FRESHNESS_BUCKETS,
    registry=REGISTRY,
)

# --- every service --------------------------------------------------------------------
PUBLISHED = Counter(
    "wirewatch_published_messages",
    "Records published in batches by the services' own producers (ingest's items, "
    "classify's classified items), per topic and status: success (acknowledged by the "
    "broker) or error. FastStream's faststream_published_messages_total counts the rest.",
    ["topic", "status"],
    registry=REGISTRY,
)
READY = Gauge(
    "wirewatch_ready",
    "1 when the readiness check passes, per service and check.",
    ["service", "check"],
    registry=REGISTRY,
)
EVENT_LOOP_LAG = Gauge(
    "wirewatch_event_loop_lag_seconds",
    "How late the last event-loop heartbeat ran (a blocked loop shows here).",
    registry=REGISTRY,
)


def record_published(topic: str, count: int, *, ok: bool) -> None:
    """``count`` records of one batch on ``topic`` were acknowledged (or failed)."""
    PUBLISHED.labels(topic, "success" if ok else "error").inc(count)


def record_poll(outcome: PollOutcome, nbytes: int = 0) -> None:
    """One feed poll finished: 200, 304, error or skipped; ``nbytes`` downloaded."""
    POLLS.labels(outcome).inc()
    if nbytes > 0:
        FETCHED_BYTES.inc(nbytes)


def record_items(new: int, duplicate: int) -> None:
    """Items of one fetched feed: how many were new and how many seen before."""
    if new:
        INGEST_ITEMS.labels("new").inc(new)
    if duplicate:
        INGEST_ITEMS.labels("duplicate").inc(duplicate)


def record_schedule_lag(seconds: float) -> None:
    """A poll started ``seconds`` after its feed was due."""
    SCHEDULE_LAG.observe(max(0.0, seconds))


def record_classified(topics: Iterable[str]) -> None:
    """One item classified; ``topics`` are the topics it was tagged with (maybe none)."""
    names = list(topics)
    CLASSIFIED.labels("matched" if names else "unmatched").inc()
    for name in names:
        TAGGED.labels(name).inc()


def record_delivery(
    channel: str, outcome: DeliveryOutcome, duration_s: float | None = None
) -> None:
    """One delivery attempt on ``channel`` ended ``sent``, ``retry`` (failed, to be tried
    again) or ``dead`` (failed, given up: a permanent error or the last retry)."""
    DELIVERIES.labels(channel, outcome).inc()
    if duration_s is not None:
        time_delivery(channel, duration_s)


def record_endpoint_overload(channel: str) -> None:
    """An endpoint on ``channel`` showed overload: its sends at once were halved."""
    ENDPOINT_OVERLOADS.labels(channel).inc()


def time_delivery(channel: str, duration_s: float) -> None:
    """How long one delivery attempt on ``channel`` took."""
    DELIVERY_DURATION.labels(channel).observe(duration_s)


def record_alert_delivered(
    channel: str,
    *,
    fetched_at: datetime | None,
    published: datetime | None,
    now: datetime | None = None,
) -> None:
    """An alert reached its subscriber: observe freshness since fetch and since publication."""
    now = now or datetime.now(UTC)
    for since, moment in (("fetched", fetched_at), ("published", published)):
        if moment is not None:
            aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
            ALERT_FRESHNESS.labels(since, channel).observe(max(0.0, (now - aware).total_seconds()))


def kafka_middleware(service: str) -> KafkaPrometheusMiddleware:
    """FastStream's Prometheus middleware on :data:`REGISTRY`, labelled with the service."""
    return KafkaPrometheusMiddleware(
        registry=REGISTRY, app_name=service, metrics_prefix=FASTSTREAM_PREFIX
    )


def instrument_broker(broker: KafkaBroker, service: str) -> None:
    """Count, time and log-correlate every message ``broker`` consumes and publishes.

    Safe to call after subscribers and publishers were declared: FastStream reads
    the broker's middlewares when it handles each message.
    """
    from wirewatch_shared.correlation import CorrelationMiddleware

    broker.add_middleware(kafka_middleware(service))
    broker.add_middleware(CorrelationMiddleware.factory(service))


def register_collector(collector: Collector) -> None:
    """Add a scrape-time collector (e.g. database gauges) to :data:`REGISTRY` once."""
    with contextlib.suppress(ValueError):  # already registered (a second System in-process)
        REGISTRY.register(collector)


def unregister_collector(collector: Collector) -> None:
    with contextlib.suppress(KeyError):
        REGISTRY.unregister(collector)
