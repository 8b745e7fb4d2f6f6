"""The stories judges' harness before and after citime54 gives the same reports: every set of
``FLOORS`` in its six orders, clustered with a fresh ``_entity_finder(None)`` (main's harness)
and with ``shipped_entities()`` (the memo), compared as whole ``ClusterReport`` values. Prints
only how many are identical (no figure, no item: the sets judge)."""

from __future__ import annotations

import random

from wirewatch_stories.evaluation import evaluate
from wirewatch_stories.offline import cluster_rows

from tests.stories.support import labelled_rows, shipped_entities
from tests.stories.test_never_seen_judges import FLOORS
from wirewatch.cli.stories_cmds import _entity_finder


def main() -> None:
    same = differ = 0
    for name in sorted(FLOORS):
        for seed in (None, 1, 2, 3, 4, 5):
            rows = labelled_rows(name)
            if seed is not None:
                random.Random(seed).shuffle(rows)
            truth = [r["story"] for r in rows]
            old = evaluate(truth, [d.story_id for d in cluster_rows(rows, _entity_finder(None))])
            new = evaluate(truth, [d.story_id for d in cluster_rows(rows, shipped_entities())])
            same, differ = (same + 1, differ) if old == new else (same, differ + 1)
    print(f"{same} identical reports, {differ} different")


if __name__ == "__main__":
    main()
