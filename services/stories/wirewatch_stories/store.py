"""The story store, and how several stories processes stay one.

Classified items are keyed by item id, so the items of one story reach different
partitions, hence different processes. Correctness does not rely on partitioning:
every batch is assigned inside one database transaction that first takes the
``stories_lock`` row (``UPDATE``: a row lock on PostgreSQL, the write lock on
SQLite). Holding it, a process

1. replays the decisions other processes committed since its last batch
   (``stories_item`` rows with a higher ``seq``, in ``seq`` order) into its
   in-memory clusterer, so it decides on exactly the state a single process would have;
2. re-publishes the stored event of any item already assigned (a redelivery after a
   crash between commit and offset commit: no item is assigned twice);
3. decides the new items, writes their rows with the next ``seq`` numbers and the
   stories they open or grow, and commits.

Decisions are therefore serialised across processes: no story is split by two
processes deciding at once, and none is opened twice (a story's id is derived from
the item that opened it, and an item is assigned once: ``item_id`` is unique).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Text,
    and_,
    bindparam,
    cast,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.sql.elements import ColumnElement
from wirewatch_shared.clock import utcnow
from wirewatch_shared.events import ClassifiedItem

from wirewatch_stories.assign import StoryState, features_of, story_event
from wirewatch_stories.cluster import Clusterer, Decision
from wirewatch_stories.models import StoriesLock, Story, StoryItem

STORY = Story.__table__  # type: ignore[attr-defined]
ITEM = StoryItem.__table__  # type: ignore[attr-defined]
LOCK = StoriesLock.__table__  # type: ignore[attr-defined]
_STATE_COLUMNS = (
    "title",
    "first_seen",
    "last_published",
    "item_count",
    "topics",
    "outlets",
    "outlet_keys",
    "languages",
    "items",
    "evidence",
)
STATE_CACHE = 2000  # stories whose state a process keeps between batches (the latest used)

# The statements of a batch, built once (building one costs more than running it cached).
# Taking the lock and reading its row is one statement where the dialect can return the
# updated row (PostgreSQL, SQLite 3.35+): the lock is taken by the UPDATE all the same.
_TAKE_LOCK = update(LOCK).where(LOCK.c.id == 1).values(seq=LOCK.c.seq)
_TAKE_LOCK_RETURNING = _TAKE_LOCK.returning(LOCK.c.seq, LOCK.c.clock)
_READ_LOCK = select(LOCK.c.seq, LOCK.c.clock).where(LOCK.c.id == 1)
_SET_LOCK = (
    update(LOCK)
    .where(LOCK.c.id == 1)
    .values(
        seq=bindparam("b_seq", type_=LOCK.c.seq.type),
        clock=bindparam("b_clock", type_=LOCK.c.clock.type),
    )
)
_ASSIGNED = select(ITEM.c.item_id, ITEM.c.story_id, ITEM.c.event).where(
    ITEM.c.item_id.in_(bindparam("ids", expanding=True))
)
_STORIES = select(STORY).where(STORY.c.id.in_(bindparam("ids", expanding=True)))
_INSERT_ITEMS = insert(ITEM)
_INSERT_STORIES = insert(STORY)
_STORY_UPDATE_COLUMNS = (*_STATE_COLUMNS, "updated_at")
_UPDATE_STORIES = (
    update(STORY)
    .where(STORY.c.id == bindparam("b_id"))
    .values(
        {name: bindparam(f"b_{name}", type_=STORY.c[name].type) for name in _STORY_UPDATE_COLUMNS}
    )
)
# PostgreSQL, a batch of one item (the stage's usual batch at a steady rate): its row, its
# story's and the lock's in one statement (data-modifying WITHs: three tables, no statement
# reads what another writes), two round trips fewer; other batches and SQLite take the three.
_INSERT_ITEM_CTE = (
    insert(ITEM)
    .values({c: bindparam(f"i_{c.name}", type_=c.type) for c in ITEM.columns})
    .cte("item")
)
_WRITE_OPENED = _SET_LOCK.add_cte(_INSERT_ITEM_CTE).add_cte(
    insert(STORY)
    .values({c: bindparam(f"s_{c.name}", type_=c.type) for c in STORY.columns})
    .cte("story")
)
_WRITE_GROWN = _SET_LOCK.add_cte(_INSERT_ITEM_CTE).add_cte(_UPDATE_STORIES.cte("story"))


@dataclass(frozen=True, slots=True)
class Published:
    """An event to publish: (story id, event JSON)."""

    key: str
    value: str


class Assigner:
    """One process's clusterer, kept in step with the store."""

    def __init__(self, engine: Engine, *, window_s: float, threshold: float) -> None:
        self.engine = engine
        self.window_s = window_s
        self.threshold = threshold
        self._lock = threading.Lock()
        self.clusterer = Clusterer(window_s=window_s, threshold=threshold)
        self.seq: int | None = None  # None: not loaded yet
        # The stored state of recently grown stories, as of ``seq``: a story another
        # process grows is dropped from it when its decision is replayed (every change
        # to a story comes with a ``stories_item`` row), so it is never stale.
        self._states: dict[str, StoryState] = {}
        self._new: set[str] = set()  # stories opened by the batch being decided

    def reset(self) -> None:
        self.clusterer = Clusterer(window_s=self.window_s, threshold=self.threshold)
        self.seq = None
        self._states = {}

    # -- keeping in step ---------------------------------------------------------------

    def _load(self, conn: Connection, last_seq: int, clock: float | None) -> None:
        """A fresh process: the clock and the items of the stories the clusterer still
        holds (exactly the state of a process that has run all along)."""
        if clock is not None:
            self.clusterer.resume(clock)
            horizon = datetime.fromtimestamp(self.clusterer.horizon, UTC)
            kept = select(STORY.c.id).where(STORY.c.last_published >= horizon)
            self._replay(conn, ITEM.c.story_id.in_(kept.scalar_subquery()), advance=False)
        self.seq = last_seq

    def _replay(self, conn: Connection, condition: Any, *, advance: bool = True) -> None:
        rows = conn.execute(
            select(ITEM.c.item_id, ITEM.c.story_id, ITEM.c.cues, ITEM.c.published)
            .where(condition)
            .order_by(ITEM.c.seq)
        )
        for item_id, story_id, cues, published in rows:
            when = _aware(published).timestamp()
            self.clusterer.add(item_id, story_id, stored_cues(cues), when, advance=advance)
            self._states.pop(story_id, None)  # grown by another process: read it again

    def _sync(self, conn: Connection) -> int:
        if conn.dialect.update_returning:
            row = conn.execute(_TAKE_LOCK_RETURNING).one()
        else:
            conn.execute(_TAKE_LOCK)
            row = conn.execute(_READ_LOCK).one()
        last_seq, clock = int(row.seq), row.clock
        if self.seq is None:
            self._load(conn, last_seq, clock)
        elif last_seq > self.seq:
            self._replay(conn, ITEM.c.seq > self.seq)
            self.seq = last_seq
        return last_seq

    # -- one batch -----------------------------------------------------------------------

    def assign(self, batch: Sequence[ClassifiedItem]) -> list[Published]:
        """Assign a batch in one transaction; the events to publish, in order."""
        with self._lock:
            try:
                return self._assign(batch)
            except BaseException:
                self.reset()  # the in-memory state may hold decisions never committed
                raise

    def _assign(self, batch: Sequence[ClassifiedItem]) -> list[Published]:
        now = utcnow()
        with self.engine.begin() as conn:
            last_seq = self._sync(conn)
            ids = list(dict.fromkeys(c.item.item_id for c in batch))
            done: dict[str, Published] = {
                item_id: Published(story_id, event)
                for item_id, story_id, event in conn.execute(_ASSIGNED, {"ids": ids})
            }
            # Decide every new item first (decisions need only the clusterer), then read
            # the stories they grow in one query (not those they open: a story's id is its
            # first item's, stored with it, and that item is not stored yet), then build the
            # events in order.
            decided: list[tuple[ClassifiedItem, frozenset[str], Decision]] = []
            for classified in batch:
                item = classified.item
                if item.item_id in done or item.item_id in self.clusterer:
                    continue
                cues = features_of(classified).cues
                when = item.published.timestamp()
                decided.append((classified, cues, self.clusterer.assign(item.item_id, cues, when)))
            opened = {d.story_id for _, _, d in decided if d.opened}
            states = self._states_of(
                conn, {d.story_id for _, _, d in decided if d.story_id not in opened}
            )
            self._new = set()
            rows: list[dict[str, Any]] = []
            for classified, cues, decision in decided:
                row = self._row(classified, cues, decision, states, now, last_seq + len(rows) + 1)
                done[classified.item.item_id] = Published(row["story_id"], row["event"])
                rows.append(row)
            out = [done[classified.item.item_id] for classified in batch]
            if rows:
                lock = {"b_seq": last_seq + len(rows), "b_clock": self.clusterer.clock}
                _write(conn, rows, states, self._new, now, lock)
        self.seq = last_seq + len(rows)
        cache = self._states
        for story_id, state in states.items():
            cache.pop(story_id, None)
            cache[story_id] = state  # the latest used last
        for story_id in list(cache)[: max(0, len(cache) - STATE_CACHE)]:
            del cache[story_id]
        return out

    def _states_of(self, conn: Connection, story_ids: set[str]) -> dict[str, StoryState]:
        """The stored state of these stories (those that exist), the cache's first."""
        states = {i: self._states[i] for i in story_ids if i in self._states}
        missing = sorted(story_ids - states.keys())
        for k in range(0, len(missing), 500):
            for row in conn.execute(_STORIES, {"ids": missing[k : k + 500]}).mappings():
                states[row["id"]] = _state(row)
        return states

    def _row(
        self,
        classified: ClassifiedItem,
        cues: frozenset[str],
        decision: Decision,
        states: dict[str, StoryState],
        now: datetime,
        seq: int,
    ) -> dict[str, Any]:
        item = classified.item
        state = states.get(decision.story_id)
        if state is None:
            state = states[decision.story_id] = StoryState.new(decision.story_id, classified)
            self._new.add(decision.story_id)
        state.add(classified, decision.evidence)
        event = story_event(state, classified, decision, now=now)
        return {
            "seq": seq,
            "item_id": item.item_id,
            "story_id": decision.story_id,
            "position": state.item_count,
            "published": item.published,
            "cues": cues_text(cues),
            "event": event.model_dump_json(),
            "assigned_at": now,
        }


