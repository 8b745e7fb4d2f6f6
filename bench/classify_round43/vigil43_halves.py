"""Split the vigil43 set into a dev half (read item by item) and a check half (a judge).

    .venv/bin/python bench/classify_round43/vigil43_halves.py   # writes the halves file here

The rule of stop 41's ``lumen_halves.py`` (and the earlier rounds' halves files): per (lang,
label class: neg/policy/flights/both) stratum, ids sorted, shuffled with one
``random.Random(SEED)`` taken through the strata in sorted order, the first half to ``check``
(an odd stratum gives its extra item to ``check`` or ``dev`` by a coin of the same generator).
Reads labels and ids only; runs no classifier.

Unlike lumen's, neither half joins the split: stop 43's candidates are rules or a training
choice, not pooling, so ``tests/data/classify_vigil43_halves.json`` keeps every id in ``check``
(``classify-split`` sizes unchanged) and the seeded halves are written beside this script
(``classify_vigil43_halves.json`` in ``bench/classify_round43/``, read by ``round43_report.py``).
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
OUT = Path(__file__).with_name("classify_vigil43_halves.json")
SEED = 20261206
FILES = ["classify_pool_vigil43_en", "classify_pool_vigil43_es"]


def label_class(labels: list[str]) -> str:
    if not labels:
        return "neg"
    if len(labels) == 2:
        return "both"
    return "flights" if labels == ["repatriation-flights"] else "policy"


def main() -> None:
    strata: dict[str, list[str]] = defaultdict(list)
    for stem in FILES:
        for line in (DATA / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            strata[f"{row['lang']}/{label_class(row['labels'])}"].append(row["id"])
    rng = random.Random(SEED)
    check: list[str] = []
    for name in sorted(strata):
        ids = sorted(strata[name])
        rng.shuffle(ids)
        half = len(ids) // 2 + (len(ids) % 2 if rng.random() < 0.5 else 0)
        check += ids[:half]
    everything = sorted(i for ids in strata.values() for i in ids)
    dev = sorted(set(everything) - set(check))
    halves: dict[str, object] = {
        "set": "classify_pool_vigil43_{en,es}.jsonl",
        "files": FILES,
        "seed": SEED,
        "rule": (
            "per (lang, label class: neg/policy/flights/both) stratum, ids sorted, shuffled with"
            " random.Random(seed), the first half (odd stratum: one more by a coin of the same"
            " generator) to check (bench/classify_round43/vigil43_halves.py, as stop 41's"
            " lumen_halves.py)"
        ),
        "held_back": (
            "both halves stay out of every split (tests/data/classify_vigil43_halves.json lists"
            " every id in check); the dev half may be read item by item to write rules, the check"
            " half is a judge: aggregates only, once per candidate (bench/classify_round43/RULE.md)"
        ),
        "strata": {name: len(strata[name]) for name in sorted(strata)},
        "check": sorted(check),
        "dev": dev,
    }
    OUT.write_text(json.dumps(halves, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUT.name}: check {len(check)}, dev {len(dev)}")


if __name__ == "__main__":
    main()
