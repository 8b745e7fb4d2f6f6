"""CPU per item of the stories stage's feature extraction alone (``features.extract``), on the
pipeline benchmark's item (``bench/pipeline.py``: a short headline and a lede padded to about
560 characters) and on the real items of tests/data/stories_dev.jsonl (five passes), with a
digest of every item's cues (equal digests: identical cues).

    flock /tmp/bench.lock .venv/bin/python bench/stories_cpu42/extract_cost.py
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

from wirewatch_stories.features import extract

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "stories_dev.jsonl"
PAD = "Officials said the charter left after midnight; rights groups asked for monitors. " * 6


def main() -> None:
    pipeline = [
        (
            f"Deportation flight 1765-{n} carrying migrants lands in Caracas",
            f"The charter flight carrying Venezuelan deportees landed, officials said. {PAD}",
        )
        for n in range(2000)
    ]
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    real = [(str(r.get("title") or ""), str(r.get("summary") or "")) for r in rows] * 5
    digest = hashlib.sha256()
    for name, items in (("pipeline item", pipeline), ("stories_dev", real)):
        cpu = time.process_time()
        cues = [extract(title, summary, countries=("VE",)).cues for title, summary in items]
        cpu = time.process_time() - cpu
        digest.update(repr([sorted(c) for c in cues]).encode())
        print(f"{name}: {cpu / len(items) * 1e6:.0f} µs/item", end="; ")
    print(f"digest {digest.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
