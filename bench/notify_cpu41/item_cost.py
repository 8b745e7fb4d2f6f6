"""Notify's own CPU per item on the pipeline's path, without the broker (stop 41).

What the pipeline's notify does for one bench item (one story-mode webhook subscription,
every item a story of its own): decode its classified item and its story event, the
classified batch's record step (no item-mode subscription: the rules check only), the
story batch's record step (locks, opened pairs, story state, the alert's insert), the
claim of the alert, the webhook request built from it (no HTTP), its outcome recorded.
Batches of ``--size`` (1–2 at 100 items/s). Prints CPU and wall µs per item;
``--profile PATH`` writes a cProfile of the loop.

    flock /tmp/bench.lock .venv/bin/python bench/notify_cpu41/item_cost.py \
        [--items 2000] [--size 1] [--database-url postgresql+psycopg://…] [--profile PATH]
"""

from __future__ import annotations

import argparse
import cProfile
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from wirewatch_notify import claims, outcomes, subscriptions
from wirewatch_notify.app import NotifyService
from wirewatch_notify.outcomes import Outcome
from wirewatch_notify.settings import NotifySettings
from wirewatch_shared.events import (
    ClassifiedItem,
    Evidence,
    FeedItem,
    StoryEvent,
    StoryItemRef,
    TopicMatch,
)

from wirewatch.schema import upgrade

TOPIC = "flights"
NOW = datetime.now(UTC)


def bench_item(story: str, position: int = 1) -> ClassifiedItem:
    """A bench item: the story's ``position``-th item, from the ``position``-th outlet (stop
    40's ``story_state_cost.py``, stop 42's ``send_cost.py`` and ``post_cost.py`` import it)."""
    item = FeedItem(
        item_id=f"{story}-{position}",
        feed_id=position,
        feed_url=f"https://outlet{position}.example.org/feed.xml",
        feed_title=f"Outlet {position}",
        title=f"Deportation flight {story} carrying migrants lands in Caracas, item {position}",
        summary="The charter flight carrying Venezuelan deportees landed, officials said.",
        link=f"https://outlet{position}.example.org/news/2026/12/06/{story}-{position}",
        published=NOW,
        fetched_at=NOW,
        language="en",
    )
    phrase = "Deportation flight"
    evidence = Evidence(phrase=phrase, field="title", start=0, end=len(phrase), rule="flight")
    match = TopicMatch(topic=TOPIC, score=0.9, evidence=(evidence,), rules=("flight",))
    return ClassifiedItem(item=item, matches=(match,), classified_at=NOW)


def event(story: str) -> StoryEvent:
    """The story-opening event of a story of its own (every bench item is one)."""
    classified = bench_item(story)
    item = classified.item
    return StoryEvent(
        kind="opened",
        story_id=story,
        position=1,
        item=classified,
        topics=(TOPIC, "border-policy"),
        item_count=1,
        outlets=("Outlet 1",),
        languages=("en", "es"),
        first_seen=NOW,
        items=(
            StoryItemRef(
                item_id=item.item_id,
                outlet="Outlet 1",
                title=item.title,
                link=item.link,
                language=item.language,
                published=item.published,
            ),
        ),
        assigned_at=NOW,
    )


def notify_service(url: str) -> NotifyService:
    """Notify on the database at ``url`` (schema upgraded) with one story-mode webhook
    subscription to ``TOPIC`` (its target is never called)."""
    settings = NotifySettings(
        database_url=url, kafka_bootstrap="127.0.0.1:9", secret_key="b" * 44, log_level="WARNING"
    )
    service = NotifyService(settings)
    upgrade(service.engine)
    request = subscriptions.parse_create(
        {"topic": TOPIC, "channel": "webhook", "target": "https://hooks.example.org/x"}
    )
    subscriptions.create_subscription(service.engine, request, service.box)
    return service


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--size", type=int, default=1)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--profile", default="")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'cost.db'}"
    service = notify_service(url)
    run = f"{time.time_ns()}"
    stories = [event(f"{run}-{n}").model_dump_json().encode() for n in range(args.items)]
    classified = [
        StoryEvent.model_validate_json(s).item.model_dump_json().encode() for s in stories
    ]
    worker = service.worker
    profile = cProfile.Profile(time.process_time) if args.profile else None
    sent = 0
    cpu, wall = time.process_time(), time.perf_counter()
    if profile:
        profile.enable()
    for start in range(0, args.items, args.size):
        items = [
            ClassifiedItem.model_validate_json(c) for c in classified[start : start + args.size]
        ]
        service._record([c for c in items if c.matches])
        events = [StoryEvent.model_validate_json(s) for s in stories[start : start + args.size]]
        service._record_stories(events)
        claimed = claims.claim(service.engine, worker.clock(), 16, accept=lambda _i, _s: True)
        sent_now = []
        for item in claimed:
            assert item.subscription is not None and item.delivery.id is not None
            worker.sender.request_for(item.delivery, item.subscription, worker.clock())
            sent_now.append(Outcome(item.delivery.id, "sent"))
        outcomes.record_outcomes(service.engine, sent_now)
        sent += len(sent_now)
    if profile:
        profile.disable()
        profile.dump_stats(args.profile)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(
        f"{service.engine.dialect.name}: {args.items} items in batches of {args.size}, "
        f"{sent} alerts: CPU {cpu / args.items * 1e6:.0f} µs/item, wall "
        f"{wall / args.items * 1e6:.0f} µs/item"
    )


if __name__ == "__main__":
    main()
