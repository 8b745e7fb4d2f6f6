"""Item store of the classify service (sync; the service calls it from a thread).

Times are aware UTC datetimes (SQLModel's column type stores them as UTC on
SQLite and PostgreSQL alike).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
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


@dataclass(frozen=True, slots=True)
class ItemRecord:
    item_id: str
    published: datetime
    fetched_at: datetime
    item_json: str
    matches_json: str


def save_items(engine: Engine, records: Sequence[ItemRecord]) -> None:
    """Insert or replace items (a redelivered item overwrites its earlier row)."""
    if not records:
        return
    now = utc(datetime.now(UTC))
    rows: list[dict[str, Any]] = [
        {
            "item_id": r.item_id,
            "published": utc(r.published),
            "fetched_at": utc(r.fetched_at),
            "item_json": r.item_json,
            "matches_json": r.matches_json,
            "classified_at": now,
        }
        for r in records
    ]
    # One row per id per statement: ON CONFLICT cannot touch a row twice.
    rows = list({row["item_id"]: row for row in rows}.values())
    table = StoredItem.__table__  # type: ignore[attr-defined]
    insert = pg_insert(table) if is_postgres(engine) else sqlite_insert(table)
    stmt = insert.on_conflict_do_update(
        index_elements=["item_id"],
        set_={
            "item_json": insert.excluded.item_json,
            "matches_json": insert.excluded.matches_json,
            "published": insert.excluded.published,
            "fetched_at": insert.excluded.fetched_at,
            "classified_at": insert.excluded.classified_at,
        },
    )
    with engine.begin() as conn:
        conn.execute(stmt, rows)


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
