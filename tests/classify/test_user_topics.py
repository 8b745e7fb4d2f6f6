"""The user-topic service layer and the item itemstore, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine
from wirewatch_classify import itemstore, reclassify, user_topics
from wirewatch_classify.batch import ItemRecord
from wirewatch_classify.engine import Classifier
from wirewatch_shared.events import ClassifiedItem, FeedItem

from tests.classify.support import stored_records
from wirewatch.schema import upgrade


@pytest.fixture
def db(engine: Engine) -> Engine:
    upgrade(engine)
    return engine


def test_create_list_replace_delete(db: Engine) -> None:
    d = user_topics.validate("darien", query='"Darien Gap" AND migra*', reserved=[])
    assert user_topics.create(db, d) is False
    with pytest.raises(user_topics.UserTopicError, match="already exists"):
        user_topics.create(db, d)
    p = user_topics.validate("boats", phrases=[" small boats ", "", "pateras"], reserved=[])
    user_topics.create(db, p)
    assert [x.name for x in user_topics.list_definitions(db)] == ["boats", "darien"]
    assert user_topics.list_definitions(db)[0].phrases == ("small boats", "pateras")
    before = user_topics.fingerprint(user_topics.list_definitions(db))
    changed = user_topics.validate("darien", query="Darién", reserved=[])
    assert user_topics.create(db, changed, replace=True) is True
    assert user_topics.fingerprint(user_topics.list_definitions(db)) != before
    assert user_topics.delete(db, "boats") is True
    assert user_topics.delete(db, "boats") is False
    assert [x.as_dict() for x in user_topics.list_definitions(db)] == [
        {"kind": "query", "query": "Darién"}
    ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "Bad Name", "query": "a"}, "invalid topic name"),
        ({"name": "border-policy", "query": "a"}, "built-in topic"),
        ({"name": "x", "query": "a AND (b"}, "'(' is never closed"),
        ({"name": "x", "phrases": [" ", ""]}, "phrase list is empty"),
        ({"name": "x", "phrases": ["ok", "de*"]}, "shorter than 3"),
        ({"name": "x"}, "exactly one of"),
    ],
)
def test_validation_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(user_topics.UserTopicError) as info:
        user_topics.validate(**kwargs)  # type: ignore[arg-type]
    assert message in str(info.value)


def test_control_event_round_trip() -> None:
    d = user_topics.validate("boats", phrases=["pateras"], reserved=[])
    event = user_topics.definition_event("boats", d)
    assert event.definition is not None
    assert user_topics.from_event_dict(event.name, event.definition) == d
    assert user_topics.definition_event("boats", None).definition is None
    with pytest.raises(user_topics.UserTopicError):
        user_topics.from_event_dict("boats", {"kind": "query"})


def _item(i: int, title: str, published: datetime) -> FeedItem:
    return FeedItem(
        item_id=f"item-{i}",
        feed_id=1,
        feed_url="https://example.org/feed",
        title=title,
        published=published,
        fetched_at=published,
    )


def test_store_and_reclassify_republishes_only_changes(db: Engine) -> None:
    base = Classifier.load()
    day = datetime(2024, 5, 1, tzinfo=UTC)
    items = [
        _item(1, "Deportation flight lands in Guatemala", day),
        _item(2, "Three pateras reach Lampedusa", day + timedelta(days=1)),
        _item(3, "Old story about pateras", day - timedelta(days=30)),
    ]
    itemstore.save_items(db, stored_records(base, items))
    # Redelivery of the same item overwrites, never duplicates.
    itemstore.save_items(
        db,
        [
            ItemRecord(
                "item-1",
                day,
                day,
                items[0].model_dump_json().encode(),
                itemstore.matches_json(base.classify(items[0].title, "")[0]),
            )
        ],
    )
    assert [r.item_id for r in itemstore.items_since(db, day)] == ["item-1", "item-2"]

    user_topics.create(db, user_topics.validate("boats", phrases=["pateras"], reserved=[]))
    classifier = reclassify.classifier_with_user_topics(db, base)
    outcomes = list(reclassify.reclassify(db, classifier, day))
    assert [(o.event.item.item_id, o.changed) for o in outcomes] == [
        ("item-1", False),
        ("item-2", True),
    ]
    published: list[ClassifiedItem] = []
    assert reclassify.republish(db, classifier, day, published.extend) == (2, 1)
    assert [e.item.item_id for e in published] == ["item-2"]
    assert [m.topic for m in published[0].matches] == ["boats"]
    # The new matches were recorded: a second run publishes nothing.
    assert reclassify.republish(db, classifier, day, published.extend) == (2, 0)
