"""Story assignment speed with many open stories, and the memory they take.

``.venv/bin/python bench/stories_bench.py [--open 10000] [--items 2000]`` (SQLite)

Real labelled items (tests/data/stories_dev.jsonl) are made into many distinct stories
by giving each copy its own name and head count, all published inside one window, so
every story is open. Then tagged items (other copies, some joining open stories, some
opening new ones) are assigned exactly as the stage does it (``Assigner.assign``:
one database transaction per batch of 100, the lock, the replay check, the writes),
and, as the baseline of the same run, with only 100 open stories. Reported: items/s
for both, their ratio, the pure clusterer's rate, and the process's peak RSS with the
open stories held (the stage's memory).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from wirewatch_shared.db import make_engine
from wirewatch_shared.events import ClassifiedItem, Entities, Evidence, FeedItem, TopicMatch
from wirewatch_stories.assign import features_of
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.settings import StoriesSettings
from wirewatch_stories.store import Assigner

from wirewatch.schema import upgrade

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "stories_dev.jsonl"
START = datetime(2026, 1, 1, tzinfo=UTC)
BATCH = 100
WORDS = ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Ginkgo", "Hazel", "Ilex", "Juniper"]


def _name(k: int) -> str:
    """A distinct proper name per story (letters only: numbers are cues of their own)."""
    out = []
    while True:
        out.append(WORDS[k % 10])
        k //= 10
        if not k:
            return "".join(out)


def _item(row: dict[str, Any], k: int, published: datetime, tag: str) -> ClassifiedItem:
    name = _name(k)
    item = FeedItem(
        item_id=f"{tag}-{k}",
        feed_id=1 + k % 50,
        feed_url=f"https://outlet{k % 50}.example/feed.xml",
        feed_title=f"Outlet {k % 50}",
        title=f"{row['title']} ({name})",
        summary=f"{row['summary']} {name} said {1000 + k} people were affected.",
        link=f"https://outlet{k % 50}.example/{tag}/{k}",
        published=published,
        fetched_at=published,
        language=row["lang"],
    )
    evidence = Evidence(phrase="x", field="title", start=0, end=1, rule="r")
    return ClassifiedItem(
        item=item,
        matches=(TopicMatch(topic="repatriation-flights", score=0.9, evidence=(evidence,)),),
        entities=Entities(),
        classified_at=published,
    )


def _open_stories(
    rows: list[dict[str, Any]], count: int, start: int = 0, stop: int | None = None
) -> list[ClassifiedItem]:
    """Items ``start`` to ``stop`` of the ``count`` that open the stories (made a batch at a
    time: the stage holds one batch of items, never all of them)."""
    step = timedelta(hours=60) / max(count, 1)
    return [
        _item(rows[k % len(rows)], k, START + k * step, "open")
        for k in range(start, count if stop is None else min(stop, count))
    ]


def _arrivals(rows: list[dict[str, Any]], count: int, opened: int) -> list[ClassifiedItem]:
    """Half repeat an open story (same name and count: they join it), half are new."""
    late = START + timedelta(hours=61)
    out = []
    for n in range(count):
        k = (n * 7919) % max(opened, 1) if n % 2 == 0 else opened + n
        out.append(_item(rows[(k + 3) % len(rows)], k, late + timedelta(seconds=n), f"new{n}"))
    return out


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(
    database_url: str, rows: list[dict[str, Any]], opened: int, items: int
) -> tuple[float, float]:
    """(items/s by the wall clock, items per CPU second: the machine may be shared)."""
    engine = make_engine(database_url)
    upgrade(engine)
    # Seeded with joining off, so every seed item opens its own story (copies of one real
    # item would otherwise join); then the real threshold for the measured items.
    assigner = Assigner(engine, window_s=72 * 3600.0, threshold=100.0)
    for k in range(0, opened, 500):
        assigner.assign(_open_stories(rows, opened, k, k + 500))
    assert assigner.clusterer.open_stories == opened, assigner.clusterer.open_stories
    assigner.clusterer.threshold = StoriesSettings().stories_threshold
    batch = _arrivals(rows, items, opened)
    started, cpu = time.perf_counter(), time.process_time()
    for k in range(0, len(batch), BATCH):
        assigner.assign(batch[k : k + BATCH])
    rate = len(batch) / (time.perf_counter() - started)
    cpu_rate = len(batch) / (time.process_time() - cpu)
    engine.dispose()
    return rate, cpu_rate


def pure_rate(rows: list[dict[str, Any]], opened: int, items: int) -> float:
    clusterer = Clusterer()
    for k in range(0, opened, 500):
        for item in _open_stories(rows, opened, k, k + 500):
            when = item.item.published.timestamp()
            clusterer.add(item.item.item_id, item.item.item_id, features_of(item).cues, when)
    batch = _arrivals(rows, items, opened)
    started = time.perf_counter()
    for item in batch:
        when = item.item.published.timestamp()
        clusterer.assign(item.item.item_id, features_of(item).cues, when)
    return len(batch) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--open", type=int, default=10_000, help="open stories")
    parser.add_argument("--items", type=int, default=2000, help="tagged items assigned")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} not found")
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    tmp = Path(tempfile.mkdtemp(prefix="wirewatch-stories-bench-"))
    small, large = f"sqlite:///{tmp / 'small.db'}", f"sqlite:///{tmp / 'large.db'}"
    base, base_cpu = run(small, rows, 100, args.items)
    rss_before = _rss_mb()
    rate, cpu_rate = run(large, rows, args.open, args.items)
    rss = _rss_mb()
    pure = pure_rate(rows, args.open, args.items)
    print(f"story assignment, {args.items} tagged items in batches of {BATCH} (SQLite):")
    print(f"  baseline, 100 open stories:  {base:,.0f} items/s ({base_cpu:,.0f} per CPU second)")
    print(
        f"  {args.open:,} open stories:        {rate:,.0f} items/s = {rate / base:.2f}x baseline"
        f" ({cpu_rate:,.0f} per CPU second)"
    )
    print("  goal: >= 200 items/s per process")
    print(f"  the clusterer alone, {args.open:,} open stories: {pure:,.0f} items/s")
    print(f"peak RSS of this process: {rss:.0f} MB (before the {args.open:,} stories: "
          f"{rss_before:.0f} MB); goal: stage RSS <= 200 MB")  # fmt: skip


if __name__ == "__main__":
    main()
