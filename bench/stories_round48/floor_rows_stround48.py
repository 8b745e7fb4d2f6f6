"""The studied rows of ``test_never_seen_judges.py`` (fresh47a/b, the judges, left out), six orders.

    .venv/bin/python bench/stories_round48/floor_rows_stround48.py LABEL

With the product code the interpreter imports (main's or a candidate's) and its shipped table:
each studied file of the test's floors in the file's order and shuffled by
``random.Random(seed)`` for seeds 1-5, clustered as the test does; per file the lowest F1, P, R,
B-cubed and the highest alerts per story over the six orders (what a floor is set from).
"""

from __future__ import annotations

import random
import sys

from wirewatch_stories.evaluation import evaluate
from wirewatch_stories.offline import cluster_rows

from tests.stories.support import labelled_rows
from wirewatch.cli.stories_cmds import _entity_finder

STUDIED = ("gloaming", "noctis", "meridian", "ember", "cinder", "kindling", "tinder")
FILES = (*STUDIED, "fresh45", "fresh46")


def main() -> None:
    label = sys.argv[1]
    finder = _entity_finder(None)
    for name in FILES:
        reports = []
        for seed in (None, 1, 2, 3, 4, 5):
            rows = labelled_rows(name)
            if seed is not None:
                random.Random(seed).shuffle(rows)
            decisions = cluster_rows(rows, finder)
            reports.append(evaluate([r["story"] for r in rows], [d.story_id for d in decisions]))
        print(
            f"{label} {name}: lowest F1 {min(r.pairwise_f1 for r in reports):.3f}, "
            f"P {min(r.pairwise_precision for r in reports):.3f}, "
            f"R {min(r.pairwise_recall for r in reports):.3f}, "
            f"B-cubed {min(r.bcubed_f1 for r in reports):.3f}, "
            f"alerts {max(r.alerts_per_story for r in reports):.3f} (highest); file order F1 "
            f"{reports[0].pairwise_f1:.3f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
