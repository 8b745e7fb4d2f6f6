"""The items consumer's dead letters, each sent once however often its batch is read.

A bad record (not a valid FeedItem, or a ClassifiedItem over the record size limit) is
dead-lettered and never retried; a batch that fails for another reason (the broker
away) is read again, and the bad records it holds, once their dead letters are
confirmed, are not sent again. What is remembered, bounded and forgotten on ack is the
shared :class:`~wirewatch_shared.lettered.LetteredMemory`, each record named by its
topic, partition and offset as every consumer's (by its body only when the batch's
records are not at hand, e.g. ``handle_items`` called alone); what is classify's own is
the send without waiting for its confirmation, and remembering a letter only once its
future succeeds.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Hashable, Sequence
from typing import Any

from aiokafka.errors import MessageSizeTooLargeError
from wirewatch_shared.deadletter import DeadLetters
from wirewatch_shared.lettered import LetteredMemory, body_key, record_keys
from wirewatch_shared.producer import MAX_RECORD_BYTES


class _BatchKeys:
    """The keys of one batch's records (:func:`record_keys`), found by body; worked out
    only when asked (a batch without a bad record never is)."""

    def __init__(self, message: object, bodies: Sequence[bytes]) -> None:
        self.message = message
        self.bodies = bodies
        self._keys: list[Hashable] | None = None
        self._by_body: dict[bytes, deque[Hashable]] | None = None

    def all(self) -> list[Hashable]:
        if self._keys is None:
            self._keys = record_keys(self.message, self.bodies)
        return self._keys

    def take(self, body: bytes) -> Hashable:
        """The key of a record with this body not taken yet in this try (records with
        equal bodies are all bad or all good: each is asked for once)."""
        if self._by_body is None:
            self._by_body = {}
            for each, key in zip(self.bodies, self.all(), strict=True):
                self._by_body.setdefault(each, deque()).append(key)
        keys = self._by_body.get(body)
        return keys.popleft() if keys else body_key(body)


class LettersOnce:
    """Dead letters sent without confirmation, remembered until their batch is acked."""

    def __init__(self, dead_letters: DeadLetters) -> None:
        self.dead_letters = dead_letters
        self.lettered = LetteredMemory()
        """Bad records dead-lettered (confirmed) whose batch was not acked yet."""
        self._batch: _BatchKeys | None = None

    def batch_started(self, message: object, bodies: Sequence[bytes]) -> None:
        """The batch being read (``message``: FastStream's, its ``raw_message`` the
        records): its bad records are named by their offsets."""
        self._batch = _BatchKeys(message, bodies)

    async def send(self, body: bytes, exc: Exception) -> asyncio.Future[Any]:
        """The dead letter's future (already done when an earlier try of the batch sent it)."""
        key = self._batch.take(body) if self._batch is not None else body_key(body)
        if self.lettered.seen(key):
            done: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
            done.set_result(None)
            return done
        future: asyncio.Future[Any] = await self.dead_letters.send(body, exc, no_confirm=True)
        future.add_done_callback(lambda sent: self._lettered_if_sent(key, sent))
        return future

    async def too_large(self, body: bytes, size: int) -> asyncio.Future[Any]:
        """The dead letter of an item whose ClassifiedItem would be ``size`` bytes."""
        error = MessageSizeTooLargeError(
            f"its ClassifiedItem would be a record of {size} bytes, over the"
            f" {MAX_RECORD_BYTES}-byte record limit"
        )
        return await self.send(body, error)

    def batch_failed(self) -> None:
        """The batch will be read again (its letters stay remembered, up to a bound)."""
        self._batch = None
        self.lettered.batch_failed()

    def batch_acked(self) -> None:
        """The batch is committed: its records will not come again."""
        batch, self._batch = self._batch, None
        if batch is not None and len(self.lettered):
            self.lettered.batch_acked(batch.all())

    def _lettered_if_sent(self, key: Hashable, sent: asyncio.Future[Any]) -> None:
        # Only a confirmed dead letter counts: one lost with the broker is sent again.
        if not sent.cancelled() and sent.exception() is None:
            self.lettered.remember(key)
