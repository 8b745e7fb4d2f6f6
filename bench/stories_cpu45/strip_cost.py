"""CPU of ``wirewatch_shared.text.strip_accents`` per text (stop 45), with a digest of its outputs.

The texts: every title and summary of tests/data/stories_*, flights_* and classify_pool_*
(real text, labels not read), as they are and casefolded (as stories' ``lexicon.fold`` passes
them), all of them and the non-ASCII ones apart. Run with another tree's venv for "before":

    flock /tmp/bench.lock .venv/bin/python bench/stories_cpu45/strip_cost.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path

from wirewatch_shared.text import strip_accents

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"


def texts() -> list[str]:
    out = []
    for pattern in ("stories_*.jsonl", "flights_*.jsonl", "classify_pool_*.jsonl"):
        for path in sorted(DATA.glob(pattern)):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    for field in ("title", "summary"):
                        text = str(row.get(field) or "")
                        out += [text, text.casefold()]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    every = texts()
    accented = [t for t in every if not t.isascii()]
    digest = hashlib.sha256("\0".join(map(strip_accents, every)).encode()).hexdigest()[:16]
    cells = []
    for name, group in (("all", every), ("non-ASCII", accented)):
        cpu = time.process_time()
        for _ in range(args.rounds):
            for text in group:
                strip_accents(text)
        cpu = time.process_time() - cpu
        cells.append(f"{name} ({len(group)}) {cpu / args.rounds / len(group) * 1e6:.2f} µs/text")
    print(", ".join(cells) + f", digest {digest}")


if __name__ == "__main__":
    main()
