"""``extract()``'s CPU per item (``time.process_time``, best of ``--rounds``) over two corpora:
``dev``, every item of tests/data/flights_dev.jsonl (real flight reports and near misses, English
and Spanish), cycled to ``--items``; ``bench``, the pipeline benchmark's item
(``bench/pipeline.py``: a title with its run number, a summary padded with six sentences), the
one the pipeline's flights stage extracts on every story event.

Run: .venv/bin/python bench/flights_cpu44/cpu_per_item.py [--items 3000] [--rounds 3]
(another checkout's extractor: ``PYTHONPATH=<checkout>/services/flights``). With ``--corpus``
it only extracts ``--laps`` laps of that corpus, untimed (for ``instructions.sh``; ``--count``
prints how many items that is instead).
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

import wirewatch_flights
from wirewatch_flights.extract import extract, load_tables

DEV = Path(__file__).resolve().parents[2] / "tests" / "data" / "flights_dev.jsonl"
PAD = "Officials said the charter left after midnight; rights groups asked for monitors. " * 6

Item = tuple[str, str, date]


def dev_items(n: int) -> list[Item]:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    items = [
        (r["title"], r["summary"], date.fromisoformat((r["published"] or "2025-01-01")[:10]))
        for r in rows
    ]
    return [items[k % len(items)] for k in range(n)]


def bench_items(n: int) -> list[Item]:
    summary = f"The charter flight carrying Venezuelan deportees landed, officials said. {PAD}"
    title = "Deportation flight {}-{} carrying migrants lands in Caracas"
    return [(title.format(k // 100, k % 100), summary, date(2026, 12, 6)) for k in range(n)]


def best_us(items: list[Item], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for item in items:
            extract(*item)
        best = min(best, time.process_time() - start)
    return best / len(items) * 1e6


def laps(corpus: str, count: int, only_count: bool) -> None:
    """One warm-up item (the lazily compiled patterns), then ``count`` laps of the corpus (the
    dev file's items, or 100 of the pipeline's), untimed."""
    size = sum(1 for line in DEV.read_text(encoding="utf-8").splitlines() if line)
    items = dev_items(size * count) if corpus == "dev" else bench_items(100 * count)
    if only_count:
        print(len(items))
        return
    load_tables()
    extract(*(dev_items(1) if corpus == "dev" else bench_items(1))[0])
    for item in items:
        extract(*item)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", choices=("dev", "bench"), default=None)
    parser.add_argument("--laps", type=int, default=1)
    parser.add_argument("--count", action="store_true")
    args = parser.parse_args()
    if args.corpus:
        laps(args.corpus, args.laps, args.count)
        return
    load_tables()
    where = Path(wirewatch_flights.__file__).parents[2]
    dev = best_us(dev_items(args.items), args.rounds)
    bench = best_us(bench_items(args.items), args.rounds)
    print(f"{where}: extract CPU us/item dev {dev:.0f} bench {bench:.0f}")


if __name__ == "__main__":
    main()
