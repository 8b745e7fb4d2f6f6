"""Build dead-letter events for messages a consumer cannot process even once."""

from __future__ import annotations

from datetime import UTC, datetime

from wirewatch_shared.events import DeadLetter

MAX_PAYLOAD_CHARS = 64_000


def dead_letter(source_topic: str, consumer_group: str, error: str, body: bytes) -> DeadLetter:
    return DeadLetter(
        source_topic=source_topic,
        consumer_group=consumer_group,
        error=error[:2000],
        payload=body.decode("utf-8", errors="replace")[:MAX_PAYLOAD_CHARS],
        failed_at=datetime.now(UTC),
    )
