"""Items per CPU second of clustering ``bench/stories_bench.py``'s workload, for one code.

    flock /tmp/bench.lock /work/main/.venv/bin/python bench/stories_round48b/cpu_stround48b.py main
    flock /tmp/bench.lock .venv/bin/python bench/stories_round48b/cpu_stround48b.py A

The bench's 10,000 open stories (``_open_stories`` over ``stories_dev.jsonl``) added to a
``Clusterer``, then its 2,000 arrivals (``_arrivals``) featured (``features_of``) and assigned,
as its ``pure_rate`` does (no database), timed by ``time.process_time`` (CPU seconds of this
process, so the host's load counts less than on the wall clock).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stories_bench import DATA, _arrivals, _open_stories
from wirewatch_stories.assign import features_of
from wirewatch_stories.cluster import Clusterer

OPEN = 10_000
ITEMS = 2000


def main() -> None:
    label = sys.argv[1]
    rows = [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines() if x]
    clusterer = Clusterer()
    for k in range(0, OPEN, 500):
        for item in _open_stories(rows, OPEN, k, k + 500):
            when = item.item.published.timestamp()
            clusterer.add(item.item.item_id, item.item.item_id, features_of(item).cues, when)
    batch = _arrivals(rows, ITEMS, OPEN)
    cpu, wall = time.process_time(), time.perf_counter()
    for item in batch:
        clusterer.assign(item.item.item_id, features_of(item).cues, item.item.published.timestamp())
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(
        f"{label}: {len(batch)} arrivals, {OPEN} open: {len(batch) / cpu:.1f} items per CPU s"
        f" (CPU {cpu:.2f} s, wall {wall:.2f} s)"
    )


if __name__ == "__main__":
    main()
