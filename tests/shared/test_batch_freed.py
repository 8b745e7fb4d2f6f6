"""A consumed batch is freed by reference counting once handled, not left to the garbage
collector: the ``whole_message`` decoder handed the message itself, which FastStream
caches on the message (a cycle), so every batch, with its records and bodies, waited for
a collection (stop 45: 3,500-9,500 records a run in each stage's young collections, the
largest of notify's pauses then)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from faststream.kafka import TestKafkaBroker
from faststream.message import StreamMessage
from sqlalchemy import create_engine
from wirewatch_shared.service import ServiceBase
from wirewatch_shared.settings import CommonSettings

STREAM = "wirewatch.test.freed"


class Consumer(ServiceBase[CommonSettings]):
    """One batch consumer (:meth:`ServiceBase.consume`), its batches' values kept."""

    def __init__(self) -> None:
        settings = CommonSettings(kafka_bootstrap="127.0.0.1:9")  # never dialled
        super().__init__(settings, create_engine("sqlite://"), client="test")
        self.batches: list[list[int]] = []
        self.consume(STREAM, "test-group", "failed", int, self.handle, max_records=10)

    async def handle(self, values: list[int]) -> None:
        self.batches.append(values)


@pytest.fixture
def no_collector() -> Iterator[None]:
    gc.collect()
    gc.disable()
    yield
    gc.enable()


def _messages() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, StreamMessage))


async def test_a_handled_batch_is_not_left_to_the_collector(no_collector: None) -> None:
    service = Consumer()
    before = _messages()
    async with TestKafkaBroker(service.broker) as broker:
        await broker.publish_batch(b"1", b"2", b"3", topic=STREAM)
        await broker.publish_batch(b"4", topic=STREAM)
    assert service.batches == [[1, 2, 3], [4]]
    assert _messages() == before
