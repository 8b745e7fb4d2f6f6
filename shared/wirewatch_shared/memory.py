"""Keeping a service's resident memory flat (glibc malloc tuning; a no-op elsewhere).

Every service does its database work in worker threads. glibc gives each thread that
allocates its own malloc arena (up to 8 per core), and memory freed in one arena is
not reused by another, so a burst of batches leaves each arena holding its own
high-water mark. Two arenas in all, and handing freed heap pages back to the kernel
after a burst, keep the peak close to what is really in use. An operator's own
``MALLOC_ARENA_MAX`` wins.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import os
import sys
from typing import Any

M_ARENA_MAX = -8  # glibc mallopt() parameter
ARENAS = 2

_libc: Any = None


def _glibc() -> Any:
    global _libc
    if _libc is None:
        _libc = False
        if sys.platform.startswith("linux"):
            try:
                libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
                if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim"):
                    _libc = libc
            except OSError:
                pass
    return _libc or None


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Cap glibc's malloc arenas (threads created afterwards share them)."""
    libc = _glibc()
    if libc is None or "MALLOC_ARENA_MAX" in os.environ:
        return False
    return bool(libc.mallopt(M_ARENA_MAX, arenas))


def trim() -> None:
    """Give free heap pages back to the kernel (cheap: a few ms at most)."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


TRIM_AFTER = 20
"""Messages in a batch from which the heap is worth handing back once batches pause."""
TRIM_IDLE_S = 0.5
"""Seconds without a batch, after a large one, before the freed heap goes back."""


class IdleTrim:
    """:func:`trim` once batches pause, not after each one: trimming between the batches
    of a backlog handed the pages back only for the next batch to fault them in again
    (~1.2 page faults an item). After a burst, or between batches further apart than
    ``idle_s``, the memory still goes back; a small batch postpones a trim owed, never
    drops it. One per consumer loop; call from the event loop."""

    def __init__(self, idle_s: float = TRIM_IDLE_S) -> None:
        self.idle_s = idle_s
        self._timer: asyncio.TimerHandle | None = None
        self._last_start = 0.0  # loop time

    def batch_started(self) -> None:
        self._last_start = asyncio.get_running_loop().time()

    def batch_done(self, messages: int) -> None:
        if messages >= TRIM_AFTER and self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self.idle_s, self._when_idle)

    def _when_idle(self) -> None:
        loop = asyncio.get_running_loop()
        wait = self._last_start + self.idle_s - loop.time()
        if wait > 0:  # a batch came meanwhile: wait for the pause after it
            self._timer = loop.call_later(wait, self._when_idle)
            return
        self._timer = None
        trim()

    def flush(self) -> None:
        """At shutdown: the trim owed, now."""
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()
            trim()
