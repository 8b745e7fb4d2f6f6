"""Transient or permanent: what a consumer does when processing a batch fails.

*Transient* failures (the database or broker unreachable, a lost connection, a
timeout, a serialization failure or deadlock) pass: the batch is retried with
backoff, nothing is skipped. *Permanent* ones are a property of one record (a value
the database refuses, an integrity violation, invalid data, an output event over the
record size limit): retrying cannot help, so
the record goes to the dead-letter topic and the others are processed. An error that
is neither is treated as transient: better a stalled partition that says why on
every retry than records dead-lettered by an outage nobody classified.

:class:`Backoff` keeps the logs bounded: the first failure of a run is logged with its
traceback, each retry after it with one line. :class:`BatchGuard` is the one way a
consumer goes through a batch with both: every stage's batch handler uses it.
"""

from __future__ import annotations

import asyncio
import traceback
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from aiokafka import errors as kafka
from pydantic import ValidationError
from sqlalchemy import exc as sa

from wirewatch_shared.deadletter import DeadLetters
from wirewatch_shared.lettered import LetteredMemory, body_key, record_keys
from wirewatch_shared.logging import get_logger

log = get_logger(__name__)

_RECORD_TOO_LARGE = (
    kafka.MessageSizeTooLargeError,
    kafka.RecordListTooLargeError,
    kafka.RecordTooLargeError,
)
"""A record (or its batch) over the producer's or the broker's size limit: the same
record is as large on every retry (aiokafka's ``send`` raises the first itself)."""

_TRANSIENT_SQLSTATE_CLASSES = ("08", "40", "53", "57", "58")
"""Connection exception, transaction rollback (serialization failure, deadlock),
insufficient resources, operator intervention (admin shutdown), system error."""


T = TypeVar("T")


def first_line(error: BaseException) -> str:
    """``Type: first line of the message`` (bounded): what a one-line log says."""
    return f"{type(error).__name__}: {(str(error).splitlines() or [''])[0][:300]}"


