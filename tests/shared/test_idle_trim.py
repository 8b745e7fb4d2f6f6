"""The heap goes back to the kernel once a consumer's batches pause, not between the
batches of a backlog (which only faulted the pages in again), and a trim owed is never
dropped: not by a small batch after a large one, not by a shutdown."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import pytest
from wirewatch_shared import memory


async def _until(condition: Callable[[], object], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition never met"
        await asyncio.sleep(0.01)


async def test_a_backlog_is_trimmed_once_it_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    trims: list[float] = []
    monkeypatch.setattr(memory, "trim", lambda: trims.append(time.monotonic()))
    idle = memory.IdleTrim(idle_s=0.3)
    for _ in range(5):  # a backlog: batches back to back, each large
        idle.batch_started()
        await asyncio.sleep(0.1)
        idle.batch_done(memory.TRIM_AFTER)
    last = time.monotonic()
    assert trims == []
    await _until(lambda: trims)
    assert len(trims) == 1 and trims[0] - last >= 0.15


async def test_small_batches_owe_nothing_and_postpone_what_is_owed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    trims: list[float] = []
    monkeypatch.setattr(memory, "trim", lambda: trims.append(time.monotonic()))
    idle = memory.IdleTrim(idle_s=0.2)
    idle.batch_started()
    idle.batch_done(memory.TRIM_AFTER - 1)
    await asyncio.sleep(0.4)
    assert trims == []  # a small batch frees little: no trim owed
    idle.batch_started()
    idle.batch_done(memory.TRIM_AFTER)
    idle.batch_started()  # a small one right after the large one
    idle.batch_done(1)
    await _until(lambda: trims)
    assert len(trims) == 1


async def test_shutdown_trims_what_is_owed_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    trims: list[float] = []
    monkeypatch.setattr(memory, "trim", lambda: trims.append(time.monotonic()))
    idle = memory.IdleTrim(idle_s=60)
    idle.flush()
    assert trims == []  # nothing owed
    idle.batch_started()
    idle.batch_done(memory.TRIM_AFTER)
    idle.flush()
    assert len(trims) == 1
    await asyncio.sleep(0.05)
    assert len(trims) == 1  # the timer was cancelled
