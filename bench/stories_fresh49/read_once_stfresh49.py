"""Read stories_fresh49.jsonl once with main's clusterer: aggregate figures only.

    .venv/bin/python bench/stories_fresh49/read_once_stfresh49.py [SET.jsonl]

Runs the floor test's own path (``cluster_rows`` then ``evaluate``) in the file's order and the
five seeded shuffles ``tests/stories/test_never_seen_judges.py`` runs, and prints one line of
aggregates per order. It never prints an item's assignment or error: the set judges while
sealed (tests/data/README.md). Later sets' read scripts call ``read_once`` with their file."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from wirewatch_stories.evaluation import evaluate  # noqa: E402
from wirewatch_stories.offline import cluster_rows  # noqa: E402

from wirewatch.cli.stories_cmds import _entity_finder  # noqa: E402

DATA = ROOT / "tests" / "data" / "stories_fresh49.jsonl"


def read_once(path: Path) -> None:
    """Print one line of aggregates per order for the labelled stories file ``path``."""
    base = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for seed in (None, 1, 2, 3, 4, 5):
        rows = list(base)
        if seed is not None:
            random.Random(seed).shuffle(rows)
        decisions = cluster_rows(rows, _entity_finder(None))
        report = evaluate([r["story"] for r in rows], [d.story_id for d in decisions])
        print(
            f"order={'file' if seed is None else f'seed{seed}'} items={report.items} "
            f"true={report.true_stories} predicted={report.predicted_stories} "
            f"F1={report.pairwise_f1:.3f} P={report.pairwise_precision:.3f} "
            f"R={report.pairwise_recall:.3f} Bcubed={report.bcubed_f1:.3f} "
            f"alerts={report.alerts_per_story:.3f}"
        )


def main() -> None:
    read_once(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)


if __name__ == "__main__":
    main()
