"""The stories stage's own CPU per item on the pipeline's path, without the broker (stop 42).

What the stage does for one classified item: decode the classified record
(``ClassifiedItem.model_validate_json``, the consumer's decoder), keep it if tagged, assign the
batch (``Assigner.assign``: the lock row, the replay check, the already-assigned check, the
features, the clusterer's decision, the stories' state, the rows and the events, one
transaction), and encode the key and value it publishes. Batches of ``--size`` (1–2 at
100 items/s). A fresh database per run (a SQLite file, or a new PostgreSQL database with
``--postgres``).

The items are real text (title and lede as published): tests/data/stories_dev.jsonl and the
pooled classify sets tests/data/classify_pool_*.jsonl (development and training data, no
never-seen set), classified by the shipped classifier before the timed loop (its matches and
entities, as classify publishes them; an item it does not tag gets the topic
``bench``, so every item passes through the stage), published ``--spacing`` seconds apart
in file order, so the 72 h window holds the last 4,320 of them at 60 s. The labels of the
files are not read.

Prints CPU and wall µs per item, and a digest of everything the stage published and stored
(events without ``assigned_at``, the rows of ``stories_item`` and ``stories_story`` without
their times of writing): equal digests, identical outputs. ``--profile PATH`` writes a
cProfile of the loop; run under py-spy for a sampled profile.

    flock /tmp/bench.lock .venv/bin/python bench/stories_cpu42/stage_cost.py \
        [--items 3000] [--size 1] [--postgres] [--profile PATH]
"""

from __future__ import annotations

import argparse
import cProfile
import glob
import hashlib
import json
import os
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select, text
from wirewatch_shared.db import make_engine
from wirewatch_shared.events import ClassifiedItem, Evidence, FeedItem, TopicMatch
from wirewatch_stories.store import ITEM, LOCK, STORY, Assigner, _aware

from wirewatch.schema import upgrade

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
START = datetime(2026, 1, 1, tzinfo=UTC)
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _rows() -> list[dict[str, Any]]:
    pooled = sorted(Path(p) for p in glob.glob(str(DATA / "classify_pool_*.jsonl")))
    files = [DATA / "stories_dev.jsonl", *pooled]
    rows = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                rows.append(
                    {k: obj.get(k) for k in ("id", "title", "summary", "lang", "link", "url")}
                    | {"source": obj.get("source")}
                )
    return rows


def classified_messages(count: int, spacing: float) -> list[bytes]:
    """``count`` classified records as classify publishes them (the shipped classifier's
    matches and entities), published ``spacing`` seconds apart."""
    from wirewatch_classify.engine import Classifier

    classifier = Classifier.load()
    rows = _rows()
    if count > len(rows):
        raise SystemExit(f"--items: at most {len(rows)}")
    out = []
    for n, row in enumerate(rows[:count]):
        published = START + timedelta(seconds=n * spacing)
        link = row.get("link") or row.get("url")
        item = FeedItem(
            item_id=str(row["id"]),
            feed_id=1 + n % 50,
            feed_url=link or "https://example.org/feed.xml",
            feed_title=str(row.get("source") or ""),
            title=str(row.get("title") or ""),
            summary=str(row.get("summary") or ""),
            link=link,
            published=published,
            fetched_at=published,
            language=row.get("lang"),
        )
        matches, entities = classifier.classify(item.title, item.summary, item.language)
        if not matches:
            phrase = item.title[:5] or "x"
            evidence = Evidence(phrase=phrase, field="title", start=0, end=len(phrase), rule="r")
            matches = (TopicMatch(topic="bench", score=0.9, evidence=(evidence,), rules=("r",)),)
        event = ClassifiedItem(
            item=item, matches=matches, entities=entities, classified_at=published
        )
        out.append(event.model_dump_json().encode())
    return out


def _digest(engine: Any, published: list[tuple[bytes, bytes]]) -> str:
    """Everything the stage published and stored, without the times of writing."""
    digest = hashlib.sha256()
    for key, value in published:
        event = json.loads(value)
        event.pop("assigned_at", None)
        digest.update(key + b"\0" + json.dumps(event, sort_keys=True).encode() + b"\n")
    with engine.connect() as conn:
        for row in conn.execute(select(ITEM).order_by(ITEM.c.seq)).mappings():
            event = json.loads(row["event"])
            event.pop("assigned_at", None)
            values = {k: v for k, v in row.items() if k not in ("event", "assigned_at")}
            values["published"] = _aware(values["published"]).isoformat()
            digest.update(
                repr((sorted(values.items()), json.dumps(event, sort_keys=True))).encode()
            )
        for row in conn.execute(select(STORY).order_by(STORY.c.id)).mappings():
            values = {k: v for k, v in row.items() if k not in ("created_at", "updated_at")}
            for name in ("first_seen", "last_published"):
                values[name] = _aware(values[name]).isoformat()
            digest.update(repr(sorted(values.items())).encode() + b"\n")
        lock = conn.execute(select(LOCK.c.seq, LOCK.c.clock)).all()
        digest.update(repr(lock).encode())
    return digest.hexdigest()[:16]


def _postgres_database() -> tuple[str, str]:
    admin_url = os.environ.get("WIREWATCH_TEST_POSTGRES_URL", DEFAULT_PG)
    name = f"wwcpu42_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return admin_url, admin_url.rsplit("/", 1)[0] + "/" + name


def _drop(admin_url: str, url: str) -> None:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    admin.dispose()


def run(args: argparse.Namespace, url: str) -> None:
    messages = classified_messages(args.items, args.spacing)
    engine = make_engine(url)
    upgrade(engine)
    assigner = Assigner(engine, window_s=72 * 3600.0, threshold=0.14)
    profile = cProfile.Profile(time.process_time) if args.profile else None
    published: list[tuple[bytes, bytes]] = []
    cpu, wall = time.process_time(), time.perf_counter()
    if profile:
        profile.enable()
    for start in range(0, len(messages), args.size):
        batch = [ClassifiedItem.model_validate_json(m) for m in messages[start : start + args.size]]
        tagged = [c for c in batch if c.matches]
        if tagged:
            for event in assigner.assign(tagged):
                published.append((event.key.encode(), event.value.encode()))
    if profile:
        profile.disable()
        profile.dump_stats(args.profile)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    stories = len({k for k, _ in published})
    print(
        f"{engine.dialect.name}: {args.items} items in batches of {args.size}, {stories} stories: "
        f"CPU {cpu / args.items * 1e6:.0f} µs/item, wall {wall / args.items * 1e6:.0f} µs/item, "
        f"digest {_digest(engine, published)}"
    )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=3000)
    parser.add_argument("--size", type=int, default=1)
    parser.add_argument("--spacing", type=float, default=60.0)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--profile", default="")
    args = parser.parse_args()
    if args.postgres:
        admin_url, url = _postgres_database()
        try:
            run(args, url)
        finally:
            _drop(admin_url, url)
    else:
        run(args, f"sqlite:///{Path(tempfile.mkdtemp()) / 'cost.db'}")


if __name__ == "__main__":
    main()
