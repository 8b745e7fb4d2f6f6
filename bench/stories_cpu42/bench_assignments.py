"""The assignments of ``bench/stories_bench.py``'s measured run, as a digest: run it before and
after a change to show they are unchanged (the bench itself prints rates only).

    flock /tmp/bench.lock .venv/bin/python bench/stories_cpu42/bench_assignments.py \
        [--open 10000] [--items 1000]

Digest of every ``stories_item`` row (seq, item, story, position, cues, the event without
``assigned_at``) and every story row without its times of writing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, select
from wirewatch_stories.store import ITEM, STORY

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import stories_bench


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--open", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=1000)
    args = parser.parse_args()
    rows = [json.loads(line) for line in stories_bench.DATA.read_text().splitlines() if line]
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'large.db'}"
    stories_bench.run(url, rows, args.open, args.items)
    digest = hashlib.sha256()
    engine = create_engine(url)
    with engine.connect() as conn:
        for row in conn.execute(select(ITEM).order_by(ITEM.c.seq)).mappings():
            event = json.loads(row["event"])
            event.pop("assigned_at")
            kept = [row[k] for k in ("seq", "item_id", "story_id", "position", "cues")]
            digest.update(repr((kept, sorted(event.items()))).encode())
        stories = 0
        for row in conn.execute(select(STORY).order_by(STORY.c.id)).mappings():
            kept = [v for k, v in row.items() if k not in ("created_at", "updated_at")]
            digest.update(repr(kept).encode())
            stories += 1
    summary = f"{args.open} open + {args.items} items: {stories} stories"
    print(f"{summary}, digest {digest.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
