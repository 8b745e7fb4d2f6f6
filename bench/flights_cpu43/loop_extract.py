"""``extract()`` over the items of tests/data/flights_dev.jsonl (``bench/flights_extract.py``'s
``dev_items``), ``--rounds`` times: a target for py-spy.

Run: .venv/bin/py-spy record -r 500 -f raw -o /tmp/x.txt -- \
    .venv/bin/python bench/flights_cpu43/loop_extract.py --rounds 20
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wirewatch_flights.extract import extract, load_tables

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from flights_extract import dev_items as dev_items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    items = dev_items()
    load_tables()
    for _ in range(args.rounds):
        for item in items:
            extract(*item)


if __name__ == "__main__":
    main()
