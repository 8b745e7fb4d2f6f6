"""A late story event shows the story as it stands, not as it stood.

The stories stage commits a story's change, then publishes its event. In a rebalance two
stories processes may publish one story's events out of order (A decides item 2, B item 3;
B publishes first), so notify reads "3 outlets", then "2 outlets". ``position`` is the
story's sequence (1, 2, 3... in the order the changes were committed). An event older than
one already read still brings its own item (its item may open the story for a
subscription the newer one did not match), but the story's fields (outlets, items, counts)
are taken from the newest event read: without that the opening alert said "2 outlets" and
the follow-up at 3 was never sent (no later event came to bring it).

The newest position of each story and that event's story fields are kept in a table
(:class:`~wirewatch_notify.models.StoryState`), written for every event read in the
transaction that decides the batch's story alerts, under the story locks
(:func:`~wirewatch_notify.story_alerts.lock_stories`): so a late event read by another
notify process (a notify rebalance) or after a restart shows the story as the newest
event read anywhere says (stop 39 kept it in one process's memory). A batch reads the
positions of its stories in one query; the fields only of the stories that have a late
event (rare: a second query then). Rows not read for the delivery retention are purged
(:func:`purge_states`), when the story's alerts and keys go.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection, Engine
from wirewatch_shared.events import StoryEvent

from wirewatch_notify.models import StoryState
from wirewatch_notify.outbox import PURGE_CHUNK
from wirewatch_notify.read_marks import mark_read, purge_unread

STORY_FIELDS = ("topics", "item_count", "outlets", "languages", "first_seen", "items")
"""What an event says of the whole story (the rest is of its own item)."""
_FIELDS = set(STORY_FIELDS)

_STATES = StoryState.__table__  # type: ignore[attr-defined]
# Built once (every story batch reads the positions): building a statement per batch cost
# more CPU than running it.
_POSITIONS = select(_STATES.c.story_id, _STATES.c.position).where(
    _STATES.c.story_id.in_(bindparam("stories", expanding=True))
)
_STORED = select(_STATES.c.story_id, _STATES.c.story).where(
    _STATES.c.story_id.in_(bindparam("stories", expanding=True))
)


def newest_positions(conn: Connection, story_ids: Iterable[str]) -> dict[str, int]:
    """The newest position already read of each of these stories (one query)."""
    wanted = sorted(set(story_ids))
    if not wanted:
        return {}
    rows = conn.execute(_POSITIONS, {"stories": wanted}).all()
    return {str(story): int(position) for story, position in rows}


def _stored_stories(conn: Connection, story_ids: Iterable[str]) -> dict[str, str]:
    rows = conn.execute(_STORED, {"stories": sorted(set(story_ids))}).all()
    return {str(story): str(fields) for story, fields in rows}


def current(
    conn: Connection, events: Sequence[StoryEvent], positions: Mapping[str, int] | None = None
) -> list[StoryEvent]:
    """The batch's events, each late one (older than the newest read, stored or earlier
    in this batch) with the story's fields of that newest; the others as they are. Call
    under the batch's story locks; ``positions``: :func:`newest_positions` of the batch's
    stories, if the caller has read them."""
    if positions is None:
        positions = newest_positions(conn, (e.story_id for e in events))
    # Per story: the newest position so far and its event (None: the stored one).
    newest: dict[str, tuple[int, StoryEvent | None]] = {
        story: (position, None) for story, position in positions.items()
    }
    plan: list[tuple[StoryEvent, StoryEvent | None]] = []
    stored_wanted: set[str] = set()
    for event in events:
        known = newest.get(event.story_id)
        if known is None or event.position >= known[0]:
            newest[event.story_id] = (event.position, event)
            plan.append((event, event))
            continue
        plan.append((event, known[1]))
        if known[1] is None:
            stored_wanted.add(event.story_id)
    stored = _stored_stories(conn, stored_wanted) if stored_wanted else {}
    out = []
    for event, source in plan:
        if source is event:
            out.append(event)
        elif source is not None:
            out.append(event.model_copy(update={n: getattr(source, n) for n in STORY_FIELDS}))
        else:
            out.append(_with_story(event, stored[event.story_id]))
    return out


def _with_story(event: StoryEvent, story: str) -> StoryEvent:
    """``event`` with the stored story fields (JSON text: validated back into the
    event's types, so the alerts render them as any event's)."""
    return StoryEvent.model_validate({**event.model_dump(), **json.loads(story)})


def _story_json(event: StoryEvent) -> str:
    return event.model_dump_json(include=_FIELDS)


def record_states(conn: Connection, events: Iterable[StoryEvent], *, now: datetime) -> None:
    """Keep each story's newest state among ``events`` (never an older one than kept),
    read ``now``: every event read, whether it alerts or not, so a later read of an older
    one, by any notify process, knows. One statement, in story order (two processes
    upserting overlapping stories take the row locks in one order)."""
    newest: dict[str, StoryEvent] = {}
    for event in events:
        known = newest.get(event.story_id)
        if known is None or event.position > known.position:
            newest[event.story_id] = event
    rows = [
        {
            "story_id": story,
            "position": newest[story].position,
            "story": _story_json(newest[story]),
            "updated_at": now,
        }
        for story in sorted(newest)
    ]
    mark_read(conn, _STATES, "story_id", "position", rows, with_sequence=("story",))


def purge_states(engine: Engine, before: datetime, *, limit: int = PURGE_CHUNK) -> int:
    """Forget up to ``limit`` stories none of whose events was read since ``before`` (the
    delivery retention: their alerts and keys go then too); how many. In chunks: call
    again while it returns ``limit``."""
    return purge_unread(engine, _STATES, _STATES.c.story_id, before, limit)
