"""Correlation ids across the pipeline, and log context per consumed message.

Items and classified items are keyed by item id (see :mod:`wirewatch_shared.streams`);
this middleware makes that id the Kafka ``correlation_id`` header of every message
published on those topics, so one story carries one correlation id from ingest to
notify. While a message is handled, ``service``, ``topic`` and ``correlation_id``
are bound in structlog's context, so every log line the handler writes carries them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from faststream import BaseMiddleware, ContextRepo
from faststream.message import StreamMessage
from faststream.response import PublishCommand

from wirewatch_shared import streams

KEYED_BY_ITEM_ID: frozenset[str] = frozenset({streams.ITEMS, streams.CLASSIFIED})


def _key_text(key: object) -> str | None:
    if isinstance(key, bytes | bytearray):
        return bytes(key).decode("utf-8", errors="replace") or None
    if isinstance(key, str):
        return key or None
    return None


class CorrelationMiddleware(BaseMiddleware[PublishCommand, Any]):
    """Bind log context while consuming; use the item id as correlation id when publishing."""

    service: str = ""

    @classmethod
    def factory(cls, service: str) -> Callable[..., CorrelationMiddleware]:
        def make(msg: Any, /, *, context: ContextRepo) -> CorrelationMiddleware:
            middleware = cls(msg, context=context)
            middleware.service = service
            return middleware

        return make

    async def consume_scope(
        self, call_next: Callable[[StreamMessage[Any]], Awaitable[Any]], msg: StreamMessage[Any]
    ) -> Any:
        raw = msg.raw_message
        first = raw[0] if isinstance(raw, tuple | list) and raw else raw
        context: dict[str, Any] = {"service": self.service}
        topic = getattr(first, "topic", None)
        if topic:
            context["topic"] = topic
        if isinstance(raw, tuple | list):
            context["batch_size"] = len(raw)
        else:
            context["correlation_id"] = msg.correlation_id
        with structlog.contextvars.bound_contextvars(**context):
            return await call_next(msg)

    async def publish_scope(
        self, call_next: Callable[[PublishCommand], Awaitable[Any]], cmd: PublishCommand
    ) -> Any:
        if cmd.destination in KEYED_BY_ITEM_ID:
            key = _key_text(getattr(cmd, "key", None))
            if key is not None:
                cmd.correlation_id = key
        return await call_next(cmd)
