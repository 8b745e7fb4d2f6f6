"""Per-host politeness: at most N requests in flight per host, and a minimum gap
between two request starts to the same host."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass
class _HostState:
    semaphore: asyncio.Semaphore
    next_start: float = 0.0
    users: int = 0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class HostPoliteness:
    """``async with politeness.slot(host):`` around every request to ``host``."""

    def __init__(self, max_concurrent: int, min_gap_s: float) -> None:
        self.max_concurrent = max_concurrent
        self.min_gap_s = min_gap_s
        self._hosts: dict[str, _HostState] = {}
        self._last_sweep = 0.0

    def _sweep(self) -> None:
        now = time.monotonic()
        if len(self._hosts) < 256 or now - self._last_sweep < 1.0:
            return
        self._last_sweep = now
        for key in [k for k, s in self._hosts.items() if not s.users and s.next_start <= now]:
            del self._hosts[key]

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        key = host.lower().rstrip(".")
        state = self._hosts.get(key)
        if state is None:
            self._sweep()
            state = self._hosts[key] = _HostState(asyncio.Semaphore(self.max_concurrent))
        state.users += 1
        try:
            async with state.semaphore:
                if self.min_gap_s > 0:
                    async with state.lock:
                        now = time.monotonic()
                        start = max(now, state.next_start)
                        state.next_start = start + self.min_gap_s
                    if start > now:
                        await asyncio.sleep(start - now)
                yield
        finally:
            state.users -= 1
            # Forget idle hosts whose gap has passed, so 10,000 hosts cost nothing at rest.
            if state.users == 0 and state.next_start <= time.monotonic():
                self._hosts.pop(key, None)
