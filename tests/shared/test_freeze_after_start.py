"""Once a service has started, what it built is kept out of the garbage collector
(``gc.freeze``): a full collection no longer walks the start-up's objects, which held the
event loops of stories and notify for 100-150 ms at a time (stop 45,
docs/measurements/notify.md). Garbage of the start-up is collected first, not frozen, and
the frozen objects are unfrozen once the service stopped."""

from __future__ import annotations

import asyncio
import gc
import weakref
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine
from wirewatch_shared.memory import YOUNG_COLLECTION_AFTER
from wirewatch_shared.service import ServiceBase
from wirewatch_shared.settings import CommonSettings


class Cycle:
    def __init__(self) -> None:
        self.me = self


class Started(ServiceBase[CommonSettings]):
    def __init__(self) -> None:
        settings = CommonSettings(kafka_bootstrap="127.0.0.1:9")  # never dialled
        super().__init__(settings, create_engine("sqlite://"), client="test")
        self.model = [[n] for n in range(50_000)]  # what a service loads at start-up
        self.loops = 0
        self.run_while_up(self.loop)

    async def loop(self, stop: asyncio.Event) -> None:
        self.loops += 1
        await stop.wait()


@pytest.fixture
def collector() -> Iterator[None]:
    """The process's collector as it was, after the test (it freezes and retunes it)."""
    threshold = gc.get_threshold()
    gc.unfreeze()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


async def test_what_a_service_built_is_frozen_once_it_started(collector: None) -> None:
    service = Started()
    garbage = Cycle()
    gone = weakref.ref(garbage)
    del garbage
    assert gc.get_freeze_count() == 0
    await service.after_startup()
    try:
        assert gone() is None  # collected before the freeze, not kept
        assert gc.get_freeze_count() > len(service.model)
        assert gc.get_threshold()[0] >= YOUNG_COLLECTION_AFTER
        await asyncio.sleep(0)
        assert service.loops == 1  # the background loops still start
    finally:
        await service.on_shutdown()
        await service.after_shutdown()
    assert gc.get_freeze_count() == 0  # back in the collector's care once stopped
