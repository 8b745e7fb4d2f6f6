"""The classify service's per-item path without the broker, ``--rounds`` times over the stream of
``bench/classify_service.py`` (``bench/classify_speed34/handler_cpu.py``'s bodies): decode
(``batch.decode``), classify and encode (``workers.encode``), the records
(``BatchOutput.add``), in batches of 500 and chunks of 250: a target for py-spy.

Run: .venv/bin/py-spy record -r 400 -f raw -o /tmp/x.txt -- \
    .venv/bin/python bench/classify_cpu44/loop_path.py --rounds 3
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wirewatch_classify import batch, workers
from wirewatch_classify.encoding import timestamp_json
from wirewatch_classify.engine import Classifier

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "classify_speed34"))
from handler_cpu import NOW, bodies


def run(classifier: Classifier, data: list[bytes]) -> None:
    for k in range(0, len(data), 500):
        items, _ = batch.decode(data[k : k + 500])
        output = batch.BatchOutput(timestamp_json(NOW), True)
        for c in range(0, len(items), 250):
            chunk = items[c : c + 250]
            rows = [(i.title, i.summary, i.language) for _, i in chunk]
            output.add(chunk, [workers.encode(classifier, row) for row in rows])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--items", type=int, default=20_000)
    args = parser.parse_args()
    classifier = Classifier.load()
    data = bodies(args.items)
    for _ in range(args.rounds):
        run(classifier, data)


if __name__ == "__main__":
    main()
