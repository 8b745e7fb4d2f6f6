"""Versioned event schemas exchanged between services over Kafka.

Events are frozen and bounded: a value over a bound is refused where it is decoded
(dead-lettered). Within a ``schema_version`` a reader is tolerant: a field it does not
know is ignored, so a consumer not yet upgraded reads what a newer producer writes (a
rolling upgrade, in any order). A compatible addition is therefore a new *optional* field
whose absence means what the older release did; a breaking change bumps
``schema_version`` and moves to a new topic (see :mod:`wirewatch_shared.streams`).
A misspelt field in our own code is caught by mypy (the pydantic plugin checks every
constructor's keywords), not at run time.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from wirewatch_shared.topic_limits import PHRASE_MAX as PHRASE_MAX
from wirewatch_shared.topic_limits import PHRASES_MAX as PHRASES_MAX

# Bounds at the event boundary: a record over any of them is refused where it is decoded
# (and dead-lettered), so no consumer ever meets a value its database cannot store.
ITEM_ID_MAX = 160
"""Longest item id (ingest writes 32 hex characters; notify's column holds 160)."""
URL_MAX = 4096
NAME_MAX = 512
"""Feed titles, authors, categories, entity names."""
TITLE_MAX = 1000
"""Ingest cuts longer titles to this (word boundary, ellipsis included)."""
SUMMARY_MAX = 20_000
"""Ingest cuts longer summaries to this (word boundary, ellipsis included)."""
LANGUAGE_MAX = 35
TOPIC_NAME_MAX = 128
LIST_MAX = 256
"""Most members of a list field (categories, matches, evidence, entities)."""
ERROR_MAX = 2000
DEAD_LETTER_PAYLOAD_MAX = 64_000

QUERY_MAX = 2000
"""Longest user-topic query (classify's ``MAX_QUERY_LENGTH``)."""
DEFINITION_KEYS_MAX = 4
"""Keys of a definition: ``kind`` and its query or phrases, and room for two more."""
DEFINITION_KEY_MAX = 32
OUTLET_MAX = 256
"""An outlet's name in story and flight events (a feed title or host, cut to this)."""
STORY_ID_MAX = 64
STORY_CUE_MAX = 200
"""Longest cue shown as story evidence (a long word of a title is cut to this)."""
FLIGHT_VALUE_MAX = 200
"""Longest value of a flight record field (an operator's name, a conflicting value)."""

# Bounds tightened in stop 39 so that a classified item and a story event fit one record
# by their bounds (tests/shared/test_event_sizes.py). Each is applied by cutting, on
# read and on write, never by refusing: an older producer's longer value still reads.
CATEGORIES_MAX = 32
"""Most categories of a feed item (was ``LIST_MAX``: 256 of 512 characters, ~790 KB)."""
CATEGORY_MAX = 128
MATCHES_MAX = 32
"""Most topic matches of a classified item: the best ones (classify sorts them by score)."""
MATCH_EVIDENCE_MAX = 4
"""Most evidence phrases of one topic match, in reading order (title first)."""
MATCH_RULES_MAX = 4
RULE_NAME_MAX = 64
EVIDENCE_PHRASE_MAX = 100
"""Longest evidence phrase shown (its ``start``/``end`` still give the whole span)."""
ENTITIES_MAX = 32
"""Most countries, agencies or places of one item."""
ENTITY_NAME_MAX = 128
STORY_EVENT_ITEMS = 12
"""Most item references in one story event (the story's oldest; the store keeps
``STORY_MAX_ITEMS``, the read side shows those)."""
STORY_EVENT_OUTLETS = 100
"""Most outlets listed in one story event, first reporter first: a story-mode
subscription's ``followup_outlets`` is at most 100, so the count it compares stays exact."""
STORY_OUTLET_MAX = 128
STORY_TITLE_MAX = 300
STORY_LINK_MAX = 2048
"""Longest link of a story event's item reference (a longer one is dropped, never cut)."""
STORY_EVENT_TOPICS = 32
STORY_EVENT_LANGUAGES = 16
STORY_EVENT_CUES = 16


def cut(limit: int) -> BeforeValidator:
    """Keep a string's first ``limit`` characters: a string bound tightened so that every
    event fits one record still reads an older producer's longer value."""

    def shorten(value: object) -> object:
        return value[:limit] if isinstance(value, str) and len(value) > limit else value

    return BeforeValidator(shorten)


def _within(limit: int) -> BeforeValidator:
    """A link longer than ``limit`` is dropped (None): a cut URL would lead elsewhere."""

    def drop(value: object) -> object:
        return None if isinstance(value, str) and len(value) > limit else value

    return BeforeValidator(drop)


Category = Annotated[str, cut(CATEGORY_MAX), StringConstraints(max_length=CATEGORY_MAX)]
EntityName = Annotated[str, cut(ENTITY_NAME_MAX), StringConstraints(max_length=ENTITY_NAME_MAX)]
RuleName = Annotated[str, cut(RULE_NAME_MAX), StringConstraints(max_length=RULE_NAME_MAX)]
StoryOutlet = Annotated[str, cut(STORY_OUTLET_MAX), StringConstraints(max_length=STORY_OUTLET_MAX)]
Name = Annotated[str, StringConstraints(max_length=NAME_MAX)]
TopicName = Annotated[str, StringConstraints(max_length=TOPIC_NAME_MAX)]
Language = Annotated[str, StringConstraints(max_length=LANGUAGE_MAX)]
Outlet = Annotated[str, StringConstraints(max_length=OUTLET_MAX)]
StoryId = Annotated[str, StringConstraints(max_length=STORY_ID_MAX)]
StoryCue = Annotated[str, StringConstraints(max_length=STORY_CUE_MAX)]
FlightValue = Annotated[str, StringConstraints(max_length=FLIGHT_VALUE_MAX)]
Phrase = Annotated[str, StringConstraints(max_length=PHRASE_MAX)]
DefinitionValue = (
    Annotated[str, StringConstraints(max_length=QUERY_MAX)]
    | Annotated[list[Phrase], Field(max_length=PHRASES_MAX)]
)
"""A user topic's ``kind`` ("query" or "phrases"), its query, or its phrase list."""


def first(limit: int) -> BeforeValidator:
    """Keep a list's first ``limit`` members: a list bound tightened so that every event fits
    one record (``EVENT_BYTES_MAX``) still reads an older producer's longer list."""

    def cut(value: object) -> object:
        return value[:limit] if isinstance(value, list | tuple) and len(value) > limit else value

    return BeforeValidator(cut)


class _Event(BaseModel):
    # "ignore", not "forbid": with "forbid" every record a newer producer wrote with a new
    # optional field (FeedItem.source_name, stop 38) was dead-lettered by every consumer
    # still on the older release. Unknown fields are dropped, never stored or passed on.
    model_config = ConfigDict(frozen=True, extra="ignore")


class FeedItem(_Event):
    """One normalised entry of a feed, published by ingest on ``streams.ITEMS``."""

    schema_version: Literal[1] = 1
    item_id: str = Field(
        min_length=1,
        max_length=ITEM_ID_MAX,
        description="Stable id (from guid, else link, else title+date hash).",
    )
    feed_id: int
    feed_url: str = Field(max_length=URL_MAX)
    feed_title: str = Field(default="", max_length=NAME_MAX)
    title: str = Field(default="", max_length=TITLE_MAX)
    summary: str = Field(
        default="",
        max_length=SUMMARY_MAX,
        description="Plain text, HTML stripped, whitespace folded.",
    )
    link: str | None = Field(
        default=None, max_length=URL_MAX, description="http(s) link to the story, if any."
    )
    published: AwareDatetime = Field(description="Publication time in UTC (fetch time fallback).")
    fetched_at: AwareDatetime
    language: str | None = Field(
        default=None, max_length=LANGUAGE_MAX, description="BCP-47 language tag, e.g. 'en', 'es'."
    )
    categories: Annotated[tuple[Category, ...], first(CATEGORIES_MAX)] = Field(
        default=(), max_length=CATEGORIES_MAX
    )
    author: str | None = Field(default=None, max_length=NAME_MAX)
    # Optional since their introduction (no schema_version bump): an event without them is
    # valid, and a consumer that predates them never sees them from an older producer.
    source_name: str | None = Field(
        default=None,
        max_length=NAME_MAX,
        description=(
            "The outlet that published the entry, when the feed names one per item (RSS "
            "<source>, Atom <source>: aggregators such as Google News); None otherwise."
        ),
    )
    source_url: str | None = Field(
        default=None,
        max_length=URL_MAX,
        description="http(s) URL of that outlet (its site or feed), if the feed gives one.",
    )


class Evidence(_Event):
    """A phrase that made a rule fire, with where it was found."""

    phrase: Annotated[str, cut(EVIDENCE_PHRASE_MAX)] = Field(
        max_length=EVIDENCE_PHRASE_MAX,
        description="The text as it appears in the item (its first characters if longer).",
    )
    field: Literal["title", "summary"]
    start: int = Field(ge=0, description="Character offset in the field.")
    end: int = Field(ge=0)
    rule: Annotated[str, cut(RULE_NAME_MAX)] = Field(
        max_length=RULE_NAME_MAX, description="Name of the rule or phrase group that matched."
    )


class TopicMatch(_Event):
    topic: str = Field(max_length=TOPIC_NAME_MAX)
    score: float = Field(ge=0.0, le=1.0)
    evidence: Annotated[tuple[Evidence, ...], first(MATCH_EVIDENCE_MAX)] = Field(
        default=(), max_length=MATCH_EVIDENCE_MAX
    )
    rules: Annotated[tuple[RuleName, ...], first(MATCH_RULES_MAX)] = Field(
        default=(), max_length=MATCH_RULES_MAX, description="Rules that fired for this topic."
    )


class Entities(_Event):
    """Named things found in an item, for subscription filters."""

    countries: Annotated[tuple[EntityName, ...], first(ENTITIES_MAX)] = Field(
        default=(), max_length=ENTITIES_MAX, description="ISO 3166-1 alpha-2 codes."
    )
    agencies: Annotated[tuple[EntityName, ...], first(ENTITIES_MAX)] = Field(
        default=(), max_length=ENTITIES_MAX
    )
    places: Annotated[tuple[EntityName, ...], first(ENTITIES_MAX)] = Field(
        default=(), max_length=ENTITIES_MAX
    )


class ClassifiedItem(_Event):
    """An item with its topic matches, published by classify on ``streams.CLASSIFIED``."""

    schema_version: Literal[1] = 1
    item: FeedItem
    matches: Annotated[tuple[TopicMatch, ...], first(MATCHES_MAX)] = Field(
        default=(), max_length=MATCHES_MAX, description="The best first (highest score)."
    )
    entities: Entities = Entities()
    classified_at: AwareDatetime


class TopicDefinitionEvent(_Event):
    """A user-defined topic created, changed or deleted (control topic)."""

    schema_version: Literal[1] = 1
    name: str = Field(max_length=TOPIC_NAME_MAX)
    definition: (
        dict[Annotated[str, StringConstraints(max_length=DEFINITION_KEY_MAX)], DefinitionValue]
        | None
    ) = Field(
        default=None,
        max_length=DEFINITION_KEYS_MAX,
        description="The topic definition; None means the topic was deleted.",
    )
    changed_at: AwareDatetime


class DeadLetter(_Event):
    """A message a consumer could not process even once (e.g. undecodable)."""

    schema_version: Literal[1] = 1
    source_topic: str = Field(max_length=NAME_MAX)
    consumer_group: str = Field(max_length=NAME_MAX)
    error: str = Field(max_length=ERROR_MAX)
    payload: str = Field(
        max_length=DEAD_LETTER_PAYLOAD_MAX,
        description="The raw message body, decoded as UTF-8 with replacement (cut to the cap).",
    )
    failed_at: AwareDatetime


# -- stories (wirewatch_stories, stream ``streams.STORIES``) --------------------------------

STORY_MAX_ITEMS = 50
"""Most items listed in one story event (the first ones; ``item_count`` has the total)."""


class StoryItemRef(_Event):
    """One item of a story, as alerts and the read side show it."""

    item_id: str = Field(max_length=ITEM_ID_MAX)
    outlet: StoryOutlet = Field(description="The outlet's name (feed title or host).")
    title: Annotated[str, cut(STORY_TITLE_MAX)] = Field(default="", max_length=STORY_TITLE_MAX)
    link: Annotated[str | None, _within(STORY_LINK_MAX)] = Field(
        default=None, max_length=STORY_LINK_MAX
    )
    language: str | None = Field(default=None, max_length=35)
    published: AwareDatetime


class StoryEvent(_Event):
    """A story opened, or an item added to one; published by the stories stage on
    ``streams.STORIES``, keyed by ``story_id`` (one story's events on one partition).
    They are published after their change is committed, so two stories processes in a
    rebalance may publish one story's events out of order: ``position`` is the story's
    sequence, and a consumer that shows the story takes it from the highest one read.

    ``item`` is the classified item that caused the event (its topic matches and
    entities, so a consumer can match it against its own filters); the ``story``
    fields describe the story as it stands after the event.
    """

    schema_version: Literal[1] = 1
    kind: Literal["opened", "item_added"]
    story_id: str = Field(max_length=64)
    position: int = Field(
        ge=1,
        description="1 for the item that opened the story, then 2, 3... in the order the "
        "story's changes were committed: a lower one read after a higher one is late.",
    )
    item: ClassifiedItem
    topics: Annotated[tuple[TopicName, ...], first(STORY_EVENT_TOPICS)] = Field(
        default=(), max_length=STORY_EVENT_TOPICS
    )
    item_count: int = Field(ge=1)
    outlets: Annotated[tuple[StoryOutlet, ...], first(STORY_EVENT_OUTLETS)] = Field(
        default=(),
        max_length=STORY_EVENT_OUTLETS,
        description=f"The first {STORY_EVENT_OUTLETS} distinct outlets, first reporter first.",
    )
    languages: Annotated[tuple[Language, ...], first(STORY_EVENT_LANGUAGES)] = Field(
        default=(), max_length=STORY_EVENT_LANGUAGES
    )
    first_seen: AwareDatetime = Field(description="Publication time of the story's first item.")
    items: Annotated[tuple[StoryItemRef, ...], first(STORY_EVENT_ITEMS)] = Field(
        default=(),
        max_length=STORY_EVENT_ITEMS,
        description=f"The story's first {STORY_EVENT_ITEMS} items, oldest first.",
    )
    evidence: Annotated[tuple[StoryCue, ...], first(STORY_EVENT_CUES)] = Field(
        default=(),
        max_length=STORY_EVENT_CUES,
        description="Cues that tied the item to the story (shared names, numbers, words).",
    )
    assigned_at: AwareDatetime


# -- flights (wirewatch_flights, stream ``streams.FLIGHTS``) --------------------------------

FLIGHT_MAX_SOURCES = 16
"""Most source items listed in one flight record event (the first ones; ``source_count``
has the total). Was 50: 50 sources at their bounds made a ~2 MB event (stop 38)."""
FLIGHT_MAX_EVIDENCE = 50
"""Most evidence phrases in one flight record event (the first sources' first ones). Was 200."""
FLIGHT_MAX_CONFLICTS = 5
"""One conflict per field that can conflict (``FlightConflict.field``)."""
FLIGHT_MAX_CONFLICT_VALUES = 20
"""Most values of one conflicting field in a flight record event (the first ones seen)."""


class FlightEvidence(_Event):
    """The phrase behind one field of a flight record, with where it was found."""

    field: Literal["flight", "origin", "destination", "people", "status", "flight_date", "operator"]
    value: str = Field(max_length=200, description="The value this phrase gave the field.")
    phrase: str = Field(max_length=500, description="The text as it appears in the item.")
    item_id: str = Field(max_length=ITEM_ID_MAX)
    source: Literal["title", "summary"]
    start: int = Field(ge=0, description="Character offset in the item's title or summary.")
    end: int = Field(ge=0)


class FlightConflict(_Event):
    """Sources disagree on a field: every value is kept, none is averaged."""

    field: Literal["origin", "destination", "people", "flight_date", "operator"]
    values: tuple[FlightValue, ...] = Field(max_length=FLIGHT_MAX_CONFLICT_VALUES)


class FlightSource(_Event):
    """One item a flight record was built from."""

    item_id: str = Field(max_length=ITEM_ID_MAX)
    story_id: str | None = Field(default=None, max_length=64)
    outlet: str = Field(default="", max_length=256)
    title: str = Field(default="", max_length=TITLE_MAX)
    link: str | None = Field(default=None, max_length=4096)
    language: str | None = Field(default=None, max_length=35)
    published: AwareDatetime


class FlightRecordEvent(_Event):
    """A deportation or repatriation flight record created or changed; published by the
    flights stage on ``streams.FLIGHTS``, keyed by ``record_id``. The fields describe
    the record as it stands after the change (see docs/flights.md)."""

    schema_version: Literal[1] = 1
    change: Literal["created", "updated"]
    record_id: str = Field(max_length=64)
    version: int = Field(ge=1, description="1 when created, +1 on every change.")
    origin: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    destination: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    people: int | None = Field(default=None, ge=0)
    flights: int | None = Field(default=None, ge=0)
    status: Literal["completed", "planned", "blocked"]
    previous_status: Literal["completed", "planned", "blocked"] | None = None
    flight_date: date | None = None
    flight_date_stated: bool = Field(
        default=False, description="False: flight_date is the first item's publication date."
    )
    operator: str | None = Field(default=None, max_length=200)
    conflicts: Annotated[tuple[FlightConflict, ...], first(FLIGHT_MAX_CONFLICTS)] = Field(
        default=(), max_length=FLIGHT_MAX_CONFLICTS
    )
    evidence: Annotated[tuple[FlightEvidence, ...], first(FLIGHT_MAX_EVIDENCE)] = Field(
        default=(),
        max_length=FLIGHT_MAX_EVIDENCE,
        description=f"The first {FLIGHT_MAX_EVIDENCE} phrases behind the fields, sources in order.",
    )
    sources: Annotated[tuple[FlightSource, ...], first(FLIGHT_MAX_SOURCES)] = Field(
        default=(),
        max_length=FLIGHT_MAX_SOURCES,
        description=f"The first {FLIGHT_MAX_SOURCES} source items (``source_count``: all of them).",
    )
    source_count: int = Field(ge=1)
    story_ids: tuple[StoryId, ...] = Field(default=(), max_length=50)
    topics: tuple[TopicName, ...] = Field(
        default=(), max_length=64, description="Topics of the items (for subscriptions)."
    )
    updated_at: AwareDatetime
