"""Where ``extract()``'s regular-expression time goes: every compiled pattern held by a
``wirewatch_flights`` module is wrapped in a timing proxy, the items of
tests/data/flights_dev.jsonl are extracted ``--rounds`` times, and the patterns are listed by
their total time (calls, µs per item). The proxy's own cost is not in the figures.

Run: .venv/bin/python bench/flights_cpu43/pattern_cost.py [--rounds 3] [--top 30]
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import wirewatch_flights
from loop_extract import dev_items
from wirewatch_flights.extract import extract, load_tables

TOTALS: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])


class Timed:
    def __init__(self, name: str, pattern: re.Pattern[str]) -> None:
        self._name = name
        self._pattern = pattern

    def __getattr__(self, attr: str) -> Any:
        inner = getattr(self._pattern, attr)
        if not callable(inner):
            return inner
        row = TOTALS[self._name]

        def call(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            out = inner(*args, **kwargs)
            if attr == "finditer":
                out = list(out)
            row[0] += time.perf_counter() - start
            row[1] += 1
            return out

        return call


def wrap_all() -> None:
    names: dict[int, Timed] = {}
    modules = [
        importlib.import_module(f"wirewatch_flights.{m.name}")
        for m in pkgutil.iter_modules(wirewatch_flights.__path__)
    ]
    for module in modules:
        for key, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                proxy = names.setdefault(id(value), Timed(f"{module.__name__[18:]}.{key}", value))
                setattr(module, key, proxy)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    items = dev_items()
    load_tables()
    wrap_all()
    for _ in range(args.rounds):
        for item in items:
            extract(*item)
    n = len(items) * args.rounds
    total = sum(t for t, _ in TOTALS.values())
    print(f"patterns: {total / n * 1e6:.0f} µs per item over {len(TOTALS)} patterns")
    for name, (t, calls) in sorted(TOTALS.items(), key=lambda kv: -kv[1][0])[: args.top]:
        print(f"{t / n * 1e6:8.1f} µs/item {calls / n:7.2f} calls/item  {name}")


if __name__ == "__main__":
    main()
