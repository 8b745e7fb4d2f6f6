"""cProfile (CPU clock) of ``extract()`` over the items of tests/data/flights_dev.jsonl
(``loop_extract.dev_items``).

Run: .venv/bin/python bench/flights_cpu43/profile_extract.py [--rounds 3] [--sort tottime]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from wirewatch_flights.extract import extract, load_tables

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loop_extract import dev_items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--limit", type=int, default=45)
    args = parser.parse_args()
    items = dev_items()
    load_tables()
    for item in items:
        extract(*item)
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(args.rounds):
        for item in items:
            extract(*item)
    profiler.disable()
    stats = pstats.Stats(profiler)
    print(f"items: {len(items)} x {args.rounds}")
    stats.sort_stats(args.sort).print_stats(args.limit)


if __name__ == "__main__":
    main()
