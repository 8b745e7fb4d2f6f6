"""Gauges read from the database at scrape time (feeds by health, the delivery outbox).

Each is a Prometheus collector: ``/metrics`` renders in a worker thread, so these
queries never block the event loop. A database error yields a ``…_readable 0``
sample instead of failing the whole scrape.

Their queries count whole tables, so a reading is reused for ``max_age_s`` (1 s): a
dashboard, ``wirewatch status`` and Prometheus scraping at once, or a tight polling
loop, cost the database one query a second, not one per scrape.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy.engine import Engine

from wirewatch.ops import dbstats

T = TypeVar("T")
MAX_AGE_S = 1.0


class _Reading(Generic[T]):
    """The last result of ``read`` for ``max_age_s``; errors are never reused."""

    def __init__(
        self,
        read: Callable[[], T],
        max_age_s: float = MAX_AGE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._read = read
        self._max_age_s = max_age_s
        self._clock = clock
        self._lock = threading.Lock()  # scrapes render in worker threads, maybe at once
        self._value: T | None = None
        self._at = -float("inf")

    def get(self) -> T:
        with self._lock:
            now = self._clock()
            if self._value is None or now - self._at >= self._max_age_s:
                self._value = self._read()
                self._at = now
            return self._value


class FeedHealthCollector(Collector):
    """``wirewatch_ingest_feeds{health}``: feeds per health state."""

    def __init__(self, engine: Engine, *, max_age_s: float = MAX_AGE_S) -> None:
        self.engine = engine
        self._reading = _Reading(lambda: dbstats.feeds_by_health(engine), max_age_s)

    def _families(self) -> tuple[GaugeMetricFamily, GaugeMetricFamily]:
        return (
            GaugeMetricFamily(
                "wirewatch_ingest_feeds_readable", "1 when the feed table could be read."
            ),
            GaugeMetricFamily(
                "wirewatch_ingest_feeds",
                "Feeds by health state (new, ok, failing, parked, disabled).",
                labels=["health"],
            ),
        )

    def describe(self) -> Iterator[GaugeMetricFamily]:
        yield from self._families()

    def collect(self) -> Iterator[GaugeMetricFamily]:
        readable, feeds = self._families()
        try:
            counts = self._reading.get()
        except Exception:
            readable.add_metric([], 0)
            yield readable
            return
        readable.add_metric([], 1)
        for state, n in counts.items():
            feeds.add_metric([state], n)
        yield readable
        yield feeds


class OutboxCollector(Collector):
    """The notify outbox: deliveries by channel and status, retries, dead letters, age."""

    def __init__(self, engine: Engine, *, max_age_s: float = MAX_AGE_S) -> None:
        self.engine = engine
        self._reading = _Reading(lambda: dbstats.delivery_stats(engine), max_age_s)

    @staticmethod
    def _families() -> dict[str, GaugeMetricFamily]:
        specs = {
            "readable": ("wirewatch_notify_outbox_readable", "1 when the outbox could be read."),
            "by": (
                "wirewatch_notify_outbox_deliveries",
                "Deliveries in the outbox by channel and status (pending, sent, dead).",
            ),
            "pending": (
                "wirewatch_notify_pending_deliveries",
                "Deliveries waiting to be sent (first attempt or retry).",
            ),
            "retrying": (
                "wirewatch_notify_retries_pending",
                "Pending deliveries that failed at least once and wait for a retry.",
            ),
            "dead": (
                "wirewatch_notify_dead_letters",
                "Deliveries that exhausted their retries (`wirewatch deliveries replay`).",
            ),
            "age": (
                "wirewatch_notify_oldest_pending_age_seconds",
                "Age of the oldest pending delivery (0 when none).",
            ),
        }
        return {
            key: GaugeMetricFamily(name, doc, labels=["channel", "status"] if key == "by" else None)
            for key, (name, doc) in specs.items()
        }

    def describe(self) -> Iterator[GaugeMetricFamily]:
        yield from self._families().values()

    def collect(self) -> Iterator[GaugeMetricFamily]:
        fam = self._families()
        try:
            stats = self._reading.get()
        except Exception:
            fam["readable"].add_metric([], 0)
            yield fam["readable"]
            return
        fam["readable"].add_metric([], 1)
        for (channel, status), n in sorted(stats.by_channel_status.items()):
            fam["by"].add_metric([channel, status], n)
        fam["pending"].add_metric([], stats.pending)
        fam["retrying"].add_metric([], stats.retrying)
        fam["dead"].add_metric([], stats.dead)
        fam["age"].add_metric([], stats.oldest_pending_age_s())
        yield from fam.values()
