"""Story-mode alerts through notify's story-event handler (SQLite and PostgreSQL): one
alert when a story opens for a subscription, one follow-up at its ``followup_outlets``,
never more; item-mode subscriptions get nothing from story events."""

from __future__ import annotations

import pytest
from wirewatch_notify import outbox, subscriptions
from wirewatch_notify.app import NotifyService
from wirewatch_shared.events import StoryEvent, StoryItemRef

from tests.notify.support import NOW, classified, make_service


def _event(story: str, outlets: list[str], *, score: float = 0.9) -> StoryEvent:
    item = classified("flights", score=score)
    refs = tuple(
        StoryItemRef(item_id=f"{story}-{n}", outlet=outlet, published=NOW)
        for n, outlet in enumerate(outlets)
    )
    return StoryEvent(
        kind="opened" if len(outlets) == 1 else "item_added",
        story_id=story,
        position=len(outlets),
        item=item,
        topics=("flights",),
        item_count=len(outlets),
        outlets=tuple(outlets),
        first_seen=NOW,
        items=refs,
        assigned_at=NOW,
    )


def _subscribe(service: NotifyService, **fields: object) -> int:
    body = {"topic": "flights", "channel": "webhook", "target": "https://hooks.example.org/x"}
    request = subscriptions.parse_create({**body, **fields})
    sub = subscriptions.create_subscription(service.engine, request, service.box).subscription
    assert sub.id is not None
    return sub.id


def _rows(service: NotifyService) -> set[tuple[int, str, str]]:
    return {
        (d.subscription_id, d.item_id, d.status)
        for d in outbox.list_deliveries(service.engine, limit=1000)
    }


async def test_one_alert_per_story_and_one_follow_up(database_url: str) -> None:
    service = make_service(database_url)
    story = _subscribe(service)  # story mode, follow-up at 3 outlets (the defaults)
    item = _subscribe(service, alert_mode="item")
    never = _subscribe(service, followup_outlets=0)
    picky = _subscribe(service, min_score=0.95)  # opens only with the 4th item
    outlets = ["AP", "EFE", "BBC", "DW"]
    events = [_event("s1", outlets[:n]) for n in (1, 2, 3)]
    events.append(_event("s1", outlets, score=0.99))
    await service.handle_story_events(events[:2])
    await service.handle_story_events(events[2:])
    await service.handle_story_events(events)  # redelivered: adds nothing
    late = _subscribe(service)  # the story already has 4 outlets when it opens for it
    await service.handle_story_events([_event("s1", [*outlets, "RFI"])])
    # Opened and grown to three outlets in one batch.
    await service.handle_story_events([_event("s2", outlets[:n]) for n in (1, 2, 3)])
    pending, cancelled = "pending", "cancelled"
    assert _rows(service) == {
        (story, "story:s1", pending),
        (story, "story:s1:grown", pending),
        (never, "story:s1", pending),
        (picky, "story:s1", pending),
        (picky, "story:s1:grown", cancelled),
        (late, "story:s1", pending),
        (late, "story:s1:grown", cancelled),
        (story, "story:s2", pending),
        (story, "story:s2:grown", pending),
        (never, "story:s2", pending),
        (late, "story:s2", pending),
        (late, "story:s2:grown", pending),
    }
    assert all(sub_id != item for sub_id, _, _ in _rows(service))
    grown = next(
        d
        for d in outbox.list_deliveries(service.engine, subscription_id=story)
        if d.item_id == "story:s1:grown"
    )
    assert '"event":"grown"' in grown.payload and '"outlets":["AP","EFE","BBC"]' in grown.payload


async def test_a_digest_lists_a_story_once_in_its_latest_state(database_url: str) -> None:
    import json
    from datetime import UTC, datetime, timedelta

    from wirewatch_notify.models import DeliveryKind
    from wirewatch_notify.release import release_held

    service = make_service(database_url)
    sub = _subscribe(service, mode="digest", digest_interval_minutes=60)
    outlets = ["AP", "EFE", "BBC"]
    await service.handle_story_events([_event("s1", outlets[:n]) for n in (1, 2, 3)])
    await service.handle_story_events([_event("s2", outlets[:1])])
    assert release_held(service.engine, datetime.now(UTC) + timedelta(minutes=61)) == 3
    [digest] = [
        d
        for d in outbox.list_deliveries(service.engine, subscription_id=sub)
        if d.kind == DeliveryKind.DIGEST
    ]
    data = json.loads(digest.payload)["data"]
    stories = [
        (a["story"]["id"], a["story"]["event"], a["story"]["outlets"]) for a in data["alerts"]
    ]
    assert data["count"] == 2 and stories == [("s1", "grown", outlets), ("s2", "opened", ["AP"])]


def _beyond_the_listed_items(item_fields: dict[str, object]) -> StoryEvent:
    """The 51st item of a story of 51 outlets: the event lists only the first 50 items."""
    from wirewatch_shared.events import STORY_MAX_ITEMS

    base = classified("flights")
    item = base.model_copy(update={"item": base.item.model_copy(update=item_fields)})
    others = [f"Outlet {n}" for n in range(STORY_MAX_ITEMS)]
    refs = tuple(
        StoryItemRef(item_id=f"s9-{n}", outlet=outlet, published=NOW)
        for n, outlet in enumerate(others)
    )
    own = str(item_fields.get("source_name") or item.item.feed_title)
    return StoryEvent(
        kind="item_added",
        story_id="s9",
        position=STORY_MAX_ITEMS + 1,
        item=item,
        topics=("flights",),
        item_count=STORY_MAX_ITEMS + 1,
        outlets=(*others[:3], own, *others[3:]),  # it reported early, its item was read late
        first_seen=NOW,
        items=refs,
        assigned_at=NOW,
    )


@pytest.mark.parametrize(
    "item_fields",
    [
        {},
        {
            "feed_title": "Google News",
            "source_name": "Reuters",
            "source_url": "https://www.reuters.com",
        },
    ],
    ids=["own-feed", "aggregator"],
)
async def test_also_reported_by_leaves_out_an_item_beyond_the_listed_ones(
    database_url: str, item_fields: dict[str, object]
) -> None:
    import json

    service = make_service(database_url)
    sub = _subscribe(service)
    event = _beyond_the_listed_items(item_fields)
    own = event.outlets[3]
    await service.handle_story_events([event])
    [opening] = outbox.list_deliveries(service.engine, subscription_id=sub, status="pending")
    story = json.loads(opening.payload)["data"]["story"]
    assert own in story["outlets"] and own not in story["also_reported_by"]
    assert story["also_reported_by"] == [o for o in event.outlets if o != own]
