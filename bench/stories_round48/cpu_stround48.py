"""CPU seconds of extracting and clustering the 35 studied files, for one code (information).

    .venv/bin/python bench/stories_round48/cpu_stround48.py LABEL

The rows of every studied file read once; then, timed by ``time.process_time``, each file's cues
extracted (``offline.cluster_rows`` with classify's gazetteer: as the stage, extraction included)
and clustered in publication order with the shipped table, three times; the lowest total.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files
from wirewatch_stories.offline import cluster_rows

from wirewatch.cli.stories_cmds import _entity_finder


def main() -> None:
    label = sys.argv[1]
    finder = _entity_finder(None)
    files = [
        [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines() if x]
        for p in labelled_files()
    ]
    runs = []
    for _ in range(3):
        start = time.process_time()
        for rows in files:
            cluster_rows(rows, finder)
        runs.append(time.process_time() - start)
    items = sum(map(len, files))
    each = " ".join(f"{r:.2f}" for r in runs)
    print(f"{label}: {items} items, CPU s {each}, best {min(runs):.2f}")


if __name__ == "__main__":
    main()
