"""Item store of the classify service (sync; the service calls it from a thread).

Times are aware UTC datetimes (SQLModel's column type stores them as UTC on
SQLite and PostgreSQL alike).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import col, select
from wirewatch_shared.clock import as_utc
from wirewatch_shared.db import is_postgres, session_scope
from wirewatch_shared.events import TopicMatch

from wirewatch_classify.batch import ItemRecord
from wirewatch_classify.models import StoredItem


def matches_json(matches: Iterable[TopicMatch]) -> str:
    """Canonical JSON of a match list: equal matches give equal strings (change detection)."""
    return json.dumps(
        [m.model_dump(mode="json") for m in matches], sort_keys=True, ensure_ascii=False
    )


_ON_CONFLICT = """
ON CONFLICT (item_id) DO UPDATE SET
    published = excluded.published, fetched_at = excluded.fetched_at,
    item_json = excluded.item_json, matches_json = excluded.matches_json,
    classified_at = excluded.classified_at
"""
# SQLite: multi-row VALUES statements of up to _SQLITE_ROWS rows, their values bound
# as plain parameters (600 of them, under the 999 of SQLite builds before 3.32). The
# driver binds them (GIL held: pointer and length per value) and steps each statement
# without the GIL, and SQLite parses no JSON: about half the CPU of one json_each
# statement over a JSON array of the rows (which json_extract re-parsed five times a
# row), on the core the broker needs. Statements of the same row count are one text,
# so the driver's statement cache prepares each once. The item's JSON is bound as the
# bytes it arrived as and made text by SQLite (CAST of a blob: its bytes read as UTF-8,
# the database's encoding, without the GIL): the same stored text as a str bound
# after decoding, without the decode on the event loop or the driver's re-encoding.
_SQLITE_ROWS = 100
_INSERT_SQLITE = (
    "INSERT INTO classify_item"
    " (item_id, published, fetched_at, item_json, matches_json, classified_at) VALUES "
)
_ROW_SQLITE = "(?,?,?,CAST(? AS TEXT),?,?)"


@functools.lru_cache(maxsize=8)
def _upsert_sqlite(rows: int) -> str:
    """The statement for ``rows`` rows: placeholders only, never a value."""
    return "".join((_INSERT_SQLITE, ",".join((_ROW_SQLITE,) * rows), _ON_CONFLICT))


# PostgreSQL: the whole batch is one JSON array of [id, published, fetched_at, item,
# matches] rows, unpacked by the server (as jsonb, parsed once; json would be re-parsed
# for every column read): one statement, one parameter, run without the GIL.
_UPSERT_POSTGRES = """
INSERT INTO classify_item
    (item_id, published, fetched_at, item_json, matches_json, classified_at)
SELECT r ->> 0, (r ->> 1)::timestamptz, (r ->> 2)::timestamptz, r ->> 3, r ->> 4, %s
FROM jsonb_array_elements(%s::jsonb) AS r
ON CONFLICT (item_id) DO UPDATE SET
    published = excluded.published, fetched_at = excluded.fetched_at,
    item_json = excluded.item_json, matches_json = excluded.matches_json,
    classified_at = excluded.classified_at
"""


def sqlite_time(value: datetime) -> str:
    """A datetime as SQLAlchemy stores it in SQLite: UTC, no offset, microseconds
    (``2024-05-01 12:00:00.000000``). A naive value is taken to be UTC already."""
    if value.utcoffset():
        value = value.astimezone(UTC)
    # "YYYY-MM-DD HH:MM:SS.ffffff" is the first 26 characters, offset or not.
    return value.isoformat(" ", "microseconds")[:26]


def _postgres_time(value: datetime) -> str:
    return as_utc(value).isoformat()


def save_items(engine: Engine, records: Sequence[ItemRecord]) -> None:
    """Insert or replace items (a redelivered item overwrites its earlier row).

    Straight through the driver (no SQLAlchemy compilation or per-row type
    processing), in one transaction; values are written exactly as the
    ``StoredItem`` column types would write them."""
    if not records:
        return
    # One row per id per statement: ON CONFLICT cannot touch a row twice.
    latest = list({r.item_id: r for r in records}.values())
    postgres = is_postgres(engine)
    when = _postgres_time if postgres else sqlite_time
    # Each distinct time formatted once (a feed poll's items share their fetched_at;
    # formatting one takes ~1.4 µs, and this part of the write holds the GIL).
    times: dict[datetime, str] = {}

    def text(value: datetime) -> str:
        found = times.get(value)
        if found is None:
            found = times[value] = when(value)
        return found

    rows = [
        (
            r.item_id,
            text(r.published),
            text(r.fetched_at),
            # PostgreSQL's rows travel as one JSON text; SQLite takes the bytes (CAST).
            r.item_json.decode() if postgres else r.item_json,
            r.matches_json,
        )
        for r in latest
    ]
    with engine.begin() as conn:
        if postgres:
            conn.exec_driver_sql(
                _UPSERT_POSTGRES, (datetime.now(UTC), json.dumps(rows, ensure_ascii=False))
            )
            return
        now = sqlite_time(datetime.now(UTC))
        for k in range(0, len(rows), _SQLITE_ROWS):
            part = rows[k : k + _SQLITE_ROWS]
            params = tuple(value for row in part for value in (*row, now))
            conn.exec_driver_sql(_upsert_sqlite(len(part)), params)


def items_since(engine: Engine, since: datetime, chunk: int = 1000) -> Iterator[StoredItem]:
    """Stored items published at or after ``since``, oldest first, read in chunks."""
    since = as_utc(since)
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
                .values(matches_json=matches_json, classified_at=as_utc(datetime.now(UTC)))
            )