def cues_text(cues: frozenset[str]) -> str:
    """How a decision's cues are stored: each followed by a newline, since a cue may hold a
    space (``p:el paso``, ``a:home office``) and a replay must read back the very same cues."""
    return "".join(f"{cue}\n" for cue in sorted(cues))


def stored_cues(text: str) -> list[str]:
    """The cues :func:`cues_text` stored. Rows written before it joined the cues with spaces:
    those are split on spaces, as they were always read."""
    return text.split("\n")[:-1] if text.endswith("\n") else text.split()


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _state(row: Any) -> StoryState:
    values = {name: row[name] for name in _STATE_COLUMNS}
    values["first_seen"] = _aware(values["first_seen"])
    values["last_published"] = _aware(values["last_published"])
    return StoryState(id=row["id"], **values)


def _write(
    conn: Connection,
    rows: list[dict[str, Any]],
    states: dict[str, StoryState],
    new: set[str],
    now: datetime,
    lock: dict[str, Any],
) -> None:
    """Store a batch's decisions: its ``rows``, the stories they open (``new``) or grow
    (one statement each), and the lock's ``seq`` and clock."""
    inserts, updates = _story_values(states, new, now)
    if len(rows) == 1 and len(states) == 1 and conn.dialect.name == "postgresql":
        values = {f"i_{name}": value for name, value in rows[0].items()} | lock
        if inserts:
            values.update((f"s_{name}", value) for name, value in inserts[0].items())
            conn.execute(_WRITE_OPENED, values)
        else:
            conn.execute(_WRITE_GROWN, values | updates[0])
        return
    conn.execute(_INSERT_ITEMS, rows)
    if inserts:
        conn.execute(_INSERT_STORIES, inserts)
    if updates:
        conn.execute(_UPDATE_STORIES, updates)
    conn.execute(_SET_LOCK, lock)


