"""Logs the garbage collector's pauses of every Python process started with this folder on
``PYTHONPATH`` and ``BENCH_GC_LOG`` set to a folder (``bench/pipeline.py --gc-log``): one
line per collection of 1 ms or more, ``<epoch end> <generation> <ms> <collected>``, into
``<folder>/<pid>.gc`` (its first line names the process: ``# <argv>``). The services' code is
not changed; only the bench's service processes (and their worker children) load it.

With ``BENCH_GC_TYPES=1`` too (a diagnostic run, not a timed one): the collector keeps what
it finds (``gc.DEBUG_SAVEALL``, so memory grows) and each collection that found garbage adds
a line ``# types <generation> <count> <type>:<n> ...`` of its most frequent types: what
makes the cycles the young collections free."""

from __future__ import annotations

import gc
import os
import sys
import time
from collections import Counter
from typing import TextIO

_folder = os.environ.get("BENCH_GC_LOG")


class _Log:
    """This process's log; a forked child opens its own."""

    def __init__(self) -> None:
        self.pid = -1
        self.out: TextIO = sys.stderr
        self.started = 0.0
        self.seen = 0  # of gc.garbage, with BENCH_GC_TYPES

    def write(self, line: str) -> None:
        if self.pid != os.getpid():
            self.pid = os.getpid()
            self.out = open(os.path.join(str(_folder), f"{self.pid}.gc"), "a", buffering=1)  # noqa: SIM115
            self.out.write(f"# {' '.join(sys.argv)}\n")
        if line:
            self.out.write(line)

    def record(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.started = time.perf_counter()
            return
        took = time.perf_counter() - self.started
        if len(gc.garbage) > self.seen:
            found = Counter(type(o).__qualname__ for o in gc.garbage[self.seen :])
            self.seen = len(gc.garbage)
            top = " ".join(f"{k}:{n}" for k, n in found.most_common(12))
            self.write(f"# types {info['generation']} {found.total()} {top}\n")
        if took >= 0.001:
            self.write(
                f"{time.time():.4f} {info['generation']} {took * 1000:.2f} {info['collected']}\n"
            )


if _folder:
    _log = _Log()
    _log.write("")
    gc.callbacks.append(_log.record)
    if os.environ.get("BENCH_GC_TYPES") == "1":
        gc.set_debug(gc.DEBUG_SAVEALL)
