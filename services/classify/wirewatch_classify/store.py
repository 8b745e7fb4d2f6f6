"""Item store of the classify service (sync; the service calls it from a thread).

Times are aware UTC datetimes (SQLModel's column type stores them as UTC on
SQLite and PostgreSQL alike).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import col, select
from wirewatch_shared.db import create_tables, is_postgres, session_scope
from wirewatch_shared.events import TopicMatch

from wirewatch_classify.models import StoredItem, UserTopicRow


def create_classify_tables(engine: Engine) -> None:
    create_tables(engine, UserTopicRow, StoredItem)


def utc(value: datetime) -> datetime:
    """``value`` in UTC; a naive value is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def matches_json(matches: Iterable[TopicMatch]) -> str:
    """Canonical JSON of a match list: equal matches give equal strings (change detection)."""
    return json.dumps(
        [m.model_dump(mode="json") for m in matches], sort_keys=True, ensure_ascii=False
    )


class ItemRecord(NamedTuple):
    """One item to keep (a named tuple: one is built per classified item)."""

    item_id: str
    published: datetime
    fetched_at: datetime
    item_json: str
    matches_json: str


_UPSERT = (
    "INSERT INTO {table}"
    " (item_id, published, fetched_at, item_json, matches_json, classified_at)"
    " VALUES ({p}, {p}, {p}, {p}, {p}, {p})"
    " ON CONFLICT (item_id) DO UPDATE SET"
    " published = excluded.published, fetched_at = excluded.fetched_at,"
    " item_json = excluded.item_json, matches_json = excluded.matches_json,"
    " classified_at = excluded.classified_at"
)


def sqlite_time(value: datetime) -> str:
    """A datetime as SQLAlchemy stores it in SQLite: UTC, no offset, microseconds
    (``2024-05-01 12:00:00.000000``). A naive value is taken to be UTC already."""
    if value.utcoffset():
        value = value.astimezone(UTC)
    # "YYYY-MM-DD HH:MM:SS.ffffff" is the first 26 characters, offset or not.
    return value.isoformat(" ", "microseconds")[:26]


def save_items(engine: Engine, records: Sequence[ItemRecord]) -> None:
    """Insert or replace items (a redelivered item overwrites its earlier row).

    One ``executemany`` of a prepared upsert straight through the driver: the
    rows are plain values, so SQLAlchemy's per-row statement compilation and type
    processing (most of the cost at thousands of items per second) are skipped.
    Values are written exactly as the ``StoredItem`` column types would write them."""
    if not records:
        return
    # One row per id per statement: ON CONFLICT cannot touch a row twice.
    latest = list({r.item_id: r for r in records}.values())
    if is_postgres(engine):
        now: object = datetime.now(UTC)
        when: Any = utc
        sql = _UPSERT.format(table=StoredItem.__tablename__, p="%s")
    else:
        now = sqlite_time(datetime.now(UTC))
        when = sqlite_time
        sql = _UPSERT.format(table=StoredItem.__tablename__, p="?")
    rows = [
        (r.item_id, when(r.published), when(r.fetched_at), r.item_json, r.matches_json, now)
        for r in latest
    ]
    with engine.begin() as conn:
        conn.exec_driver_sql(sql, rows)


def items_since(engine: Engine, since: datetime, chunk: int = 1000) -> Iterator[StoredItem]:
    """Stored items published at or after ``since``, oldest first, read in chunks."""
    since = utc(since)
    last: tuple[datetime, str] | None = None
    while True:
        with session_scope(engine) as session:
            query = select(StoredItem).where(col(StoredItem.published) >= since)
            if last is not None:
                query = query.where(
                    (col(StoredItem.published) > last[0])
                    | ((col(StoredItem.published) == last[0]) & (col(StoredItem.item_id) > last[1]))
                )
            rows = list(
                session.exec(
                    query.order_by(col(StoredItem.published), col(StoredItem.item_id)).limit(chunk)
                )
            )
        yield from rows
        if len(rows) < chunk:
            return
        last = (rows[-1].published, rows[-1].item_id)


def update_matches(engine: Engine, changes: dict[str, str]) -> None:
    """Record the matches just republished for each item id."""
    if not changes:
        return
    table = StoredItem.__table__  # type: ignore[attr-defined]
    with engine.begin() as conn:
        for item_id, matches_json in changes.items():
            conn.execute(
                update(table)
                .where(table.c.item_id == item_id)
                .values(matches_json=matches_json, classified_at=utc(datetime.now(UTC)))
            )
