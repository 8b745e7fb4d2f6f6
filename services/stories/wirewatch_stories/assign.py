"""From a clustering decision to the story's new state and its event (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from wirewatch_shared.events import (
    STORY_CUE_MAX,
    STORY_EVENT_CUES,
    STORY_EVENT_ITEMS,
    STORY_MAX_ITEMS,
    ClassifiedItem,
    StoryEvent,
    StoryItemRef,
)
from wirewatch_shared.outlets import outlet_of

from wirewatch_stories.cluster import Decision
from wirewatch_stories.features import Features, extract

MAX_EVIDENCE = 16


def features_of(classified: ClassifiedItem) -> Features:
    entities = classified.entities
    return extract(
        classified.item.title,
        classified.item.summary,
        countries=entities.countries,
        agencies=entities.agencies,
        places=entities.places,
    )


def _display(cue: str) -> str:
    """How a cue is shown as evidence, cut to the event's bound (a place or agency name may
    be longer)."""
    kind, _, value = cue.partition(":")
    shown = {"n": value, "y": value, "o": f"#{value}", "c": value.upper()}.get(kind, value)
    return shown[:STORY_CUE_MAX]


@dataclass(slots=True)
class StoryState:
    """What the store keeps of one story (a row of ``stories_story``)."""

    id: str
    title: str
    first_seen: datetime
    last_published: datetime
    item_count: int = 0
    topics: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    outlet_keys: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)

    @classmethod
    def new(cls, story_id: str, classified: ClassifiedItem) -> StoryState:
        published = classified.item.published
        return cls(story_id, classified.item.title[:2000], published, published)

    def add(self, classified: ClassifiedItem, evidence: tuple[str, ...]) -> None:
        item = classified.item
        key, name = outlet_of(item)
        self.item_count += 1
        self.first_seen = min(self.first_seen, item.published)
        self.last_published = max(self.last_published, item.published)
        for match in classified.matches:
            if match.topic not in self.topics and len(self.topics) < 64:
                self.topics.append(match.topic)
        if key not in self.outlet_keys and len(self.outlet_keys) < 500:
            self.outlet_keys.append(key)
            self.outlets.append(name)
        language = (item.language or "").split("-")[0].lower()
        if language and language not in self.languages and len(self.languages) < 64:
            self.languages.append(language)
        self._keep(
            StoryItemRef(  # cut to the event's bounds (a link too long for them: None)
                item_id=item.item_id,
                outlet=name,
                title=item.title,
                link=item.link,
                language=item.language[:35] if item.language else None,
                published=item.published,
            )
        )
        for cue in evidence:
            shown = _display(cue)
            if shown not in self.evidence and len(self.evidence) < MAX_EVIDENCE:
                self.evidence.append(shown)
        self._order_outlets()

    def _order_outlets(self) -> None:
        """Outlets first reporter first (the event's contract), whatever the order their
        reports are read: ``items`` are the story's oldest, so an outlet listed there
        reported before every outlet that is not (those stay in the order read)."""
        first: dict[str, int] = {}
        for n, ref in enumerate(self.items):
            first.setdefault(ref["outlet"], n)
        unlisted = len(self.items)
        order = sorted(
            range(len(self.outlets)), key=lambda i: (first.get(self.outlets[i], unlisted), i)
        )
        self.outlets = [self.outlets[i] for i in order]
        self.outlet_keys = [self.outlet_keys[i] for i in order]

    def _keep(self, ref: StoryItemRef) -> None:
        """List the item among the story's first ``STORY_MAX_ITEMS``, oldest first (after
        those published at the same time): an item read late may be older than the others."""
        at = len(self.items)
        while at and datetime.fromisoformat(self.items[at - 1]["published"]) > ref.published:
            at -= 1
        if at < STORY_MAX_ITEMS:
            self.items.insert(at, ref.model_dump(mode="json"))
            del self.items[STORY_MAX_ITEMS:]


def story_event(
    state: StoryState, classified: ClassifiedItem, decision: Decision, *, now: datetime
) -> StoryEvent:
    """The event of ``classified`` joining (or opening) ``state`` (already updated)."""
    return StoryEvent(
        kind="opened" if decision.opened else "item_added",
        story_id=state.id,
        position=state.item_count,
        item=classified,
        topics=tuple(state.topics),
        item_count=state.item_count,
        outlets=tuple(state.outlets),
        languages=tuple(state.languages),
        first_seen=state.first_seen,
        items=tuple(StoryItemRef.model_validate(i) for i in state.items[:STORY_EVENT_ITEMS]),
        evidence=tuple(_display(c) for c in decision.evidence[:STORY_EVENT_CUES]),
        assigned_at=now,
    )
