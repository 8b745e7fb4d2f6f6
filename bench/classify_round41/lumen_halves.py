"""Split the lumen set into a dev half (pooled into the split) and a check half (held back).

    .venv/bin/python bench/classify_round41/lumen_halves.py   # rewrites classify_lumen_halves.json

The rule of the earlier rounds' halves files (afternoon, evening, twilight): per (lang, label
class: neg/policy/flights/both) stratum, ids sorted, shuffled with one ``random.Random(SEED)``
taken through the strata in sorted order, the first half to ``check`` (an odd stratum gives
its extra item to ``check`` or ``dev`` by a coin of the same generator). Reads labels and ids
only; runs no classifier. Stop 41's candidates A and B were fitted on this split; none was
kept, so the committed halves file lists every id in ``check`` again, and the 41 check ids are
kept in ``lumen_check_ids.json`` (read by ``round41_report.py``).
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
SEED = 20261206
FILES = ["classify_pool_lumen_en", "classify_pool_lumen_es"]


def label_class(labels: list[str]) -> str:
    if not labels:
        return "neg"
    if len(labels) == 2:
        return "both"
    return "flights" if labels == ["repatriation-flights"] else "policy"


def split(files: list[str], seed: int = SEED) -> tuple[dict[str, int], list[str], list[str]]:
    """The rule above over ``files`` (stems under tests/data): the strata's sizes, the check
    ids, the dev ids (stop 43's ``vigil43_halves.py`` imports it)."""
    strata: dict[str, list[str]] = defaultdict(list)
    for stem in files:
        for line in (DATA / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            strata[f"{row['lang']}/{label_class(row['labels'])}"].append(row["id"])
    rng = random.Random(seed)
    check: list[str] = []
    for name in sorted(strata):
        ids = sorted(strata[name])
        rng.shuffle(ids)
        half = len(ids) // 2 + (len(ids) % 2 if rng.random() < 0.5 else 0)
        check += ids[:half]
    everything = sorted(i for ids in strata.values() for i in ids)
    dev = sorted(set(everything) - set(check))
    return {name: len(strata[name]) for name in sorted(strata)}, sorted(check), dev


def main() -> None:
    strata, check, dev = split(FILES)
    halves: dict[str, object] = {
        "set": "classify_pool_lumen_{en,es}.jsonl",
        "files": FILES,
        "seed": SEED,
        "rule": (
            "per (lang, label class: neg/policy/flights/both) stratum, ids sorted, shuffled with"
            " random.Random(seed), the first half (odd stratum: one more by a coin of the same"
            " generator) to check (bench/classify_round41/lumen_halves.py)"
        ),
        "held_back": (
            "the whole set was measured once with main's shipped model before any change (stop 41,"
            " docs/measurements/classify.md); then the dev half joined the split by"
            " classify-split's rules and the check half stays out of every split: never fitted,"
            " never read item by item, measured with aggregates only"
        ),
        "strata": strata,
        "check": check,
        "dev": dev,
    }
    path = DATA / "classify_lumen_halves.json"
    path.write_text(json.dumps(halves, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{path.name}: check {len(check)}, dev {len(dev)}")


if __name__ == "__main__":
    main()
