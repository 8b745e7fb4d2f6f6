"""``extract()`` over the items of tests/data/flights_dev.jsonl, ``--rounds`` times: a
target for py-spy.

Run: .venv/bin/py-spy record -r 500 -f raw -o /tmp/x.txt -- \
    .venv/bin/python bench/flights_cpu43/loop_extract.py --rounds 20
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from wirewatch_flights.extract import extract, load_tables

DEV = Path(__file__).resolve().parents[2] / "tests" / "data" / "flights_dev.jsonl"


def dev_items() -> list[tuple[str, str, date]]:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    return [
        (r["title"], r["summary"], date.fromisoformat((r["published"] or "2025-01-01")[:10]))
        for r in rows
    ]


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
