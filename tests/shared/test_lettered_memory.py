"""The one memory of records dead-lettered while their batch is retried
(:class:`wirewatch_shared.lettered.LetteredMemory`, used by ``BatchGuard`` and classify):
remembered across failed tries, forgotten when their batch is acked, bounded."""

from __future__ import annotations

from aiokafka.structs import ConsumerRecord
from wirewatch_shared.lettered import LETTERED_MAX, LetteredMemory, body_key, record_keys


def test_a_record_is_remembered_across_failed_tries_and_forgotten_on_ack() -> None:
    memory = LetteredMemory()
    first, second, other = ("items", 0, 7), ("items", 0, 8), ("items", 1, 7)
    memory.remember(first)
    memory.remember(other)
    memory.batch_failed()
    memory.batch_failed()
    assert memory.seen(first) and memory.seen(other) and not memory.seen(second)
    memory.batch_acked([first, second])  # the batch of partition 0
    assert not memory.seen(first) and memory.seen(other) and len(memory) == 1


def test_past_its_bound_a_failed_batch_forgets_everything_and_an_ack_never_does() -> None:
    memory = LetteredMemory(bound=3)
    for offset in range(4):
        memory.remember(("items", 0, offset))
    memory.batch_acked([("items", 9, 9)])  # another batch's ack: nothing of these
    assert len(memory) == 4
    memory.batch_failed()
    assert len(memory) == 0 and not memory.seen(("items", 0, 0))
    memory.remember(("items", 0, 0))
    memory.batch_failed()  # within the bound: kept
    assert memory.seen(("items", 0, 0))
    assert LetteredMemory().bound == LETTERED_MAX


def test_records_are_named_by_offset_when_the_batch_has_them_else_by_body() -> None:
    bodies = [b"same", b"same"]
    raw = tuple(
        ConsumerRecord("items", 2, 40 + k, 0, 0, None, body, None, 0, len(body), ())
        for k, body in enumerate(bodies)
    )

    class Batch:  # what FastStream's batch message holds: its records, in order
        raw_message = raw

    assert record_keys(Batch(), bodies) == [("items", 2, 40), ("items", 2, 41)]
    assert record_keys(object(), bodies) == [body_key(b"same")] * 2
    assert record_keys(Batch(), bodies[:1]) == [body_key(b"same")]  # not its records
