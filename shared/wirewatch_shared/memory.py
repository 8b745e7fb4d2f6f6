"""Keeping a service's resident memory flat (glibc malloc tuning; a no-op elsewhere).

Every service does its database work in worker threads. glibc gives each thread that
allocates its own malloc arena (up to 8 per core), and memory freed in one arena is
not reused by another, so a burst of batches leaves each arena holding its own
high-water mark. Two arenas in all, and handing freed heap pages back to the kernel
after a burst, keep the peak close to what is really in use. An operator's own
``MALLOC_ARENA_MAX`` wins.
"""

from __future__ import annotations

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
