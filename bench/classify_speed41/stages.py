"""Study script (stop 41): CPU µs per item of each step of the classify service's handler
that runs on the event loop besides the broker, no broker: decode (``batch.decode``),
classify and encode (``workers.encode``), the records (``BatchOutput.add``), the partition
of each key (``partition_for``: murmur2), on the stream of ``bench/classify_service.py``
in batches of 500 and chunks of 250, after ``--warm`` items; best of ``--rounds``.
Also the encoding parts on their own: the store's canonical matches JSON per matched
item and the entities member per item that names some.

Run with another checkout's code: ``PYTHONPATH=<checkout>/services/classify:<checkout>/shared``.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

from wirewatch_classify import batch, itemstore, workers
from wirewatch_classify.encoding import classified_json_parts, timestamp_json
from wirewatch_classify.engine import EMPTY_ENTITIES, Classifier
from wirewatch_shared.producer import murmur2

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "classify_speed34"))
from handler_cpu import NOW, bodies

STEPS = ("decode", "encode", "add", "murmur2")


def steps(classifier: Classifier, data: list[bytes]) -> dict[str, float]:
    spent = dict.fromkeys(STEPS, 0.0)
    clock = time.process_time
    for k in range(0, len(data), 500):
        start = clock()
        items, _ = batch.decode(data[k : k + 500])
        spent["decode"] += clock() - start
        output = batch.BatchOutput(timestamp_json(NOW), True)
        for c in range(0, len(items), 250):
            chunk = items[c : c + 250]
            start = clock()
            results = [
                workers.encode(classifier, (i.title, i.summary, i.language)) for _, i in chunk
            ]
            spent["encode"] += clock() - start
            start = clock()
            records = output.add(chunk, results)
            spent["add"] += clock() - start
            start = clock()
            for key, _ in records:
                murmur2(key)
            spent["murmur2"] += clock() - start
    return {name: s / len(data) * 1e6 for name, s in spent.items()}


def each(run: Callable[[], object], count: int, rounds: int = 5) -> float:
    """Best CPU µs per call over ``rounds`` runs of ``run`` (``count`` calls each)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best / count * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--warm", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    classifier = Classifier.load()
    steps(classifier, bodies(args.warm))
    data = bodies(args.items, offset=args.warm)
    gc.collect()
    gc.freeze()  # as the service does (live_topics.freeze_long_lived)
    gc.set_threshold(10_000, *gc.get_threshold()[1:])
    found = [steps(classifier, data) for _ in range(args.rounds)]
    print(
        "CPU µs/item, best of rounds: "
        + ", ".join(f"{n} {min(f[n] for f in found):.2f}" for n in STEPS)
    )
    items, _ = batch.decode(data)
    outputs = [classifier.classify(i.title, i.summary, i.language) for _, i in items]
    matched = [m for m, _ in outputs if m]
    named = [e for _, e in outputs if e is not EMPTY_ENTITIES]
    stored = each(lambda: [itemstore.matches_json(m) for m in matched], len(matched))
    ents = each(lambda: [classified_json_parts((), e) for e in named], len(named))
    print(
        f"{len(matched)} of {len(items)} items matched: store's matches JSON {stored:.2f} µs each; "
        f"{len(named)} name entities: entities member {ents:.2f} µs each"
    )


if __name__ == "__main__":
    main()
