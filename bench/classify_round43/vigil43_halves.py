"""Split the vigil43 set into a dev half (read item by item) and a check half (a judge).

    .venv/bin/python bench/classify_round43/vigil43_halves.py   # writes the halves file here

The rule of stop 41's ``lumen_halves.py`` (and the earlier rounds' halves files): per (lang,
label class: neg/policy/flights/both) stratum, ids sorted, shuffled with one
``random.Random(SEED)`` taken through the strata in sorted order, the first half to ``check``
(an odd stratum gives its extra item to ``check`` or ``dev`` by a coin of the same generator).
Reads labels and ids only; runs no classifier. The rule is ``lumen_halves.split``, imported.

Unlike lumen's, neither half joins the split: stop 43's candidates are rules or a training
choice, not pooling, so ``tests/data/classify_vigil43_halves.json`` keeps every id in ``check``
(``classify-split`` sizes unchanged) and the seeded halves are written beside this script
(``classify_vigil43_halves.json`` in ``bench/classify_round43/``, read by ``round43_report.py``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "classify_round41"))

from lumen_halves import SEED, split

OUT = Path(__file__).with_name("classify_vigil43_halves.json")
FILES = ["classify_pool_vigil43_en", "classify_pool_vigil43_es"]


def main() -> None:
    strata, check, dev = split(FILES)
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
        "strata": strata,
        "check": check,
        "dev": dev,
    }
    OUT.write_text(json.dumps(halves, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUT.name}: check {len(check)}, dev {len(dev)}")


if __name__ == "__main__":
    main()
