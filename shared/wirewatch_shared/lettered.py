"""Which records of a retried batch are already dead-lettered: the one memory of them.

A batch that fails for a transient reason is read again; the bad records it holds must
not be dead-lettered again on every try. A consumer remembers each record it
dead-lettered (by :func:`record_keys`) until its batch is acked, when the records will
not come again; while batches keep failing, the memory is bounded (a partition can go to
another consumer, its records never read here again). :class:`LetteredMemory` is that
memory, used by :class:`wirewatch_shared.failures.BatchGuard` and by classify's
pipelined dead letters (``wirewatch_classify.letters``).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

LETTERED_MAX = 10_000
"""Records remembered as dead-lettered while their batch is retried (a bound: the
records of batches that are never read again, their partition gone elsewhere)."""


def body_key(body: bytes) -> Hashable:
    """The key of a record known only by its body (no offsets at hand)."""
    return ("body", body)


def record_keys(message: object, bodies: Sequence[bytes]) -> list[Hashable]:
    """What names each record of a batch across retries: its topic, partition and offset
    (a Kafka batch's ``raw_message`` holds its records, in the order of its bodies), else
    its body."""
    raw = getattr(message, "raw_message", None)
    if isinstance(raw, tuple) and len(raw) == len(bodies):
        try:
            return [(r.topic, r.partition, r.offset) for r in raw]
        except AttributeError:
            pass
    return [body_key(body) for body in bodies]


class LetteredMemory:
    """The records dead-lettered whose batch was not acked yet (their keys)."""

    def __init__(self, bound: int = LETTERED_MAX) -> None:
        self.bound = bound
        self._keys: set[Hashable] = set()

    def __len__(self) -> int:
        return len(self._keys)

    def seen(self, key: Hashable) -> bool:
        """True when an earlier try of its batch dead-lettered this record."""
        return key in self._keys

    def remember(self, key: Hashable) -> None:
        """This record is dead-lettered: a retried batch does not send it again."""
        self._keys.add(key)

    def batch_failed(self) -> None:
        """A batch will be read again: its records stay remembered, up to the bound (past
        it everything is forgotten: at worst a record is dead-lettered twice)."""
        if len(self._keys) > self.bound:
            self._keys.clear()

    def batch_acked(self, keys: Iterable[Hashable]) -> None:
        """A batch is committed: its records will not come again."""
        if self._keys:
            self._keys.difference_update(keys)
