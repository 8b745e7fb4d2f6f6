"""In-process token buckets, one per key (an API token, a client address)."""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    def __init__(self, per_minute: float, burst: int, *, max_keys: int = 10_000) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.max_keys = max_keys
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def _refill(self, key: str, now: float) -> _Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.max_keys:
                self._forget_full(now)
            bucket = self._buckets[key] = _Bucket(self.burst, now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        return bucket

    def _forget_full(self, now: float) -> None:
        """Drop buckets that have refilled (they hold nothing a new one would not);
        when every key is still limited, the oldest half goes (memory stays bounded)."""
        full = [
            k
            for k, b in self._buckets.items()
            if b.tokens + (now - b.updated) * self.rate >= self.burst
        ]
        for key in (
            full
            or sorted(self._buckets, key=lambda k: self._buckets[k].updated)[
                : len(self._buckets) // 2
            ]
        ):
            del self._buckets[key]

    def wait(self, key: str, *, now: float | None = None) -> float | None:
        """Like :meth:`take` without spending: None if a request would be allowed."""
        now = time.monotonic() if now is None else now
        with self._lock:
            bucket = self._refill(key, now)
            return None if bucket.tokens >= 1.0 else (1.0 - bucket.tokens) / self.rate

    def take(self, key: str, *, now: float | None = None) -> float | None:
        """Spend one request; None if allowed, else the seconds to wait (Retry-After)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            bucket = self._refill(key, now)
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return None
            return (1.0 - bucket.tokens) / self.rate

    @staticmethod
    def retry_after_header(wait_s: float) -> str:
        return str(max(1, math.ceil(wait_s)))
