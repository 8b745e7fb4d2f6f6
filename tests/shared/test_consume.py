"""The shared batch consumer (:meth:`ServiceBase.consume`) on FastStream's in-memory broker:
the handler gets the decoded records, a bad record is dead-lettered alone, the batch is
acked, and no step of the way runs in a worker thread (no argument injection)."""

from __future__ import annotations

from typing import Any

import anyio.to_thread
import pytest
from faststream.kafka import TestKafkaBroker
from sqlalchemy import create_engine
from wirewatch_shared.broker import make_broker, raw_bodies
from wirewatch_shared.service import ServiceBase
from wirewatch_shared.settings import CommonSettings

STREAM = "wirewatch.test.consume"


class Consumer(ServiceBase[CommonSettings]):
    def __init__(self) -> None:
        settings = CommonSettings(kafka_bootstrap="127.0.0.1:9")  # never dialled
        super().__init__(settings, create_engine("sqlite://"), client="test")
        self.batches: list[list[int]] = []
        self.guard = self.consume(
            STREAM, "test-group", "failed", self.decode, self.handle, max_records=10
        )

    @staticmethod
    def decode(body: bytes) -> int:
        return int(body)  # ValueError (permanent): dead-lettered

    async def handle(self, values: list[int]) -> None:
        self.batches.append(values)


async def test_a_batch_is_decoded_handled_and_acked_without_worker_threads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_threads(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the consume path ran something in a worker thread")

    monkeypatch.setattr(anyio.to_thread, "run_sync", no_threads)
    service = Consumer()
    async with TestKafkaBroker(service.broker) as broker:
        await broker.publish_batch(b"1", b"not a number", b"3", topic=STREAM)
    assert service.batches == [[1, 3]]
    assert service.guard.dead_letters.sent == 1
    assert service.handled == 3


async def test_the_brokers_cast_nothing() -> None:
    """A handler gets its decoder's output as it is: bytes stay bytes under a ``str``
    annotation (FastDepends would have cast them)."""
    broker = make_broker(CommonSettings(kafka_bootstrap="127.0.0.1:9"), client_suffix="t")
    received: list[object] = []

    @broker.subscriber(STREAM, decoder=raw_bodies)
    async def handle(body: str) -> None:
        received.append(body)

    async with TestKafkaBroker(broker) as test_broker:
        await test_broker.publish(b"x", topic=STREAM)
    assert received == [b"x"]