def _sqlstate(error: sa.DBAPIError) -> str:
    return str(getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", "") or "")


def is_transient(error: BaseException) -> bool:
    """True when the same work may succeed later (retry); False for a bad record."""
    if isinstance(error, sa.DBAPIError):
        if error.connection_invalidated:
            return True
        state = _sqlstate(error)
        if state:
            return state[:2] in _TRANSIENT_SQLSTATE_CLASSES or not is_permanent(error)
        return isinstance(error, sa.OperationalError | sa.InterfaceError | sa.InternalError)
    return not is_permanent(error)


def is_permanent(error: BaseException) -> bool:
    """True for an error that one record causes and that no retry can clear."""
    if isinstance(error, sa.DBAPIError):
        state = _sqlstate(error)
        if state:
            return state[:2] in ("22", "23")  # data exception, integrity constraint violation
        return isinstance(error, sa.DataError | sa.IntegrityError)
    if isinstance(error, _RECORD_TOO_LARGE):
        return True
    if isinstance(error, sa.StatementError):  # a parameter the driver cannot send
        return error.orig is not None and is_permanent(error.orig)
    return isinstance(
        error, ValidationError | ValueError | TypeError | UnicodeError | OverflowError
    ) and not isinstance(error, ConnectionError | TimeoutError)


@dataclass
class Backoff:
    """Exponential backoff between retries of a failing batch, with bounded logs."""

    base_s: float = 0.5
    cap_s: float = 30.0
    failures: int = field(default=0)

    def failed(self, what: str, error: BaseException, **context: object) -> float:
        """Log the failure (traceback only for the first of a run); the delay to wait."""
        self.failures += 1
        delay = min(self.cap_s, self.base_s * 2.0 ** (self.failures - 1))
        if self.failures == 1:
            trace = "".join(traceback.format_exception(error))
            log.error(what, retry_in_s=delay, traceback=trace, **context)
        else:
            log.warning(
                what, attempt=self.failures, retry_in_s=delay, error=first_line(error), **context
            )
        return delay

    def succeeded(self) -> None:
        if self.failures:
            log.info("recovered", after_failures=self.failures)
        self.failures = 0


class BatchMessage(Protocol):
    """What the guard needs of a FastStream batch message (``whole_message`` decoder)."""

    body: Any

    async def ack(self) -> None: ...

    async def nack(self) -> None: ...


@dataclass
class BatchGuard(Generic[T]):
    """A consumer's way through one batch: decode each record, handle them, commit.

    A record that does not decode, or that the handler refuses with a permanent error,
    goes to the dead-letter topic and the others are handled. Anything else (transient,
    or not known to be permanent) commits nothing: the batch is read again after a
    backoff, one log line per retry. ``whole_batch_first``: the batch is handled in one
    call and only a permanent failure splits it; off, every record is handled alone
    (for a handler whose batch is not one transaction).
    """

    what: str  # the log line of a failed attempt, e.g. "recording deliveries failed"
    decode: Callable[[bytes], T | None]  # None: nothing to do for this record
    handle: Callable[[list[T]], Awaitable[object]]
    dead_letters: DeadLetters
    backoff: Backoff = field(default_factory=Backoff)
    whole_batch_first: bool = True
    handled: int = 0  # messages done (their batch acked)
    lettered: LetteredMemory = field(default_factory=LetteredMemory, repr=False)
    """The records already dead-lettered whose batch was not acked yet: a retried batch
    does not send them again (:mod:`wirewatch_shared.lettered`)."""

    async def consume(self, message: BatchMessage) -> int:
        """Handle the batch and ack it; the number of messages done (0: nacked, to retry)."""
        bodies: list[bytes] = list(message.body)
        keys = record_keys(message, bodies)
        try:
            await self.isolate(await self.decoded(bodies, keys))
        except Exception as exc:
            self.lettered.batch_failed()
            await asyncio.sleep(self.backoff.failed(self.what, exc, messages=len(bodies)))
            await message.nack()
            return 0
        self.backoff.succeeded()
        await message.ack()
        self.lettered.batch_acked(keys)
        self.handled += len(bodies)
        return len(bodies)

    async def decoded(
        self, bodies: Sequence[bytes], keys: Sequence[Hashable] | None = None
    ) -> list[tuple[Hashable, bytes, T]]:
        """The records that decode, each with its key (:func:`record_keys`) and body; the
        others are dead-lettered."""
        keyed = keys if keys is not None else [body_key(body) for body in bodies]
        records: list[tuple[Hashable, bytes, T]] = []
        for body, key in zip(bodies, keyed, strict=True):
            try:
                value = self.decode(body)
            except Exception as exc:
                if not is_permanent(exc):
                    raise
                await self.dead_letter(key, body, exc)
                continue
            if value is not None:
                records.append((key, body, value))
        return records

    async def dead_letter(self, key: Hashable, body: bytes, error: BaseException) -> None:
        """Dead-letter ``body`` unless an earlier try of its batch did."""
        if self.lettered.seen(key):
            return
        await self.dead_letters.send(body, error)
        self.lettered.remember(key)

    async def isolate(self, records: Sequence[tuple[Hashable, bytes, T]]) -> None:
        """Handle the records; dead-letter those that fail permanently (a transient error
        is raised: the caller retries the batch)."""
        if self.whole_batch_first and len(records) > 1:
            try:
                await self.handle([value for _, _, value in records])
                return
            except Exception as exc:
                if not is_permanent(exc):
                    raise
                log.warning(
                    "a record of the batch was refused; one at a time", error=first_line(exc)
                )
        for key, body, value in records:
            try:
                await self.handle([value])
            except Exception as exc:
                if not is_permanent(exc):
                    raise
                await self.dead_letter(key, body, exc)
