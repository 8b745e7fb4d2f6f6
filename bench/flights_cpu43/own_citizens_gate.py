"""The own-citizens gate's cost: over the parts of every item of tests/data/flights_dev.jsonl,
the gate's scan alone, ``own_citizens_or_things`` as shipped, and the chain of searches it
replaces (its headline cues, then each of its eight body cues); best of ``--reps``.

Run: .venv/bin/python bench/flights_cpu43/own_citizens_gate.py [--reps 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loop_extract import dev_items
from wirewatch_flights import not_a_record as nar
from wirewatch_flights.parts import Part, first_span, item_parts


def gate(parts: list[Part]) -> bool:
    return all(nar._OWN_OR_THINGS.search(p.folded) is None for p in parts)


def chain(parts: list[Part]) -> bool:
    return nar._explainer_title(parts) or any(first_span(parts, c) for c in nar.OWN_OR_THINGS_CUES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    items = [item_parts(title, summary) for title, summary, _ in dev_items()]

    def best(f: Callable[[list[Part]], object]) -> float:
        times = []
        for _ in range(args.reps):
            start = time.perf_counter()
            for parts in items:
                f(parts)
            times.append(time.perf_counter() - start)
        return min(times) / len(items) * 1e6

    print(f"items: {len(items)}, cleared by the gate: {sum(gate(p) for p in items)}")
    print(f"gate scan {best(gate):.1f} µs/item")
    print(f"own_citizens_or_things {best(nar.own_citizens_or_things):.1f} µs/item")
    print(f"its chain of searches {best(chain):.1f} µs/item")


if __name__ == "__main__":
    main()
