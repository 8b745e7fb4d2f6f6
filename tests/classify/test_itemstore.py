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
    itemstore.save_items(
        db, [batch.ItemRecord("fast", published, fetched, '{"a": "é"}'.encode(), "[]")]
    )
    assert _raw(db, "fast") == _raw(db, "orm")
    rows = {r.item_id: r for r in itemstore.items_since(db, published - timedelta(seconds=1))}
    assert rows["fast"].published == published and rows["fast"].fetched_at == fetched
    assert [
        r.item_id for r in itemstore.items_since(db, published + timedelta(microseconds=1))
    ] == []


def test_redelivery_in_one_batch_and_across_batches_keeps_the_last(db: Engine) -> None:
    day = datetime(2024, 5, 1, tzinfo=UTC)
    first = batch.ItemRecord("x", day, day, b'{"v": 1}', "[]")
    second = batch.ItemRecord("x", day, day, b'{"v": 2}', '[{"topic": "t"}]')
    itemstore.save_items(db, [first, second])
    assert _raw(db, "x")[2:] == ('{"v": 2}', '[{"topic": "t"}]')
    itemstore.save_items(db, [first])
    assert _raw(db, "x")[2:] == ('{"v": 1}', "[]")
    assert [r.item_id for r in itemstore.items_since(db, day)] == ["x"]


def test_a_batch_larger_than_one_statement_is_stored_whole(db: Engine) -> None:
    """SQLite writes a batch as several multi-row statements: every row lands once,
    a redelivered id keeps its last version, whatever statement each copy fell in."""
    day = datetime(2024, 5, 1, 8, 0, 0, 250, tzinfo=UTC)
    records = [
        batch.ItemRecord(f"i-{k:03d}", day, day, f'{{"k": {k}, "s": "ü\\n"}}'.encode(), "[]")
        for k in range(230)
    ]
    records.append(batch.ItemRecord("i-005", day, day, b'{"v": 2}', '[{"topic": "t"}]'))
    itemstore.save_items(db, records)
    stored = {r.item_id: r for r in itemstore.items_since(db, day)}
    assert len(stored) == 230
    assert (stored["i-005"].item_json, stored["i-005"].matches_json) == (
        '{"v": 2}',
        '[{"topic": "t"}]',
    )
    assert stored["i-229"].item_json == '{"k": 229, "s": "ü\\n"}'
    with session_scope(db) as session:
        session.add(
            StoredItem(
                item_id="orm", published=day, fetched_at=day, item_json="{}", matches_json="[]"
            )
        )
    assert _raw(db, "i-100")[:2] == _raw(db, "orm")[:2]


def test_the_item_is_stored_as_text_exactly_as_received(db: Engine) -> None:
    """The item's JSON goes to the store as the bytes it arrived as; the row holds text
    (never a blob, which reclassify could not read as a str), byte for byte the body."""
    day = datetime(2024, 5, 1, tzinfo=UTC)
    body = '{"title": "Ñandú: llegó un vuelo con 120 deportados — 日本"}'
    itemstore.save_items(db, [batch.ItemRecord("u", day, day, body.encode(), "[]")])
    assert _raw(db, "u")[2] == body
    [stored] = list(itemstore.items_since(db, day))
    assert stored.item_json == body
    if db.dialect.name == "sqlite":
        with db.connect() as conn:
            kind, raw = conn.execute(
                text("SELECT typeof(item_json), CAST(item_json AS BLOB) FROM classify_item")
            ).one()
        assert (kind, raw) == ("text", body.encode())
