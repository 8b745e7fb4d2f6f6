"""Flight extraction throughput: items/s on one core.

The extractor runs only on items classify tagged ``repatriation-flights``, so the
stream timed here is the worst case: every item of ``tests/data/flights_dev.jsonl``
(flight reports and near misses, English and Spanish), cycled to ``--items``. The same
run times two baselines for the ratio: lower-case + split of title and summary, and
the classifier on the same items (the stage the items have already been through).

Each figure is the best of ``--rounds`` rounds (the development VM's 2 cores are shared).

Run: .venv/bin/python bench/flights_extract.py [--items 20000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

from classify_core import cycle, timed
from wirewatch_classify.engine import Classifier
from wirewatch_flights.extract import extract

REPO = Path(__file__).resolve().parent.parent
DEV = REPO / "tests" / "data" / "flights_dev.jsonl"

Item = tuple[str, str, date]


def dev_items() -> list[Item]:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    return [
        (r["title"], r["summary"], date.fromisoformat((r["published"] or "2025-01-01")[:10]))
        for r in rows
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    base_items = dev_items()
    items = cycle(base_items, args.items)
    classifier = Classifier.load()

    def flights(item: Item) -> object:
        return extract(item[0], item[1], item[2])

    def classify(item: Item) -> object:
        return classifier.classify(item[0], item[1], None)

    def baseline(item: Item) -> object:
        return item[0].lower().split(), item[1].lower().split()

    start = time.perf_counter()
    flights(items[0])  # loads the names (Babel, data/places.yaml) once
    load_ms = (time.perf_counter() - start) * 1000
    timed(flights, items[:2000])
    timed(classify, items[:2000])
    base = max(timed(baseline, items) for _ in range(args.rounds))
    cls = max(timed(classify, items) for _ in range(args.rounds))
    rate = max(timed(flights, items) for _ in range(args.rounds))
    found = sum(1 for i in base_items if flights(i) is not None)
    print(f"dev items: {len(base_items)} ({found} read as flight records), timed: {len(items):,}")
    print(f"first call (loads the names): {load_ms:.0f} ms")
    print(
        f"extract {rate:,.0f} items/s ({1000 / rate:.2f} ms/item); classify {cls:,.0f} items/s; "
        f"baseline lower+split {base:,.0f} items/s"
    )
    print(f"ratio to baseline {rate / base:.4f}; to classify {rate / cls:.2f}x")


if __name__ == "__main__":
    main()
