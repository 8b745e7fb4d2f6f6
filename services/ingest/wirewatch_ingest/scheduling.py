"""When to poll a feed next (pure functions; the poller stores the results).

- After a success, the next check is the feed's adaptive interval, with
  jitter, but never sooner than the server or the feed allows (RSS ``<ttl>``,
  ``Cache-Control: max-age`` / ``Expires``, ``Retry-After``; hints are capped
  at ``max_hint_s`` so a silly value cannot silence a feed for a year).
- The adaptive interval comes from how often the feed publishes: half the
  typical gap between its recent items (or since its newest one), clamped
  between a floor and a ceiling. A 304 or unchanged body keeps the interval.
- After a failure: exponential back-off (base * 2^(n-1), capped, jittered),
  at least any ``Retry-After``. After ``park_after_errors`` consecutive
  failures the feed is parked: still listed, visibly unhealthy, rechecked
  every ``parked_interval_s``; one success unparks it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from wirewatch_ingest.settings import IngestSettings

RECENT_ITEMS = 20
RECENT_WINDOW = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class SchedulePolicy:
    default_interval_s: float = 900.0
    min_interval_s: float = 300.0
    max_interval_s: float = 4 * 3600.0
    jitter: float = 0.1
    max_hint_s: float = 24 * 3600.0
    backoff_base_s: float = 300.0
    backoff_max_s: float = 6 * 3600.0
    park_after_errors: int = 10
    parked_interval_s: float = 24 * 3600.0

    @classmethod
    def from_settings(cls, settings: IngestSettings) -> SchedulePolicy:
        return cls(
            default_interval_s=settings.poll_interval_s,
            min_interval_s=min(settings.min_poll_interval_s, settings.poll_interval_s),
            max_interval_s=max(settings.max_poll_interval_s, settings.poll_interval_s),
            jitter=settings.poll_jitter,
            max_hint_s=settings.max_server_hint_s,
            backoff_base_s=settings.error_backoff_base_s,
            backoff_max_s=settings.error_backoff_max_s,
            park_after_errors=settings.park_after_errors,
            parked_interval_s=settings.parked_interval_s,
        )


@dataclass(frozen=True, slots=True)
class ServerHints:
    """Lower bounds on the next check that the feed or the server asked for (seconds)."""

    ttl_s: float | None = None
    cache_ttl_s: float | None = None
    retry_after_s: float | None = None

    def floor_s(self, cap_s: float) -> float:
        values = [v for v in (self.ttl_s, self.cache_ttl_s, self.retry_after_s) if v]
        return min(max(values), cap_s) if values else 0.0


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def jittered(seconds: float, jitter: float, rng: random.Random | None = None) -> float:
    if jitter <= 0:
        return seconds
    return seconds * (rng or random).uniform(1.0 - jitter, 1.0 + jitter)


def adaptive_interval(
    published: Sequence[datetime], now: datetime, policy: SchedulePolicy
) -> float:
    """Poll interval from the feed's own publication times.

    Uses up to the 20 newest items of the last 30 days: half of the larger of
    their mean gap and the time since the newest one, clamped to
    [min_interval_s, max_interval_s]. With fewer than two recent dated items
    the feed is quiet or undated: the ceiling, resp. the default.
    """
    if not published:
        return policy.default_interval_s
    recent = sorted((t for t in published if now - RECENT_WINDOW <= t <= now), reverse=True)
    recent = recent[:RECENT_ITEMS]
    if len(recent) < 2:
        return policy.max_interval_s if len(published) >= 2 else policy.default_interval_s
    mean_gap = (recent[0] - recent[-1]).total_seconds() / (len(recent) - 1)
    since_newest = (now - recent[0]).total_seconds()
    return _clamp(max(mean_gap, since_newest) / 2.0, policy.min_interval_s, policy.max_interval_s)


def next_check_after_success(
    now: datetime,
    interval_s: float,
    hints: ServerHints,
    policy: SchedulePolicy,
    rng: random.Random | None = None,
) -> datetime:
    delay = max(jittered(interval_s, policy.jitter, rng), hints.floor_s(policy.max_hint_s))
    return now + timedelta(seconds=delay)


def backoff_delay(consecutive_errors: int, policy: SchedulePolicy) -> float:
    """base * 2^(n-1), capped; n is the number of consecutive failures so far (>= 1)."""
    exponent = max(0, min(consecutive_errors - 1, 30))
    return float(min(policy.backoff_base_s * (2**exponent), policy.backoff_max_s))


@dataclass(frozen=True, slots=True)
class FailurePlan:
    next_check_at: datetime
    parked: bool


def next_check_after_failure(
    now: datetime,
    consecutive_errors: int,
    policy: SchedulePolicy,
    *,
    retry_after_s: float | None = None,
    rng: random.Random | None = None,
) -> FailurePlan:
    parked = consecutive_errors >= policy.park_after_errors
    base = policy.parked_interval_s if parked else backoff_delay(consecutive_errors, policy)
    delay = jittered(base, policy.jitter, rng)
    if retry_after_s:
        delay = max(delay, min(retry_after_s, policy.max_hint_s))
    return FailurePlan(next_check_at=now + timedelta(seconds=delay), parked=parked)
