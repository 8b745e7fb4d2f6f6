"""Study script (stop 33; kept from clspeed33.diff at stop 34): CPU per item of the classify
handler's pure part, no broker.

What ``ClassifyService.handle_items`` does to a batch besides publishing: decode the bodies
(``batch.decode``), classify them in chunks of 250 (as the service's in-process path) and
build the records (``BatchOutput.add``, item store on), over the stream of
``bench/classify_service.py`` (corpus news and the dev set, cycled) in batches of 500.
The first ``--warm`` items warm the memos, as a running service's are.

- default: process CPU µs per item for each of ``--rounds`` rounds, and their median;
- ``--callgrind``: one round after a pause; run it under
  ``valgrind --tool=callgrind --instr-atstart=no``: the script prints ``READY <pid>`` and
  waits for a line on stdin, the caller switches instrumentation on with
  ``callgrind_control -i on <pid>``, then the round runs and the process exits (the
  instruction count is that of the round only);
- ``--digest``: SHA-256 of every published value and stored record (compare two checkouts).

Run with another checkout's code: ``PYTHONPATH=<checkout>/services/classify:<checkout>/shared``.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from wirewatch_classify import batch, workers
from wirewatch_classify.encoding import timestamp_json
from wirewatch_classify.engine import Classifier

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from classify_core import corpus_items, cycle, dev_items
from classify_service import bench_item

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)


def encode_chunk(classifier: Classifier, rows: list[workers.Row]) -> list[workers.Result]:
    """What the service's in-process path does to a chunk (main before stop 33: one
    ``workers.encode`` per row; since: ``workers.encode_many``)."""
    many = getattr(workers, "encode_many", None)
    if many is not None:
        return list(many(classifier, rows))
    return [workers.encode(classifier, row) for row in rows]


def bodies(n: int, offset: int = 0) -> list[bytes]:
    """n FeedItem bodies as bench/classify_service.py publishes them."""
    out = []
    base = corpus_items() + dev_items()
    for i, (title, summary) in enumerate(cycle(base, n + offset)[offset:], start=offset):
        out.append(bench_item(i, title, summary, NOW).model_dump_json().encode())
    return out


def run(classifier: Classifier, all_bodies: list[bytes], size: int = 500) -> list[object]:
    """The handler's pure part over every batch: (published records, stored records)."""
    published: list[object] = []
    for k in range(0, len(all_bodies), size):
        items, _ = batch.decode(all_bodies[k : k + size])
        output = batch.BatchOutput(timestamp_json(NOW), True)
        for c in range(0, len(items), 250):
            chunk = items[c : c + 250]
            rows = [(i.title, i.summary, i.language) for _, i in chunk]
            results = encode_chunk(classifier, rows)
            published.extend(output.add(chunk, results))
        published.extend(output.records)
    return published


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--warm", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--callgrind", action="store_true")
    parser.add_argument("--digest", action="store_true")
    args = parser.parse_args()
    classifier = Classifier.load()
    run(classifier, bodies(args.warm))
    data = bodies(args.items, offset=args.warm)
    gc.collect()
    gc.freeze()  # as the service does (live_topics.freeze_long_lived)
    gc.set_threshold(10_000, *gc.get_threshold()[1:])
    if args.digest:
        text = repr(run(classifier, data)).encode()
        print(hashlib.sha256(text).hexdigest(), len(data))
        return
    if args.callgrind:
        print("READY", __import__("os").getpid(), flush=True)
        sys.stdin.readline()
        run(classifier, data)
        return
    rounds = []
    for _ in range(args.rounds):
        start = time.process_time()
        run(classifier, data)
        rounds.append((time.process_time() - start) / len(data) * 1e6)
    print(
        "CPU µs/item per round:",
        " ".join(f"{r:.2f}" for r in rounds),
        f"median {statistics.median(rounds):.2f} min {min(rounds):.2f}",
    )


if __name__ == "__main__":
    main()
