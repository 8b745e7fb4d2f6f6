"""What keeping each story's newest state in a table costs a story-event batch (stop 40).

Before (stop 39): the newest state in the process's memory (``NewestStories``, below as it
was). After: ``notify_story_state``, the batch's positions read once and its newest states
upserted, in the alert decision's transaction. Both run ``NotifyService._record_stories``
as it is, with only the state step swapped: a copy of stop 39's method against the real one
differed on PostgreSQL by more than the step (the real one's ``opened_pairs`` read grew from
3 to 46 ms over 100 batches, the copy's stayed at 4, with or without the table). One
database (SQLite, or PostgreSQL with ``--database-url``), one story-mode subscription, each
variant on stories of its own: a batch of ``--size`` events is half new stories (position
1), half the next item of a story already read (items and outlets listed as the stage
lists them); the two alternate batch by batch, so a ratio holds on a shared machine.
Prints the median per batch, whole and the state step alone.

    flock /tmp/bench.lock .venv/bin/python bench/notify_story_state40/story_state_cost.py \
        [--batches 200] [--size 100] [--database-url postgresql+psycopg://…]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from wirewatch_notify import story_versions
from wirewatch_notify.models import StoryState
from wirewatch_shared.events import StoryEvent, StoryItemRef

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "notify_cpu41"))
from item_cost import NOW, TOPIC, bench_item, notify_service

_STATES = StoryState.__table__  # type: ignore[attr-defined]


class NewestStories:
    """Stop 39's ``story_versions.NewestStories`` (the latest 2,000 stories in memory)."""

    def __init__(self, kept: int = 2000) -> None:
        self.kept = kept
        self._newest: OrderedDict[str, tuple[int, dict[str, Any]]] = OrderedDict()

    def current(self, events: Sequence[StoryEvent]) -> list[StoryEvent]:
        newest: dict[str, tuple[int, dict[str, Any]]] = {}
        out = []
        for event in events:
            known = newest.get(event.story_id) or self._newest.get(event.story_id)
            if known is not None and known[0] > event.position:
                out.append(event.model_copy(update=known[1]))
                continue
            newest[event.story_id] = _seen(event)
            out.append(event)
        return out

    def read(self, events: Sequence[StoryEvent]) -> None:
        for event in events:
            known = self._newest.pop(event.story_id, None)
            late = known is not None and known[0] > event.position
            self._newest[event.story_id] = known if late and known else _seen(event)
        while len(self._newest) > self.kept:
            self._newest.popitem(last=False)


def _seen(event: StoryEvent) -> tuple[int, dict[str, Any]]:
    return event.position, {n: getattr(event, n) for n in story_versions.STORY_FIELDS}


def event(story: str, position: int) -> StoryEvent:
    """The story's ``position``-th item, from the ``position``-th outlet."""
    items = [bench_item(story, n).item for n in range(1, min(position, 12) + 1)]
    return StoryEvent(
        kind="opened" if position == 1 else "item_added",
        story_id=story,
        position=position,
        item=bench_item(story, position),
        topics=(TOPIC, "border-policy"),
        item_count=position,
        outlets=tuple(f"Outlet {n}" for n in range(1, position + 1)),
        languages=("en", "es"),
        first_seen=NOW,
        items=tuple(
            StoryItemRef(
                item_id=i.item_id,
                outlet=i.feed_title,
                title=i.title,
                link=i.link,
                language=i.language,
                published=i.published,
            )
            for i in items
        ),
        assigned_at=NOW,
    )


class Batches:
    """A variant's batches: half new stories, half the next item of an earlier one."""

    def __init__(self, name: str, size: int) -> None:
        self.name, self.size, self.count = name, size, 0
        self.positions: dict[str, int] = {}

    def next(self) -> list[StoryEvent]:
        grown = [s for s in list(self.positions)[-self.size :]][: self.size // 2]
        out = []
        for story in grown:
            self.positions[story] += 1
            out.append(event(story, self.positions[story]))
        while len(out) < self.size:
            self.count += 1
            story = f"{self.name}-{self.count}"
            self.positions[story] = 1
            out.append(event(story, 1))
        return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", type=int, default=200)
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'states.db'}"
    service = notify_service(url)
    memory = NewestStories()
    real_current, real_record = story_versions.current, story_versions.record_states
    variant = {"now": "after"}
    step: dict[str, float] = {}

    def timed(run: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*a: Any, **kw: Any) -> Any:
            started = time.perf_counter()
            try:
                return run(*a, **kw)
            finally:
                step[variant["now"]] += time.perf_counter() - started

        return wrapped

    # Both variants run NotifyService._record_stories as it is; only the state step
    # differs (stop 39 called read() after the commit: the same work).
    def current(
        conn: Any, events: Sequence[StoryEvent], positions: Mapping[str, int] | None = None
    ) -> list[StoryEvent]:
        if variant["now"] == "after":
            return real_current(conn, events, positions)
        return memory.current(events)

    def record_states(conn: Any, events: Sequence[StoryEvent], *, now: datetime) -> None:
        if variant["now"] == "after":
            real_record(conn, events, now=now)
        else:
            memory.read(events)

    story_versions.current = timed(current)  # type: ignore[assignment]
    story_versions.record_states = timed(record_states)  # type: ignore[assignment]
    variants = {"before": Batches("b", args.size), "after": Batches("a", args.size)}
    whole: dict[str, list[float]] = {name: [] for name in variants}
    steps: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(args.batches):
        for name, batches in variants.items():
            events = batches.next()
            variant["now"], step[name] = name, 0.0
            started = time.perf_counter()
            service._record_stories(events)
            whole[name].append(time.perf_counter() - started)
            steps[name].append(step[name])
    for name in variants:
        w, s = statistics.median(whole[name]) * 1000, statistics.median(steps[name]) * 1000
        print(f"{name}: median {w:.2f} ms per batch of {args.size}, state step {s:.2f} ms")
    b, a = (statistics.median(whole[n]) for n in variants)
    with service.engine.connect() as conn:
        rows = conn.execute(select(func.count()).select_from(_STATES)).scalar_one()
        size = conn.execute(select(func.avg(func.length(_STATES.c.story)))).scalar_one()
    print(
        f"after/before: {a / b:.2f} ({service.engine.dialect.name}); {rows} states, "
        f"story JSON {float(size):.0f} chars on average"
    )


if __name__ == "__main__":
    main()
