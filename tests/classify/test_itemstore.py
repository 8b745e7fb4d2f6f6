"""The item store writes rows exactly as the ORM would, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from wirewatch_classify import batch, itemstore
from wirewatch_classify.models import StoredItem
from wirewatch_shared.db import session_scope

from wirewatch.schema import upgrade


@pytest.fixture
def db(engine: Engine) -> Engine:
    upgrade(engine)
    return engine


def _raw(db: Engine, item_id: str) -> tuple[object, ...]:
    with db.connect() as conn:
        row = conn.execute(
            text(
                "SELECT published, fetched_at, item_json, matches_json"
                " FROM classify_item WHERE item_id = :id"
            ),
            {"id": item_id},
        ).one()
    return tuple(row)


@pytest.mark.parametrize(
    "published",
    [
        datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC),  # no microseconds
        datetime(2024, 5, 1, 7, 30, 5, 123456, tzinfo=timezone(timedelta(hours=-5))),
    ],
)
def test_rows_match_what_the_orm_writes(db: Engine, published: datetime) -> None:
    fetched = datetime(2024, 5, 1, 17, 1, 2, 3, tzinfo=UTC)
    with session_scope(db) as session:
        session.add(
            StoredItem(
                item_id="orm",
                published=published,
                fetched_at=fetched,
                item_json='{"a": "é"}',
                matches_json="[]",
            )
        )
    itemstore.save_items(db, [batch.ItemRecord("fast", published, fetched, '{"a": "é"}', "[]")])
    assert _raw(db, "fast") == _raw(db, "orm")
    rows = {r.item_id: r for r in itemstore.items_since(db, published - timedelta(seconds=1))}
    assert rows["fast"].published == published and rows["fast"].fetched_at == fetched
    assert [
        r.item_id for r in itemstore.items_since(db, published + timedelta(microseconds=1))
    ] == []


def test_redelivery_in_one_batch_and_across_batches_keeps_the_last(db: Engine) -> None:
    day = datetime(2024, 5, 1, tzinfo=UTC)
    first = batch.ItemRecord("x", day, day, '{"v": 1}', "[]")
    second = batch.ItemRecord("x", day, day, '{"v": 2}', '[{"topic": "t"}]')
    itemstore.save_items(db, [first, second])
    assert _raw(db, "x")[2:] == ('{"v": 2}', '[{"topic": "t"}]')
    itemstore.save_items(db, [first])
    assert _raw(db, "x")[2:] == ('{"v": 1}', "[]")
    assert [r.item_id for r in itemstore.items_since(db, day)] == ["x"]
