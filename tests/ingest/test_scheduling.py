"""Scheduling math: adaptive interval, server hints, jitter, back-off, parking."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from wirewatch_ingest.fetcher import parse_cache_ttl
from wirewatch_ingest.scheduling import (
    SchedulePolicy,
    ServerHints,
    adaptive_interval,
    backoff_delay,
    next_check_after_failure,
    next_check_after_success,
)
from wirewatch_shared.httpdates import parse_retry_after

NOW = datetime(2025, 6, 1, 12, tzinfo=UTC)
POLICY = SchedulePolicy(
    default_interval_s=900, min_interval_s=300, max_interval_s=14400, jitter=0.1,
    max_hint_s=86400, backoff_base_s=300, backoff_max_s=21600, park_after_errors=5,
    parked_interval_s=86400,
)  # fmt: skip


def times(*minutes_ago: float) -> list[datetime]:
    return [NOW - timedelta(minutes=m) for m in minutes_ago]


def test_adaptive_interval() -> None:
    assert adaptive_interval([], NOW, POLICY) == 900  # undated feed: the default
    # Busy feed: an item every 2 minutes -> the floor.
    assert adaptive_interval(times(*range(0, 40, 2)), NOW, POLICY) == 300
    # An item every hour, newest 10 min ago -> half an hour.
    assert adaptive_interval(times(10, 70, 130, 190), NOW, POLICY) == pytest.approx(1800)
    # Hourly items but silent for 5 hours -> 2.5 h.
    assert adaptive_interval(times(300, 360, 420), NOW, POLICY) == pytest.approx(9000)
    # One item a week -> the ceiling.
    assert adaptive_interval(times(60 * 24 * 7, 60 * 24 * 14, 60 * 24 * 21), NOW, POLICY) == 14400
    # Only old items (outside the window) -> the ceiling.
    assert adaptive_interval(times(60 * 24 * 90, 60 * 24 * 100), NOW, POLICY) == 14400
    # A single dated item: not enough to tell -> default.
    assert adaptive_interval(times(5), NOW, POLICY) == 900


def test_next_check_respects_hints_and_jitter() -> None:
    rng = random.Random(1)
    checks = [next_check_after_success(NOW, 900, ServerHints(), POLICY, rng) for _ in range(200)]
    delays = [(c - NOW).total_seconds() for c in checks]
    assert min(delays) >= 810 and max(delays) <= 990
    assert len({round(d) for d in delays}) > 50  # actually jittered
    # Never sooner than TTL / max-age / Retry-After, whichever is largest.
    for hints, floor in [
        (ServerHints(ttl_s=3600), 3600),
        (ServerHints(cache_ttl_s=7200, ttl_s=60), 7200),
        (ServerHints(retry_after_s=5000), 5000),
        (ServerHints(retry_after_s=10 * 86400), 86400),  # capped
    ]:
        assert (
            next_check_after_success(NOW, 900, hints, POLICY, rng) - NOW
        ).total_seconds() >= floor
    assert (
        next_check_after_success(NOW, 900, ServerHints(retry_after_s=10 * 86400), POLICY, rng) - NOW
    ).total_seconds() <= 86400


def test_backoff_and_parking() -> None:
    assert [backoff_delay(n, POLICY) for n in range(1, 9)] == [
        300,
        600,
        1200,
        2400,
        4800,
        9600,
        19200,
        21600,
    ]
    rng = random.Random(2)
    plan = next_check_after_failure(NOW, 1, POLICY, rng=rng)
    assert not plan.parked
    assert 270 <= (plan.next_check_at - NOW).total_seconds() <= 330
    plan = next_check_after_failure(NOW, 1, POLICY, retry_after_s=3600, rng=rng)
    assert (plan.next_check_at - NOW).total_seconds() >= 3600
    parked = next_check_after_failure(NOW, 5, POLICY, rng=rng)
    assert parked.parked
    assert (parked.next_check_at - NOW).total_seconds() >= 86400 * 0.9


def test_http_hint_parsing() -> None:
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Sun, 01 Jun 2025 12:10:00 GMT", NOW) == 600
    assert parse_retry_after("Sun, 01 Jun 2025 11:00:00 GMT", NOW) == 0
    assert parse_retry_after("soon") is None
    assert parse_cache_ttl({"cache-control": "public, max-age=600"}) == 600
    assert parse_cache_ttl({"cache-control": "s-maxage=60, max-age=30"}) in (60, 30)
    assert parse_cache_ttl({"cache-control": "no-cache, max-age=600"}) is None
    assert (
        parse_cache_ttl(
            {"expires": "Sun, 01 Jun 2025 13:00:00 GMT", "date": "Sun, 01 Jun 2025 12:00:00 GMT"}
        )
        == 3600
    )
    assert parse_cache_ttl({"expires": "0"}) is None
