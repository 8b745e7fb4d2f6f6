"""The items consumer's dead letters, each sent once however often its batch is read.

A bad record (not a valid FeedItem, or a ClassifiedItem over the record size limit) is
dead-lettered and never retried; a batch that fails for another reason (the broker
away) is read again, and the bad records it holds, once their dead letters are
confirmed, are not sent again.
"""

from __future__ import annotations

import asyncio
from typing import Any

from aiokafka.errors import MessageSizeTooLargeError
from wirewatch_shared.deadletter import DeadLetters
from wirewatch_shared.failures import LETTERED_MAX
from wirewatch_shared.producer import MAX_RECORD_BYTES


class LettersOnce:
    """Dead letters sent without confirmation, remembered until their batch is acked."""

    def __init__(self, dead_letters: DeadLetters) -> None:
        self.dead_letters = dead_letters
        self._lettered: set[bytes] = set()
        """Bad records dead-lettered (confirmed) whose batch was not acked yet: a retried
        batch does not send them again."""

    async def send(self, body: bytes, exc: Exception) -> asyncio.Future[Any]:
        """The dead letter's future (already done when an earlier try of the batch sent it)."""
        if body in self._lettered:
            done: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
            done.set_result(None)
            return done
        future: asyncio.Future[Any] = await self.dead_letters.send(body, exc, no_confirm=True)
        future.add_done_callback(lambda sent: self._lettered_if_sent(body, sent))
        return future

    async def too_large(self, body: bytes, size: int) -> asyncio.Future[Any]:
        """The dead letter of an item whose ClassifiedItem would be ``size`` bytes."""
        error = MessageSizeTooLargeError(
            f"its ClassifiedItem would be a record of {size} bytes, over the"
            f" {MAX_RECORD_BYTES}-byte record limit"
        )
        return await self.send(body, error)

    def batch_failed(self) -> None:
        """A batch will be read again (its letters stay remembered, up to a bound)."""
        if len(self._lettered) > LETTERED_MAX:
            self._lettered.clear()

    def batch_acked(self, bodies: list[bytes]) -> None:
        """A batch is committed: its records will not come again."""
        if self._lettered:
            self._lettered.difference_update(bodies)

    def _lettered_if_sent(self, body: bytes, sent: asyncio.Future[Any]) -> None:
        # Only a confirmed dead letter counts: one lost with the broker is sent again.
        if not sent.cancelled() and sent.exception() is None:
            self._lettered.add(body)
