"""Stop 50b's stories round's judges (``RULE.md``), read once per code: aggregates only.

    .venv/bin/python bench/stories_round50b/judges_stround50b.py main   # the switch off
    .venv/bin/python bench/stories_round50b/judges_stround50b.py A      # candidate A

fresh49 and fresh49b (stop 49's sealed sets, this stop's judges) read by
``bench/stories_learned/judges.py`` with main's shipped ``LEARNED_PAIRS`` for every code,
``cluster.JOIN_50B`` set to the label's candidate; written to ``judges49_<LABEL>.json`` here.
No item, assignment or error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import judges
from wirewatch_stories import cluster

HERE = Path(__file__).resolve().parent
NAMES = ("stories_fresh49.jsonl", "stories_fresh49b.jsonl")


def main() -> None:
    judges.read_round(
        sys.argv[1],
        NAMES,
        HERE / f"judges49_{sys.argv[1]}.json",
        (cluster, "JOIN_50B"),
        unstudied=False,
    )


if __name__ == "__main__":
    main()
