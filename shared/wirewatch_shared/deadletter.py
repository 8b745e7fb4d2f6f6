"""The one way a service dead-letters a record it cannot process.

A record goes to ``streams.DEAD_LETTER`` when it can never be processed: it does
not decode as its event, or processing it fails with a permanent error (a data or
integrity error on that record; see :mod:`wirewatch_shared.failures`). The event
keeps the raw body (cut to ``DEAD_LETTER_PAYLOAD_MAX`` characters) and the error's
first lines, and one log line says so; the consumer then goes on with the next record.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Protocol

from wirewatch_shared.broker import JSON_HEADERS
from wirewatch_shared.events import DEAD_LETTER_PAYLOAD_MAX, ERROR_MAX, NAME_MAX, DeadLetter
from wirewatch_shared.logging import get_logger

log = get_logger(__name__)

MAX_PAYLOAD_CHARS = DEAD_LETTER_PAYLOAD_MAX


def describe(error: BaseException | str) -> str:
    """``Type: message`` of an exception (its text as given for a string), bounded."""
    text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    return text[:ERROR_MAX]


def dead_letter(
    source_topic: str, consumer_group: str, error: BaseException | str, body: bytes
) -> DeadLetter:
    """The event for ``body`` (the record as it came off the wire)."""
    return DeadLetter(
        source_topic=source_topic[:NAME_MAX],
        consumer_group=consumer_group[:NAME_MAX],
        error=describe(error),
        payload=body.decode("utf-8", errors="replace")[:MAX_PAYLOAD_CHARS],
        failed_at=datetime.now(UTC),
    )


class Publisher(Protocol):
    """What the helper needs of a FastStream publisher."""

    async def publish(self, message: Any, *args: Any, **kwargs: Any) -> Any: ...


class DeadLetters:
    """Sends a consumer's dead letters through its FastStream publisher of the stream."""

    def __init__(self, publisher: Publisher, source_topic: str, consumer_group: str) -> None:
        self.publisher = publisher
        self.source_topic = source_topic
        self.consumer_group = consumer_group
        self.sent = 0

    async def send(self, body: bytes, error: BaseException | str, **publish: Any) -> Any:
        """Publish the dead letter of ``body``; returns what the publisher returns.

        ``publish`` goes to the publisher (e.g. ``no_confirm=True`` to await the
        broker's confirmation later, with the batch's other sends).
        """
        letter = dead_letter(self.source_topic, self.consumer_group, error, body)
        log.error(
            "record sent to the dead-letter topic",
            source=self.source_topic,
            group=self.consumer_group,
            error=letter.error.splitlines()[0][:300] if letter.error else "",
            size=len(body),
        )
        self.sent += 1
        return await self.publisher.publish(
            letter.model_dump_json().encode(), headers=JSON_HEADERS, **publish
        )