def _story_values(
    states: dict[str, StoryState], new: set[str], now: datetime
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The parameters that insert the stories ``new`` names and update the others."""
    inserts, updates = [], []
    for story_id, state in states.items():
        values = {name: getattr(state, name) for name in _STATE_COLUMNS}
        values["updated_at"] = now
        if story_id in new:
            inserts.append({"id": story_id, "created_at": now, **values})
        else:
            updates.append({"b_id": story_id, **{f"b_{k}": v for k, v in values.items()}})
    return inserts, updates


# -- the read side -----------------------------------------------------------------------


def story_dict(row: Any) -> dict[str, Any]:
    out = dict(row)
    for name in ("first_seen", "last_published", "created_at", "updated_at"):
        out[name] = _aware(out[name])
    return out


def recent_since(since: datetime) -> ColumnElement[bool]:
    """A story with an item published, or found by Wirewatch (``updated_at``), at or after
    ``since``: a feed read today may carry items published years ago (an archive on its
    first read, a late outlet), and their alerts go out today."""
    return or_(STORY.c.last_published >= since, STORY.c.updated_at >= since)


def list_stories(
    engine: Engine,
    *,
    topic: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    recent: datetime | None = None,
    after: tuple[datetime, str] | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Stories by latest item, newest first, then by id; ``since`` and ``until`` keep those
    with an item published in that period (both included: latest item at or after
    ``since``, first item at or before ``until``); ``recent`` keeps those
    :func:`recent_since` then (the views of the last N days); ``after`` (a story's
    ``last_published`` and ``id``) starts after that story in this order, as a page's
    cursor.

    ``topic`` is looked for in the database (the topics' JSON text holds the name as JSON
    writes it), then checked exactly: reading the latest stories and keeping the topic's
    missed a quieter topic's stories behind a busier one's."""
    query = select(STORY).order_by(STORY.c.last_published.desc(), STORY.c.id)
    if since is not None:
        query = query.where(STORY.c.last_published >= since)
    if recent is not None:
        query = query.where(recent_since(recent))
    if until is not None:
        query = query.where(STORY.c.first_seen <= until)
    if after is not None:
        last, story_id = after
        same_time = and_(STORY.c.last_published == last, STORY.c.id > story_id)
        query = query.where(or_(STORY.c.last_published < last, same_time))
    if topic is None:
        query = query.limit(limit)
    else:  # streamed: a near miss (SQLite's LIKE ignores case) never takes a place
        named = cast(STORY.c.topics, Text).contains(json.dumps(topic), autoescape=True)
        query = query.where(named).execution_options(yield_per=limit)
    out: list[dict[str, Any]] = []
    with engine.connect() as conn:
        for row in conn.execute(query).mappings():
            if topic is None or topic in row["topics"]:
                out.append(story_dict(row))
                if len(out) >= limit:
                    break
    return out


def get_story(engine: Engine, story_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(select(STORY).where(STORY.c.id == story_id)).mappings().first()
    return None if row is None else story_dict(row)


def count_stories(engine: Engine) -> tuple[int, int]:
    """(stories, assigned items)."""
    with engine.connect() as conn:
        stories = conn.execute(select(func.count()).select_from(STORY)).scalar_one()
        items = conn.execute(select(func.count()).select_from(ITEM)).scalar_one()
    return int(stories), int(items)
