"""Read stories_fresh50.jsonl once with main's clusterer: aggregate figures only.

    .venv/bin/python bench/stories_fresh50/read_once_stfresh50.py

Reuses stop 49's read (``bench/stories_fresh49/read_once_stfresh49.py``: ``cluster_rows`` then
``evaluate`` in the file's order and the five seeded shuffles the floor test runs, one line of
aggregates per order) by import: its ``read_once`` with this set's file.
It never prints an item's assignment or error: the set judges while sealed (tests/data/README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "stories_fresh49"))

import read_once_stfresh49  # type: ignore[import-not-found]  # noqa: E402


def main() -> None:
    read_once_stfresh49.read_once(ROOT / "tests" / "data" / "stories_fresh50.jsonl")


if __name__ == "__main__":
    main()
