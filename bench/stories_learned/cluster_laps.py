"""What a stories round's speed clause counts under callgrind (rounds 53 and 53b; their
``instructions_stround53*.py`` call :func:`main` with their switch).

    python instructions_stroundNN.py --cache       # once: the studied files' cues, pickled
    valgrind --tool=callgrind ... python instructions_stroundNN.py LABEL LAPS

Clusters the cached items of the studied files (publication order, one fresh ``Clusterer`` per
file) LAPS times with the round's switch in ``wirewatch_stories.cluster`` set to the label's value
(LAPS 0: imports and the cache read only, which the round's shell script subtracts). The judges
(``common.JUDGES``) are never read.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from common import JUDGES, Item, labelled_files, load_items, ordered
from wirewatch_stories import cluster
from wirewatch_stories.cluster import Clusterer


def _cache(cache: Path) -> None:
    paths = labelled_files()
    assert not any(p.name in JUDGES for p in paths)
    cache.write_bytes(pickle.dumps([ordered(load_items(p)) for p in paths]))


def _run(files: list[list[Item]]) -> int:
    assigned = 0
    for items in files:
        clusterer = Clusterer()
        for it in items:
            when = it.published if it.published is not None else clusterer.clock
            clusterer.assign(str(it.index), it.cues, max(when, -1e18))
            assigned += 1
    return assigned


def main(switch: str, values: dict[str, str], cache: Path) -> None:
    """``sys.argv``: ``--cache``, or LABEL (a key of ``values``) and LAPS (or ``count``)."""
    if sys.argv[1] == "--cache":
        _cache(cache)
        return
    vars(cluster)[switch] = values[sys.argv[1]]
    files = pickle.loads(cache.read_bytes())
    for _ in range(int(sys.argv[2]) if sys.argv[2] != "count" else 0):
        _run(files)
    if sys.argv[2:3] == ["count"]:
        print(_run(files))
