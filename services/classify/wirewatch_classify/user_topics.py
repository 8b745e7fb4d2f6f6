"""User-defined topics: validate, create, list, delete, announce (the service layer).

The ``classify_user_topic`` table is the source of truth; every change is also
announced on the control topic (``streams.TOPIC_DEFINITIONS``) so running
classifiers apply it at once. Classifiers additionally re-read the table every
few seconds, so a change made without a broker is still picked up.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import delete_by_key, session_scope
from wirewatch_shared.events import PHRASE_MAX, PHRASES_MAX, TopicDefinitionEvent
from wirewatch_shared.logging import get_logger

from wirewatch_classify.engine import UserTopic
from wirewatch_classify.lexicon import PatternError
from wirewatch_classify.models import UserTopicRow
from wirewatch_classify.query import QuerySyntaxError, check_operator_case
from wirewatch_classify.text import abbreviation_variant
from wirewatch_classify.topicdef import load_topics

log = get_logger(__name__)
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
MAX_USER_TOPICS = 200
"""An item carries at most ``LIST_MAX`` (256) matches, or every consumer refuses it: this
leaves room for the topic files. Classification slows with each topic (docs/classify.md)."""


class UserTopicError(ValueError):
    """A definition that cannot be stored; the message says what to fix."""


@dataclass(frozen=True, slots=True)
class Definition:
    """The portable form of a user topic (what goes in the table and on the control topic)."""

    name: str
    kind: str
    query: str = ""
    phrases: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        if self.kind == "query":
            return {"kind": "query", "query": self.query}
        return {"kind": "phrases", "phrases": list(self.phrases)}

    def compile(self) -> UserTopic:
        if self.kind == "query":
            return UserTopic.from_query(self.name, self.query)
        # Each phrase's other spelling too ("EE.UU." and "EEUU"), as in a query.
        variants = (abbreviation_variant(p) for p in self.phrases)
        return UserTopic.from_phrases(self.name, [*self.phrases, *filter(None, variants)])


def _cleaned_phrases(phrases: Sequence[str]) -> tuple[str, ...]:
    """The phrases stripped, blanks dropped; at most what one control event carries
    (``PHRASES_MAX`` of ``PHRASE_MAX`` characters), in the refusal wording of the API."""
    cleaned = tuple(p.strip() for p in phrases if p.strip())
    if not cleaned:
        raise UserTopicError("the phrase list is empty")
    if len(cleaned) > PHRASES_MAX:
        raise UserTopicError(f"too many phrases: at most {PHRASES_MAX} allowed, not {len(cleaned)}")
    for n, phrase in enumerate(cleaned, 1):
        if len(phrase) > PHRASE_MAX:
            raise UserTopicError(
                f"phrase {n} ({phrase[:30]!r}...) is too long: at most {PHRASE_MAX} "
                f"characters allowed, not {len(phrase)}"
            )
    return cleaned


def validate(
    name: str,
    *,
    query: str | None = None,
    phrases: Sequence[str] | None = None,
    reserved: Sequence[str] | None = None,
    strict: bool = True,
) -> Definition:
    """Check a definition; raise :class:`UserTopicError` with a one-line reason.

    ``strict`` (new definitions) also refuses operators not in capitals; a definition
    read back (a control event) is only checked to compile."""
    if not NAME_RE.match(name):
        raise UserTopicError(
            f"invalid topic name {name!r}: use 1-63 lower-case letters, digits and '-', "
            "starting with a letter or digit"
        )
    shipped = reserved if reserved is not None else [t.topic for t in load_topics()]
    if name in shipped:
        raise UserTopicError(f"{name!r} is a built-in topic; choose another name")
    if (query is None) == (phrases is None):
        raise UserTopicError("give exactly one of a query or a phrase list")
    if query is not None:
        definition = Definition(name, "query", query=query.strip())
    else:
        assert phrases is not None
        definition = Definition(name, "phrases", phrases=_cleaned_phrases(phrases))
    try:
        if strict and definition.kind == "query":
            check_operator_case(definition.query)
        definition.compile()
    except QuerySyntaxError as exc:
        raise UserTopicError(f"bad query for {name!r}: {exc}") from exc
    except (PatternError, ValueError) as exc:
        raise UserTopicError(f"bad phrase for {name!r}: {exc}") from exc
    return definition


def from_event_dict(name: str, data: Mapping[str, object]) -> Definition:
    """The definition carried by a control event (validated like user input)."""
    kind = data.get("kind")
    if kind == "query" and isinstance(data.get("query"), str):
        return validate(name, query=str(data["query"]), reserved=(), strict=False)
    phrases = data.get("phrases")
    if kind == "phrases" and isinstance(phrases, list):
        return validate(name, phrases=[str(p) for p in phrases], reserved=(), strict=False)
    raise UserTopicError(f"control event for {name!r} has no valid definition: {data!r}")


def _row_definition(row: UserTopicRow) -> Definition:
    phrases = tuple(json.loads(row.phrases_json or "[]"))
    return Definition(row.name, row.kind, query=row.query, phrases=phrases)


def create(engine: Engine, definition: Definition, *, replace: bool = False) -> bool:
    """Store a definition; returns True when it replaced an existing one."""
    with session_scope(engine) as session:
        row = session.get(UserTopicRow, definition.name)
        if row is not None and not replace:
            raise UserTopicError(
                f"topic {definition.name!r} already exists (remove it first, or use --replace)"
            )
        existed = row is not None
        if row is None and _count(session) >= MAX_USER_TOPICS:
            raise UserTopicError(
                f"there are already {MAX_USER_TOPICS} user topics, the most one system "
                "keeps: remove one first (wirewatch topics remove NAME)"
            )
        if row is None:
            row = UserTopicRow(name=definition.name, kind=definition.kind)
        row.kind = definition.kind
        row.query = definition.query
        row.phrases_json = json.dumps(list(definition.phrases), ensure_ascii=False)
        row.updated_at = utcnow()
        session.add(row)
        return existed


def _count(session: Session) -> int:
    return session.exec(select(func.count()).select_from(UserTopicRow)).one()


def delete(engine: Engine, name: str) -> bool:
    """Deletes the user topic ``name``; False if there is none."""
    return delete_by_key(engine, UserTopicRow, name)


def list_definitions(engine: Engine) -> list[Definition]:
    with session_scope(engine) as session:
        rows = session.exec(select(UserTopicRow).order_by(col(UserTopicRow.name)))
        return [_row_definition(r) for r in rows]


def read_table(engine: Engine) -> tuple[list[Definition], dict[str, datetime]]:
    """Every stored definition and when each was last written."""
    with session_scope(engine) as session:
        rows = list(session.exec(select(UserTopicRow).order_by(col(UserTopicRow.name))))
        return [_row_definition(r) for r in rows], {r.name: r.updated_at for r in rows}


@dataclass(slots=True)
class Sources:
    """What one classifier knows of the user topics: the table (authoritative, polled)
    and the control events (instant).

    An event holds until the table changes that same name, unless the table already
    knows better: the CLI writes the row before it announces, so an event older than
    the row, or (for a name the table lacks) older than this process's first table
    read, is a replay of history -- the control stream is read from its start on every
    start, and a topic removed or replaced while no broker ran must not come back."""

    table: dict[str, Definition] = field(default_factory=dict)
    written: dict[str, datetime] = field(default_factory=dict)
    first_read_at: datetime | None = None
    events: dict[str, tuple[Definition | None, datetime]] = field(default_factory=dict)

    def apply_table(
        self, definitions: Sequence[Definition], written: dict[str, datetime], read_at: datetime
    ) -> None:
        table = {d.name: d for d in definitions}
        for name in set(table) | set(self.table):
            if table.get(name) != self.table.get(name):
                self.events.pop(name, None)
        self.table, self.written = table, written
        if self.first_read_at is None:
            self.first_read_at = read_at

    def apply_event(self, name: str, definition: Definition | None, changed_at: datetime) -> bool:
        """Keep the event; False when the table already knows better (it changes nothing)."""
        self.events[name] = (definition, changed_at)
        return not self.stale(name, changed_at)

    def stale(self, name: str, changed_at: datetime) -> bool:
        written = self.written.get(name)
        if written is not None:
            return changed_at < written
        return self.first_read_at is not None and changed_at < self.first_read_at

    def effective(self) -> dict[str, Definition]:
        effective = dict(self.table)
        for name, (definition, changed_at) in self.events.items():
            if self.stale(name, changed_at):
                continue
            if definition is None:
                effective.pop(name, None)
            else:
                effective[name] = definition
        return effective


def fingerprint(definitions: Sequence[Definition]) -> str:
    """Changes whenever any stored definition changes (cheap change detection)."""
    blob = json.dumps([[d.name, d.as_dict()] for d in definitions], sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


def compile_all(definitions: Sequence[Definition]) -> list[UserTopic]:
    """Compile stored definitions, skipping (not failing on) any that no longer parse."""
    out: list[UserTopic] = []
    for d in definitions:
        try:
            out.append(d.compile())
        except ValueError as exc:  # said once per rebuild: a topic that matches nothing
            log.warning(
                "user topic skipped: its stored definition no longer compiles",
                topic=d.name,
                error=str(exc),
            )
    return out


def definition_event(name: str, definition: Definition | None) -> TopicDefinitionEvent:
    return TopicDefinitionEvent(
        name=name,
        definition=definition.as_dict() if definition is not None else None,
        changed_at=datetime.now(UTC),
    )


def announce(bootstrap: str, event: TopicDefinitionEvent, timeout_s: float = 10.0) -> None:
    """Publish a definition change on the control topic (keyed by topic name), through
    the services' publish path (:class:`~wirewatch_shared.producer.KeyedProducer`).

    Connecting, publishing and closing are each bounded by ``timeout_s``; raises when
    the broker cannot be reached or refuses the record."""
    asyncio.run(_announce(bootstrap, event, timeout_s))


async def _announce(bootstrap: str, event: TopicDefinitionEvent, timeout_s: float) -> None:
    from wirewatch_shared import streams
    from wirewatch_shared.producer import KeyedProducer
    from wirewatch_shared.settings import CommonSettings

    producer = KeyedProducer(CommonSettings(kafka_bootstrap=bootstrap), client_suffix="cli")
    await asyncio.wait_for(producer.start(), timeout_s)
    try:
        record = (event.name.encode(), event.model_dump_json().encode())
        await asyncio.wait_for(producer.publish(streams.TOPIC_DEFINITIONS, [record]), timeout_s)
    finally:
        await asyncio.wait_for(producer.stop(), timeout_s)
