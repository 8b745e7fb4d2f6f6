"""Story-mode alerts: at most two per (subscription, story).

A story-mode subscription gets

- **one alert when a story opens for it**: the first story event whose item matches
  the subscription (topics, score, filters); it lists the story's items so far;
- **one follow-up** when the story reaches the subscription's ``followup_outlets``
  outlets (0: never), whatever item brought it there.

Both are ordinary outbox rows whose de-duplication key is the story
(``story:<id>`` and ``story:<id>:grown``), so a redelivered or re-published story
event adds nothing, and two notify processes cannot send either twice. A story that
already has enough outlets when it opens for a subscription gets no follow-up: its
key is taken by a cancelled row at once.

Which row a batch records depends on the rows already there, so the read and the
insert are one decision per story: :func:`lock_stories` first
(:func:`~wirewatch_notify.advisory_locks.lock_keys` on the story keys: a
transaction-scoped advisory lock per story on PostgreSQL, all of a batch's in one
statement; the write lock on SQLite), then what the batch is decided on, in one statement
(:func:`lock_and_read`: the subscriptions' version, the openings recorded, the stories'
positions). Without the locks two processes overlapping in a rebalance both read "not
opened yet": the later one cancelled (or never recorded) the follow-up of the opening the
other had just written.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, bindparam, cast, literal_column, null, select, union_all
from sqlalchemy.engine import Connection
from wirewatch_shared.db import UtcDateTime
from wirewatch_shared.events import StoryEvent, TopicMatch
from wirewatch_shared.outlets import outlet_of

from wirewatch_notify.advisory_locks import lock_keys
from wirewatch_notify.matching import RuleIndex, SubscriptionRule
from wirewatch_notify.models import Delivery, StoryState
from wirewatch_notify.outbox import NewDelivery
from wirewatch_notify.payloads import alert_envelope
from wirewatch_notify.rules import VERSION_COLUMNS, RuleCache, Version
from wirewatch_notify.timing import release_at

_TABLE = Delivery.__table__  # type: ignore[attr-defined]
_STATES = StoryState.__table__  # type: ignore[attr-defined]


def opening_key(story_id: str) -> str:
    return f"story:{story_id}"


def followup_key(story_id: str) -> str:
    return f"story:{story_id}:grown"


def lock_stories(conn: Connection, story_ids: Iterable[str]) -> None:
    """Hold the alert decisions of these stories until ``conn``'s transaction ends, so a
    second notify process deciding on one of them reads this one's rows (call first)."""
    lock_keys(conn, (f"notify-story:{story}" for story in story_ids))


def opened_pairs(
    conn: Connection, story_ids: Iterable[str], subscription_ids: Iterable[int]
) -> set[tuple[int, str]]:
    """(subscription, story) pairs of these story-mode subscriptions whose opening alert
    is already recorded. Both keys of the outbox's (subscription, item) index are given:
    by the item alone the read scanned every delivery of the retention on PostgreSQL."""
    keys = {opening_key(s): s for s in story_ids}
    subs = sorted(set(subscription_ids))
    if not keys or not subs:
        return set()
    rows = conn.execute(_OPENED, {"subs": subs, "keys": list(keys)}).all()
    return {(int(sub_id), keys[item_id]) for sub_id, item_id in rows}


# Built once (every story batch reads it): building the statement per batch cost more CPU
# than running it.
_OPENED = select(_TABLE.c.subscription_id, _TABLE.c.item_id).where(
    _TABLE.c.subscription_id.in_(bindparam("subs", expanding=True)),
    _TABLE.c.item_id.in_(bindparam("keys", expanding=True)),
)


@dataclass(frozen=True, slots=True)
class DecisionReads:
    """What a batch's story alerts are decided on, read in one statement under the
    batch's story locks: the subscriptions' version (:data:`~wirewatch_notify.rules.Version`),
    the opening alerts recorded (of the subscriptions asked for) and the stories' newest
    positions read (:func:`~wirewatch_notify.story_versions.newest_positions`)."""

    version: Version
    opened: set[tuple[int, str]]
    positions: dict[str, int]


def read_decisions(
    conn: Connection, story_ids: Iterable[str], subscription_ids: Iterable[int]
) -> DecisionReads:
    """:func:`opened_pairs`, :func:`~wirewatch_notify.story_versions.newest_positions` and
    the subscriptions' version in one statement (call under :func:`lock_stories`): each
    was a statement of its own, whose client side cost more CPU than the server's work."""
    keys = {opening_key(s): s for s in story_ids}
    subs = sorted(set(subscription_ids))
    version: Version = (0, None)
    opened: set[tuple[int, str]] = set()
    positions: dict[str, int] = {}
    params = {"subs": subs, "keys": list(keys), "stories": sorted(set(keys.values()))}
    for kind, number, key, position, latest in conn.execute(_DECISION_READS, params):
        if kind == "v":
            version = (int(number), latest)
        elif kind == "o":
            opened.add((int(number), keys[key]))
        else:
            positions[str(key)] = int(position)
    return DecisionReads(version, opened, positions)


def lock_and_read(
    conn: Connection, rules: RuleCache, story_ids: Collection[str]
) -> tuple[RuleIndex, DecisionReads | None]:
    """The story-mode rules and, if there are any, the batch's stories locked
    (:func:`lock_stories`) and what their alerts are decided on (None: no story-mode
    subscription, nothing locked or read). When the last version read had story-mode
    subscriptions (the usual case) the locks come first and the version is read with the
    rest (one statement fewer per batch); the outcome is the same as reading the version
    first."""
    expected = rules.last_story_index()
    if not expected.rules:
        index = rules.story_index(conn)
        if not index.rules:
            return index, None
        lock_stories(conn, story_ids)
        return index, read_decisions(conn, story_ids, index.by_id)
    lock_stories(conn, story_ids)
    reads = read_decisions(conn, story_ids, expected.by_id)
    index = rules.story_index_at(reads.version)
    if index is expected:
        return index, reads
    if not index.rules:
        return index, None
    # The subscriptions changed meanwhile: the openings of the ones now live.
    opened = {pair for pair in reads.opened if pair[0] in index.by_id}
    added = set(index.by_id) - set(expected.by_id)
    if added:
        opened |= opened_pairs(conn, story_ids, added)
    return index, DecisionReads(reads.version, opened, reads.positions)


