"""Per-target pacing: at most one message per interval, in arrival order (queued, never dropped)."""

from __future__ import annotations

import asyncio
import time

from wirewatch_notify.channels.base import RetryableDeliveryError


class Pacer:
    """Spaces sends to one key by ``min_interval_s``; a key can be blocked (HTTP 429).

    Waiting is done in FIFO order under a per-key lock. A wait longer than
    ``max_wait_s`` (a long Retry-After) is not slept through while holding a claimed
    delivery: it raises an uncounted, exactly-timed retry instead.
    """

    def __init__(self, min_interval_s: float, *, max_wait_s: float = 5.0) -> None:
        self.min_interval_s = min_interval_s
        self.max_wait_s = max_wait_s
        self._next: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def blocked_for(self, key: str) -> float:
        return max(0.0, self._next.get(key, 0.0) - time.monotonic())

    def block(self, key: str, seconds: float) -> None:
        """Nothing goes to ``key`` for ``seconds`` (from now)."""
        until = time.monotonic() + seconds
        self._next[key] = max(self._next.get(key, 0.0), until)

    async def wait_turn(self, key: str) -> None:
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            wait = self.blocked_for(key)
            if wait > self.max_wait_s:
                raise RetryableDeliveryError(
                    f"rate limited: held back {wait:.1f} s",
                    retry_after_s=wait,
                    exact=True,
                    counts=False,
                )
            if wait > 0:
                await asyncio.sleep(wait)
            self._next[key] = time.monotonic() + self.min_interval_s
