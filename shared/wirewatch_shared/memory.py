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
import gc
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


YOUNG_COLLECTION_AFTER = 10_000
"""Container allocations (net) between two young collections; CPython's default is 700."""


def freeze_long_lived() -> None:
    """Take every object alive now out of the garbage collector's generations
    (``gc.freeze``), once a service has started (and classify again after each classifier
    it builds): modules, models, compiled patterns and the service's own state live as
    long as the process, and each full collection walked all of them while the event loop
    waited. Stop 45 measured such pauses of stories' and notify's loops at 100-400 ms on a
    loaded 2-core host (over 1 s at load 12), a few in 20 s of 100 items/s, and they held
    most of the slowest 1 % of the alerts; classify, frozen since stop 34 (its classifier's
    ~170,000 containers), did not pause like that. Frozen objects are still freed by
    reference counting (a frozen cycle dropped later is not, while frozen); the collection
    first keeps the start's garbage out of the frozen set.

    Young collections also run less often (every 10,000 container allocations net of
    frees instead of 700): a batch keeps its records, events and results alive until it
    ends, and collecting every 700 promoted most of them to the older generations, whose
    collections then walked them again."""
    gc.collect()
    gc.freeze()
    young, older, oldest = gc.get_threshold()
    gc.set_threshold(max(YOUNG_COLLECTION_AFTER, young), older, oldest)


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
