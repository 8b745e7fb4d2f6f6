"""The ClassifiedItem wire format, written from the model without re-encoding the item.

The item arrives as JSON and is validated as a FeedItem; re-serialising it (and
re-validating it inside a ClassifiedItem) would cost as much as classifying a
typical item. So the event is written as the model's own JSON object, member by
member in the model's field order: the members the service computes (``item`` as
received, ``matches``, ``entities``, ``classified_at``) are spliced in, every other
member is the JSON of its default, taken from the model (``schema_version`` among
them). The template is built from ``ClassifiedItem.model_fields`` when this module is
imported: a new field with a default reaches the wire by itself, a new required field
stops the import until it is written here. Tests check the result decodes to exactly
the event pydantic would build, for every field (tests/classify/test_encoding.py).
"""

from __future__ import annotations

import functools
import json
from datetime import datetime

from pydantic import AwareDatetime, TypeAdapter
from wirewatch_shared.events import (
    EVIDENCE_PHRASE_MAX,
    MATCH_EVIDENCE_MAX,
    MATCH_RULES_MAX,
    MATCHES_MAX,
    RULE_NAME_MAX,
    ClassifiedItem,
    Entities,
    Evidence,
    TopicMatch,
)

_MATCHES = TypeAdapter(tuple[TopicMatch, ...])
_TIME = TypeAdapter(AwareDatetime)
_NO_ENTITIES = Entities().model_dump_json().encode()

SPLICED: tuple[str, ...] = ("item", "matches", "entities", "classified_at")
"""The members :func:`assemble` is given, in the order it takes them."""


def _template() -> tuple[bytes, ...]:
    """The constant bytes around the spliced members: ``len(SPLICED) + 1`` chunks."""
    chunks: list[bytes] = []
    current = b"{"
    for name, field in ClassifiedItem.model_fields.items():
        member = json.dumps(field.serialization_alias or name).encode() + b":"
        current += member if current == b"{" else b"," + member
        if name in SPLICED:
            chunks.append(current)
            current = b""
            continue
        if field.is_required():
            raise TypeError(f"ClassifiedItem.{name} is required: write it in classify's encoding")
        assert field.annotation is not None
        default = field.get_default(call_default_factory=True)
        current += TypeAdapter(field.annotation).dump_json(default)
    chunks.append(current + b"}")
    order = tuple(n for n in ClassifiedItem.model_fields if n in SPLICED)
    if order != SPLICED:
        raise TypeError(f"ClassifiedItem's spliced members moved: {order} != {SPLICED}")
    return tuple(chunks)


_OPEN, _AFTER_ITEM, _AFTER_MATCHES, _AFTER_ENTITIES, _CLOSE = _template()


def timestamp_json(moment: datetime) -> bytes:
    """A datetime as the JSON string pydantic writes."""
    return _TIME.dump_json(moment)


def within_bounds(matches: tuple[TopicMatch, ...]) -> tuple[TopicMatch, ...]:
    """The matches as the event's bounds allow them. The engine builds them unvalidated,
    and a text that repeats its phrases gives a topic an evidence entry per occurrence:
    past the bounds every record would not fit by them (events.py, stop 39). Cut as the
    model cuts on read: the best ``MATCHES_MAX`` matches, each with its first evidence
    (reading order) and rules, phrases and rule names shortened; the score is the same."""
    if len(matches) <= MATCHES_MAX and all(_fits(m) for m in matches):
        return matches
    return tuple(_bounded(m) for m in matches[:MATCHES_MAX])


def _fits(match: TopicMatch) -> bool:
    return (
        len(match.evidence) <= MATCH_EVIDENCE_MAX
        and len(match.rules) <= MATCH_RULES_MAX
        and all(len(r) <= RULE_NAME_MAX for r in match.rules)
        and all(_evidence_fits(e) for e in match.evidence)
    )


def _evidence_fits(evidence: Evidence) -> bool:
    return len(evidence.phrase) <= EVIDENCE_PHRASE_MAX and len(evidence.rule) <= RULE_NAME_MAX


def _bounded(match: TopicMatch) -> TopicMatch:
    if _fits(match):
        return match
    evidence = tuple(
        e
        if _evidence_fits(e)
        else e.model_copy(
            update={"phrase": e.phrase[:EVIDENCE_PHRASE_MAX], "rule": e.rule[:RULE_NAME_MAX]}
        )
        for e in match.evidence[:MATCH_EVIDENCE_MAX]
    )
    rules = tuple(r[:RULE_NAME_MAX] for r in match.rules[:MATCH_RULES_MAX])
    return match.model_copy(update={"evidence": evidence, "rules": rules})


def classified_json_parts(
    matches: tuple[TopicMatch, ...], entities: Entities
) -> tuple[bytes, bytes]:
    """The encoded ``matches`` (:func:`within_bounds`) and ``entities`` members."""
    return (
        _MATCHES.dump_json(within_bounds(matches)) if matches else b"[]",
        entities_json(entities)
        if entities.countries or entities.agencies or entities.places
        else _NO_ENTITIES,
    )


@functools.lru_cache(maxsize=4096)
def entities_json(entities: Entities) -> bytes:
    """The ``entities`` member, remembered per value: a fifth of the stream names some
    entity, and the same few sets recur (the engine already shares one Entities object per
    set); a look-up (hashing the frozen model) costs a quarter of encoding it."""
    return entities.model_dump_json().encode()


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
    """``ClassifiedItem`` JSON from its already-encoded members (see :data:`SPLICED`)."""
    return b"".join(
        (
            _OPEN,
            item_json.strip(),
            _AFTER_ITEM,
            matches_json,
            _AFTER_MATCHES,
            entities_json,
            _AFTER_ENTITIES,
            classified_at_json,
            _CLOSE,
        )
    )