# Built once, like the reads it joins: a row per read (its kind first), the version's
# typed columns first (a union's result types are its first SELECT's).
_DECISION_READS = union_all(
    select(
        literal_column("'v'"),
        *VERSION_COLUMNS[:1],
        cast(null(), String),
        cast(null(), Integer),
        *VERSION_COLUMNS[1:],
    ),
    select(
        literal_column("'o'"),
        _TABLE.c.subscription_id,
        _TABLE.c.item_id,
        cast(null(), Integer),
        cast(null(), UtcDateTime),
    ).where(
        _TABLE.c.subscription_id.in_(bindparam("subs", expanding=True)),
        _TABLE.c.item_id.in_(bindparam("keys", expanding=True)),
    ),
    select(
        literal_column("'p'"),
        cast(null(), Integer),
        _STATES.c.story_id,
        _STATES.c.position,
        cast(null(), UtcDateTime),
    ).where(_STATES.c.story_id.in_(bindparam("stories", expanding=True))),
)


def own_outlet(event: StoryEvent) -> str:
    """The outlet of the event's item: as listed among the story's items, or (an item
    beyond the first ``STORY_MAX_ITEMS``) named as the stage names it."""
    item = event.item.item
    for ref in event.items:
        if ref.item_id == item.item_id[:512]:
            return ref.outlet
    return outlet_of(item)[1]


def story_data(event: StoryEvent, kind: str) -> dict[str, Any]:
    """``data.story`` of a story alert: the story so far and who else reports it."""
    outlet = own_outlet(event)
    return {
        "id": event.story_id,
        "event": kind,
        "item_count": event.item_count,
        "outlets": list(event.outlets),
        "also_reported_by": [o for o in event.outlets if o != outlet],
        "languages": list(event.languages),
        "topics": list(event.topics),
        "first_seen": event.first_seen.isoformat(),
        "evidence": list(event.evidence),
        "items": [
            {
                "id": ref.item_id,
                "outlet": ref.outlet,
                "title": ref.title,
                "link": ref.link,
                "language": ref.language,
                "published": ref.published.isoformat(),
            }
            for ref in event.items
        ],
    }


def story_envelope(
    event: StoryEvent, matches: Sequence[TopicMatch], kind: str, *, now: datetime
) -> dict[str, Any]:
    """A ``wirewatch.alert.v1`` envelope (its item: the one that triggered it) with
    ``data.story``."""
    envelope = alert_envelope(event.item, matches, now=now)
    envelope["data"]["story"] = story_data(event, kind)
    return envelope


def _follow_up_matches(event: StoryEvent, rule: SubscriptionRule) -> list[TopicMatch]:
    """A follow-up's item need not pass the filters: show its matches on the
    subscription's topics (any of its matches if none)."""
    own = [m for m in event.item.matches if m.topic in rule.topics]
    return own or list(event.item.matches[:1])


def story_deliveries(
    events: Sequence[StoryEvent],
    index: RuleIndex,
    opened: set[tuple[int, str]],
    *,
    now: datetime,
) -> list[NewDelivery]:
    """The deliveries a batch of story events makes, in order (``opened`` is updated)."""
    out: list[NewDelivery] = []
    # The subscriptions each story is open for: a lookup per event, not a pass over (and
    # a sort of) every opened pair of the batch (100 events, 1 subscription: 11.5 -> 0.4 ms).
    subs_of: dict[str, set[int]] = {}
    for sub_id, story in opened:
        subs_of.setdefault(story, set()).add(sub_id)
    for event in events:
        fresh = _openings(event, index, opened, now, out)
        subs = subs_of.setdefault(event.story_id, set())
        subs.update(fresh)
        if event.kind == "opened":
            continue
        outlets = len(event.outlets)
        for sub_id in sorted(subs - fresh):
            rule = index.by_id.get(sub_id)
            if rule is None:
                continue
            if rule.followup_outlets and outlets >= rule.followup_outlets:
                matches = _follow_up_matches(event, rule)
                envelope = story_envelope(event, matches, "grown", now=now)
                hold = release_at(index.timings[sub_id], now)
                out.append(
                    NewDelivery(sub_id, followup_key(event.story_id), envelope, hold_until=hold)
                )
    return out


def _openings(
    event: StoryEvent,
    index: RuleIndex,
    opened: set[tuple[int, str]],
    now: datetime,
    out: list[NewDelivery],
) -> set[int]:
    """Opening alerts of the subscriptions the event's item matches for the first time."""
    story = event.story_id
    fresh: set[int] = set()
    for sub_id, matches in index.matches_for(event.item).items():
        if (sub_id, story) in opened:
            continue
        opened.add((sub_id, story))
        fresh.add(sub_id)
        hold = release_at(index.timings[sub_id], now)
        envelope = story_envelope(event, matches, "opened", now=now)
        out.append(NewDelivery(sub_id, opening_key(story), envelope, hold_until=hold))
        rule = index.by_id[sub_id]
        if rule.followup_outlets and len(event.outlets) >= rule.followup_outlets:
            out.append(NewDelivery(sub_id, followup_key(story), {}, cancelled=True))
    return fresh
