"""The matching rules of all live subscriptions, reloaded only when subscriptions change."""

from __future__ import annotations

import threading
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import func
from sqlalchemy.engine import Connection, Engine
from sqlmodel import col, select
from wirewatch_shared.db import session_scope

from wirewatch_notify.matching import RuleIndex, SubscriptionRule
from wirewatch_notify.models import Subscription, SubscriptionFields
from wirewatch_notify.timing import Timing


def timing_of(sub: SubscriptionFields) -> Timing:
    return Timing.of(
        digest_minutes=sub.digest_interval_minutes if sub.mode == "digest" else None,
        quiet_start=sub.quiet_start,
        quiet_end=sub.quiet_end,
        timezone=sub.timezone,
    )


def rule_of(sub: Subscription) -> SubscriptionRule:
    assert sub.id is not None
    return SubscriptionRule(
        subscription_id=sub.id,
        topics=frozenset(sub.topics),
        min_score=sub.min_score,
        feeds=frozenset(sub.feeds),
        languages=frozenset(sub.languages),
        countries=frozenset(sub.countries),
        entities=frozenset(e.casefold() for e in sub.entities),
        timing=timing_of(sub),
        alert_mode=sub.alert_mode,
        followup_outlets=sub.followup_outlets,
    )


def active_rules(engine: Engine) -> list[SubscriptionRule]:
    """Rules of active subscriptions; unconfirmed email subscriptions match nothing."""
    with session_scope(engine) as session:
        subs = session.exec(select(Subscription).where(col(Subscription.active).is_(True)))
        return [rule_of(s) for s in subs if not s.awaiting_confirmation]


_SUBSCRIPTIONS = Subscription.__table__  # type: ignore[attr-defined]
Version = tuple[int, datetime | None]
"""The subscriptions' row count and newest ``updated_at``: every change moves it."""
# What the version is, as columns (a caller may read them in a statement of its own:
# :func:`~wirewatch_notify.story_alerts.read_decisions`).
VERSION_COLUMNS = (func.count(), func.max(_SUBSCRIPTIONS.c.updated_at))
# One Core statement, built once: it runs for every batch of every consumer.
_VERSION = sa.select(*VERSION_COLUMNS).select_from(_SUBSCRIPTIONS)


def _version(conn: Connection) -> Version:
    count, latest = conn.execute(_VERSION).one()
    return int(count), latest


class RuleCache:
    """Every change to a subscription bumps ``updated_at`` (or the row count), so one
    cheap aggregate query per batch of messages tells whether the rules must be
    reloaded; the topic index is rebuilt only then."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._version: Version | None = None
        self._indexes = (RuleIndex(()), RuleIndex(()))

    def _both(self, conn: Connection | None = None) -> tuple[RuleIndex, RuleIndex]:
        if conn is None:
            with self.engine.connect() as own:
                version = _version(own)
        else:
            version = _version(conn)
        return self._at(version)

    def _at(self, version: Version) -> tuple[RuleIndex, RuleIndex]:
        with self._lock:
            if version == self._version:
                return self._indexes
        rules = active_rules(self.engine)
        indexes = (
            RuleIndex(r for r in rules if r.alert_mode != "story"),
            RuleIndex(r for r in rules if r.alert_mode == "story"),
        )
        with self._lock:
            self._version, self._indexes = version, indexes
        return indexes

    def index(self, conn: Connection | None = None) -> RuleIndex:
        """Item-mode subscriptions (alerts from the classified stream); ``conn``: check
        the version on it (the caller's transaction) instead of a connection of its own."""
        return self._both(conn)[0]

    def story_index(self, conn: Connection | None = None) -> RuleIndex:
        """Story-mode subscriptions (alerts from story events); ``conn`` as for
        :meth:`index`."""
        return self._both(conn)[1]

    def story_index_at(self, version: Version) -> RuleIndex:
        """:meth:`story_index` for a version the caller read (:data:`VERSION_COLUMNS`)."""
        return self._at((int(version[0]), version[1]))[1]

    def last_story_index(self) -> RuleIndex:
        """The story-mode subscriptions as of the last version read (no query): what the
        next read will most likely find."""
        with self._lock:
            return self._indexes[1]

    def timings(self) -> dict[int, Timing]:
        """Quiet hours and digest of every live subscription, story mode or not (route
        alerts come from flight records, whatever the subscription's alert mode)."""
        item, story = self._both()
        return {**item.timings, **story.timings}

    def get(self) -> list[SubscriptionRule]:
        item, story = self._both()
        return [*item.rules, *story.rules]
