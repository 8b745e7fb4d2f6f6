"""Stop 53's second stories round (stround53b): what clause 4 of ``RULE.md`` counts (callgrind).

    ../../.venv/bin/python instructions_stround53b.py --cache   # once: the 45 files' cues
    valgrind --tool=callgrind ... python instructions_stround53b.py LABEL LAPS

Clusters the cached items of the 45 studied files (publication order, one fresh ``Clusterer`` per
file) LAPS times with ``cluster.ROUND_53B`` set to the label's switch (LAPS 0: imports and the
cache read only, subtracted by ``instructions_stround53b.sh``). Judges excluded by name.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import Item, labelled_files, load_items, ordered
from wirewatch_stories import cluster
from wirewatch_stories.cluster import Clusterer

CACHE = Path("/tmp/stround53b_items.pickle")


def _cache() -> None:
    paths = labelled_files()
    assert len(paths) == 45
    assert not any("fresh52" in p.name or "fresh53" in p.name for p in paths)
    CACHE.write_bytes(pickle.dumps([ordered(load_items(p)) for p in paths]))


def _run(files: list[list[Item]]) -> int:
    assigned = 0
    for items in files:
        clusterer = Clusterer()
        for it in items:
            when = it.published if it.published is not None else clusterer.clock
            clusterer.assign(str(it.index), it.cues, max(when, -1e18))
            assigned += 1
    return assigned


def main() -> None:
    if sys.argv[1] == "--cache":
        _cache()
        return
    vars(cluster)["ROUND_53B"] = {"main": "", "C": "C", "AC": "AC"}[sys.argv[1]]
    files = pickle.loads(CACHE.read_bytes())
    for _ in range(int(sys.argv[2])):
        _run(files)
    if sys.argv[2:3] == ["count"]:
        print(_run(files))


if __name__ == "__main__":
    main()
