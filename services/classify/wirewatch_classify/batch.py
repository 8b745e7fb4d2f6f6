"""One consumed batch of the classify service, as data: pure, no I/O.

The service (``handler.py``) decodes the batch's bodies, has them classified chunk by chunk
(in the process or in worker processes), and hands each chunk with its results to
:meth:`BatchOutput.add`, which returns the chunk's keyed ClassifiedItem records to
publish and keeps what the batch stores and counts. Publishing, storing, metrics and
offsets stay in the service.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple, Protocol

from pydantic import ValidationError
from wirewatch_shared.events import FeedItem

from wirewatch_classify.encoding import assemble


class ItemRecord(NamedTuple):
    """One item to keep for reclassify (a named tuple: one is built per classified item)."""

    item_id: str
    published: datetime
    fetched_at: datetime
    item_json: bytes
    """The FeedItem's JSON as received: UTF-8 (it validated as JSON), stored as text."""
    matches_json: str


class Classified(Protocol):
    """One item's classification, encoded (what ``workers.encode`` returns)."""

    @property
    def matches_json(self) -> bytes: ...
    @property
    def entities_json(self) -> bytes: ...
    @property
    def stored_matches(self) -> str: ...
    @property
    def topics(self) -> tuple[str, ...]: ...


Decoded = tuple[bytes, FeedItem]
"""A body as received and the FeedItem it validated as."""

MAX_RECORD_BYTES = 1024 * 1024 - 256
"""The most a ClassifiedItem's JSON plus twice its key may take: the producer's record
limit less a record's overhead (``wirewatch_shared.producer``, which this pure module does
not import; a test keeps the two equal). A larger one goes to ``BatchOutput.too_large``."""

# The model's validator itself: what model_validate_json calls, minus a wrapper.
_VALIDATE = FeedItem.__pydantic_validator__.validate_json


def decode(bodies: Sequence[bytes]) -> tuple[list[Decoded], list[tuple[bytes, ValidationError]]]:
    """The bodies that are FeedItems, and the others with their error (dead letters)."""
    items: list[Decoded] = []
    bad: list[tuple[bytes, ValidationError]] = []
    for body in bodies:
        try:
            items.append((body, _VALIDATE(body)))
        except ValidationError as exc:
            bad.append((body, exc))
    return items, bad


@dataclass(slots=True)
class BatchOutput:
    """What a batch produces, accumulated chunk by chunk."""

    classified_at: bytes
    """The batch's ``classified_at``, already JSON (one time for the whole batch)."""
    store_items: bool
    records: list[ItemRecord] = field(default_factory=list)
    tagged: Counter[str] = field(default_factory=Counter)
    matched: int = 0
    max_record_bytes: int = MAX_RECORD_BYTES
    too_large: list[tuple[bytes, int]] = field(default_factory=list)
    """Items whose ClassifiedItem is over the limit, with its size: the service
    dead-letters them (neither published nor stored nor counted)."""

    def add(
        self, chunk: Sequence[Decoded], results: Sequence[Classified]
    ) -> list[tuple[bytes, bytes]]:
        """The chunk's (key, ClassifiedItem JSON) records; keeps its store rows and counts."""
        out: list[tuple[bytes, bytes]] = []
        at = self.classified_at
        limit = self.max_record_bytes
        for (body, item), result in zip(chunk, results, strict=True):
            key = item.item_id.encode()
            value = assemble(body, result.matches_json, result.entities_json, at)
            if len(value) + 2 * len(key) > limit:
                self.too_large.append((body, len(value) + 2 * len(key)))
                continue
            out.append((key, value))
            if self.store_items:
                self.records.append(record(item, body, result.stored_matches))
            if result.topics:
                self.matched += 1
                self.tagged.update(result.topics)
        return out


def record(item: FeedItem, body: bytes, stored_matches: str) -> ItemRecord:
    # Positional: a named tuple's keyword arguments cost as much again per item.
    return ItemRecord(
        item.item_id,
        item.published,
        item.fetched_at,
        # The body just validated as a FeedItem: stored as received, not even decoded
        # here (the store hands the bytes to the database as text).
        body,
        stored_matches,
    )
