"""Every event on the wire is bounded and its timestamps are aware UTC; producers cut
real text that is longer instead of failing on the bound.

Strings inside the list fields of ``StoryEvent`` and ``FlightRecordEvent`` had no bound (a
title's one long word became a story's evidence cue of any length), and a topic definition
event took a naive ``changed_at`` and any JSON as its definition."""

from __future__ import annotations

import inspect
import types
import typing
from datetime import UTC, datetime
from typing import Any

import pytest
from annotated_types import MaxLen
from pydantic import AwareDatetime, BaseModel, ValidationError
from pydantic.fields import FieldInfo
from sqlalchemy.engine import Engine
from wirewatch_shared import events
from wirewatch_shared.events import (
    ClassifiedItem,
    Entities,
    FeedItem,
    StoryEvent,
    TopicDefinitionEvent,
    TopicMatch,
)
from wirewatch_stories.store import Assigner

from wirewatch.schema import upgrade

STORY_CUE_MAX = getattr(events, "STORY_CUE_MAX", 200)

EVENTS: list[type[BaseModel]] = [
    cls
    for _, cls in inspect.getmembers(events, inspect.isclass)
    if issubclass(cls, BaseModel) and cls.__module__ == events.__name__
]


def _bounded(metadata: list[Any]) -> bool:
    for item in metadata:
        if isinstance(item, FieldInfo) and _bounded(list(item.metadata)):
            return True
        if isinstance(item, MaxLen) or getattr(item, "max_length", None) is not None:
            return True
        if getattr(item, "pattern", None) is not None:
            return True
    return False


def _unbounded(annotation: Any, metadata: list[Any], where: str) -> list[str]:
    """The places under ``annotation`` where a string, list or dict has no upper bound."""
    if typing.get_origin(annotation) is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        return _unbounded(inner, [*metadata, *extra], where)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return [p for a in args for p in _unbounded(a, metadata, where)]
    if origin in (tuple, list, dict):
        own = [] if _bounded(metadata) else [f"{where} ({origin.__name__})"]
        members = [a for a in args if a is not Ellipsis]
        return own + [p for a in members for p in _unbounded(a, [], f"{where}[]")]
    if annotation is str:
        return [] if _bounded(metadata) else [f"{where} (str)"]
    if annotation is object or annotation is typing.Any:
        return [f"{where} (any value)"]
    return []


def _datetimes(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) is typing.Annotated:
        return [annotation] if annotation is AwareDatetime else []
    args = typing.get_args(annotation)
    if args:
        return [d for a in args for d in _datetimes(a)]
    return [annotation] if annotation is datetime else []


@pytest.mark.parametrize("model", EVENTS, ids=lambda cls: cls.__name__)
def test_every_string_list_and_dict_of_an_event_is_bounded(model: type[BaseModel]) -> None:
    found = [
        place
        for name, info in model.model_fields.items()
        for place in _unbounded(info.annotation, list(info.metadata), f"{model.__name__}.{name}")
    ]
    assert found == []


@pytest.mark.parametrize("model", EVENTS, ids=lambda cls: cls.__name__)
def test_every_timestamp_of_an_event_must_be_aware(model: type[BaseModel]) -> None:
    naive = [name for name, info in model.model_fields.items() if _datetimes(info.annotation) != []]
    assert naive == []


def test_a_topic_definition_event_refuses_a_naive_time() -> None:
    with pytest.raises(ValidationError, match="timezone"):
        TopicDefinitionEvent(name="t", definition=None, changed_at=datetime(2026, 1, 1, 12))
    aware = TopicDefinitionEvent(
        name="t", definition={"kind": "query", "query": "a"}, changed_at=datetime.now(UTC)
    )
    assert TopicDefinitionEvent.model_validate_json(aware.model_dump_json()) == aware


def test_a_topic_definition_event_carries_only_a_definition() -> None:
    now = datetime.now(UTC)
    back = TopicDefinitionEvent.model_validate_json(
        TopicDefinitionEvent(
            name="t", definition={"kind": "phrases", "phrases": ["a b", "c"]}, changed_at=now
        ).model_dump_json()
    )
    assert back.definition == {"kind": "phrases", "phrases": ["a b", "c"]}
    for bad in ({"kind": {"deep": [1, 2]}}, {"query": "x" * 100_000}):
        with pytest.raises(ValidationError):
            TopicDefinitionEvent(name="t", definition=bad, changed_at=now)  # type: ignore[arg-type]


# A place name as long as a classified item may carry (``Entities`` allows 512 characters
# a name): the stories stage turns it into a cue it shows as evidence. Not a labelled item.
_PLACE = "Aeropuerto Internacional " + "La Aurora " * 40


def _classified(item_id: str, feed: str) -> ClassifiedItem:
    published = datetime(2026, 3, 2, 10, tzinfo=UTC)
    item = FeedItem(
        item_id=item_id,
        feed_id=1,
        feed_url=f"https://{feed}/feed.xml",
        feed_title=feed,
        title="Deportation flight lands in Guatemala City",
        summary="130 people returned on a charter flight.",
        link=f"https://{feed}/{item_id}",
        published=published,
        fetched_at=published,
        language="en",
    )
    return ClassifiedItem(
        item=item,
        matches=(TopicMatch(topic="repatriation-flights", score=0.9),),
        entities=Entities(places=(_PLACE,)),
        classified_at=published,
    )


@pytest.mark.integration
def test_a_story_with_a_long_shared_place_cuts_its_evidence_cue(engine: Engine) -> None:
    upgrade(engine)
    assigner = Assigner(engine, window_s=72 * 3600.0, threshold=0.14)
    published = assigner.assign(
        [_classified("a1", "one.example"), _classified("b2", "two.example")]
    )
    story = [StoryEvent.model_validate_json(p.value) for p in published]
    assert [s.kind for s in story] == ["opened", "item_added"]
    assert story[1].evidence, "the two items share cues"
    assert max(len(cue) for cue in story[1].evidence) <= STORY_CUE_MAX


def test_a_user_topic_too_big_for_its_event_is_refused_when_defined() -> None:
    """The CLI would store it, then fail to announce it ("could not announce on Kafka")."""
    from wirewatch_classify import user_topics

    phrases = [f"phrase {n}" for n in range(events.PHRASES_MAX + 1)]
    with pytest.raises(user_topics.UserTopicError, match="too many phrases"):
        user_topics.validate("many", phrases=phrases, reserved=[])
    fits = user_topics.validate("many", phrases=phrases[:-1], reserved=[])
    assert user_topics.definition_event("many", fits).definition is not None
