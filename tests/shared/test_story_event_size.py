"""A classified item and a story event fit one record by their bounds, and an older
producer's longer lists and strings still read, cut to those bounds (stop 39).

Before stop 39 a story event's 50 item references (a 1000-character title and a
4096-character link each) and its classified item (256 matches of 256 evidence phrases
of 20,000 characters) could be far over the 1 MiB record limit: such a story's event was
dead-lettered at publish, the story's alert lost."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from wirewatch_shared import events
from wirewatch_shared.events import ClassifiedItem, StoryEvent
from wirewatch_shared.producer import MAX_RECORD_BYTES, record_size
from wirewatch_stories.assign import StoryState, story_event
from wirewatch_stories.cluster import Decision

from tests.notify.support import classified

WIDE = "\x01"  # JSON writes it \u0001: six bytes for one character, the most there is
NOW = datetime(2026, 12, 6, 12, tzinfo=UTC)
# A real headline, verbatim (tests/data/classify_dev.jsonl dev-0046, KION (AP), 2023-10-18,
# https://kion546.com/ap-national/2023/10/18/us-resumes-deportation-flights-to-venezuela-
# with-more-than-100-migrants-on-board/): every report of the test's story carries it.
TITLE = "US resumes deportation flights to Venezuela with more than 100 migrants on board"


def _evidence(i: int) -> dict[str, Any]:
    phrase = f"{i:03d}" + "deportation flight " * 20
    return {"phrase": phrase, "field": "summary", "start": i, "end": i + 383, "rule": "r" * 300}


def _old_classified() -> dict[str, Any]:
    """A classified item as a producer before stop 39 could write it (within its bounds)."""
    item = classified("repatriation-flights").model_dump(mode="json")
    item["item"]["categories"] = [f"{i:03d}" + "c" * 400 for i in range(200)]
    item["matches"] = [
        {
            "topic": f"topic-{i:03d}",
            "score": round(1 - i / 100, 2),
            "evidence": [_evidence(k) for k in range(40)],
            "rules": [f"{k:03d}" + "r" * 300 for k in range(30)],
        }
        for i in range(60)
    ]
    names = [f"{i:03d}" + "n" * 400 for i in range(200)]
    item["entities"] = {"countries": ["MX"] * 40, "agencies": names, "places": names}
    return item


def test_an_older_classified_item_reads_cut_to_the_new_bounds_keeping_the_first() -> None:
    old = _old_classified()
    event = ClassifiedItem.model_validate_json(json.dumps(old))
    assert [m.topic for m in event.matches] == [f"topic-{i:03d}" for i in range(32)]
    match = event.matches[0]
    assert len(match.evidence) == events.MATCH_EVIDENCE_MAX
    assert [e.start for e in match.evidence] == [0, 1, 2, 3]  # the first, offsets intact
    assert match.evidence[1].phrase == old["matches"][0]["evidence"][1]["phrase"][:100]
    assert [r[:3] for r in match.rules] == ["000", "001", "002", "003"]
    assert all(len(r) == events.RULE_NAME_MAX for r in match.rules)
    assert [c[:3] for c in event.item.categories] == [f"{i:03d}" for i in range(32)]
    assert [p[:3] for p in event.entities.places] == [f"{i:03d}" for i in range(32)]
    assert len(event.entities.countries) == events.ENTITIES_MAX
    assert event.item.title == old["item"]["title"]  # what fitted is untouched


def _old_story_event() -> dict[str, Any]:
    item = classified("repatriation-flights", title=TITLE)
    refs = [
        {
            "item_id": f"item-{i:02d}",
            "outlet": f"{i:02d}" + "o" * 250,
            "title": TITLE + " " + "t" * 900,
            "link": "https://example.org/" + ("a" * 4000 if i % 2 else f"{i}"),
            "language": "en",
            "published": (NOW + timedelta(minutes=i)).isoformat(),
        }
        for i in range(50)
    ]
    return {
        "kind": "item_added",
        "story_id": "st_0123456789abcdef",
        "position": 50,
        "item": item.model_dump(mode="json"),
        "topics": [f"topic-{i}" for i in range(64)],
        "item_count": 50,
        "outlets": [f"{i:03d}" + "o" * 250 for i in range(500)],
        "languages": [f"l{i}" for i in range(64)],
        "first_seen": NOW.isoformat(),
        "items": refs,
        "evidence": [f"cue {i}" for i in range(32)],
        "assigned_at": NOW.isoformat(),
    }


def test_an_older_story_event_reads_cut_keeping_the_oldest_items_and_first_outlets() -> None:
    event = StoryEvent.model_validate_json(json.dumps(_old_story_event()))
    assert [r.item_id for r in event.items] == [f"item-{i:02d}" for i in range(12)]
    assert event.items[0].link == "https://example.org/0"
    assert event.items[1].link is None  # 4020 characters: dropped, never cut to elsewhere
    assert event.items[0].title.startswith(TITLE)
    assert len(event.items[0].title) == events.STORY_TITLE_MAX
    assert event.items[0].outlet == ("00" + "o" * 250)[: events.STORY_OUTLET_MAX]
    assert [o[:3] for o in event.outlets] == [f"{i:03d}" for i in range(100)]
    assert len(event.topics) == events.STORY_EVENT_TOPICS
    assert len(event.evidence) == events.STORY_EVENT_CUES
    assert event.item_count == 50  # the totals are the story's own


def test_a_story_of_fifty_wide_items_makes_events_that_fit() -> None:
    """The stories stage's own state and event (what the store keeps and publishes): 50
    reports of one event from 50 outlets, each with its item id, outlet, title and link
    at their bounds. Before stop 39 the events from about the 30th report on were over the
    limit (1.6 MB at the 50th) and dead-lettered: the story's later alerts lost."""
    state: StoryState | None = None
    sizes = []
    pad = events.TITLE_MAX - len(TITLE) - 1
    for n in range(50):
        host = f"https://outlet{n:02d}.example/"
        item = classified(
            "repatriation-flights",
            item_id=f"{n:03d}" + WIDE * (events.ITEM_ID_MAX - 3),
            title=TITLE + " " + WIDE * pad,
            link=host + WIDE * (events.URL_MAX - len(host)),
        )
        feed = item.item.model_copy(
            update={"feed_title": f"{n:02d}" + WIDE * 300, "published": NOW}
        )
        item = item.model_copy(update={"item": feed})
        state = state or StoryState.new("st_0123456789abcdef", item)
        state.add(item, ())
        decision = Decision(state.id, n == 0, 1.0, ("w:venezuela",) * 40, None)
        event = story_event(state, item, decision, now=NOW).model_dump_json().encode()
        sizes.append(record_size(state.id.encode(), event))
    assert max(sizes) <= MAX_RECORD_BYTES, max(sizes)
    last = StoryEvent.model_validate_json(event)
    assert last.item_count == 50 and len(last.outlets) == 50
    assert [r.item_id[:3] for r in last.items] == [f"{n:03d}" for n in range(12)]
    assert all(r.link is None for r in last.items)  # 4096 characters: over the ref's bound
    assert state is not None and len(state.items) == events.STORY_MAX_ITEMS  # the read side
