"""The ClassifiedItem wire format, written without re-encoding the item.

The item arrives as JSON and is validated as a FeedItem; re-serialising it (and
re-validating it inside a ClassifiedItem) would cost as much as classifying a
typical item. The validated body is spliced into the event as received: a
consumer decoding the result with ``ClassifiedItem.model_validate_json`` gets the
same event as if it had been built and dumped by pydantic (tested).
"""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, TypeAdapter
from wirewatch_shared.events import Entities, TopicMatch

_MATCHES = TypeAdapter(tuple[TopicMatch, ...])
_TIME = TypeAdapter(AwareDatetime)
_NO_ENTITIES = Entities().model_dump_json().encode()


def timestamp_json(moment: datetime) -> bytes:
    """A datetime as the JSON string pydantic writes."""
    return _TIME.dump_json(moment)


def classified_json_parts(
    matches: tuple[TopicMatch, ...], entities: Entities
) -> tuple[bytes, bytes]:
    """The encoded ``matches`` and ``entities`` members."""
    return (
        _MATCHES.dump_json(matches) if matches else b"[]",
        entities.model_dump_json().encode()
        if entities.countries or entities.agencies or entities.places
        else _NO_ENTITIES,
    )


def classified_json(
    item_json: bytes,
    matches: tuple[TopicMatch, ...],
    entities: Entities,
    classified_at_json: bytes,
) -> bytes:
    """``ClassifiedItem`` JSON around an already-validated FeedItem body."""
    return assemble(item_json, *classified_json_parts(matches, entities), classified_at_json)


def assemble(
    item_json: bytes, matches_json: bytes, entities_json: bytes, classified_at_json: bytes
) -> bytes:
    """``ClassifiedItem`` JSON from its already-encoded parts."""
    return b"".join(
        (
            b'{"schema_version":1,"item":',
            item_json.strip(),
            b',"matches":',
            matches_json,
            b',"entities":',
            entities_json,
            b',"classified_at":',
            classified_at_json,
            b"}",
        )
    )
