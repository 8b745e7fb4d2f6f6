"""Stop 46 (RULE.md): train candidate D, with ``d_training.diff`` applied to a scratch copy of the
package (``PYTHONPATH`` first), never to this worktree's ``services/``:

    rm -rf /tmp/d_pkg && mkdir /tmp/d_pkg && cp -r services/classify/wirewatch_classify /tmp/d_pkg/
    (cd /tmp/d_pkg && patch -p3 < $OLDPWD/bench/classify_round46/d_training.diff)
    PYTHONPATH=/tmp/d_pkg .venv/bin/python bench/classify_round46/d_train.py DATA_DIR_C OUT

Same data, split and background as C (``wirewatch train --data-dir DATA_DIR_C``); the only change:
in the flights topic's first-level fit the pooled sets' hard negatives (``classify46.POOLED``: items
with no label, and their title-only copies) weigh ``W_POOLED_NEGATIVE``.
"""

from __future__ import annotations

import inspect
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wirewatch_classify import training
from wirewatch_classify.dataset import Item, read_items

sys.path.insert(0, str(Path(__file__).resolve().parent))
from classify46 import DATA, POOLED
from diagnose import FLIGHTS, W_POOLED_NEGATIVE

BACKGROUND = Path("../shared/corpus/feeds")


def pooled_negatives() -> set[str]:
    keys: set[str] = set()
    for stem in POOLED:
        for path in sorted(DATA.glob(f"classify_pool_{stem}_*.jsonl")):
            keys |= {i.key for i in read_items(path) if not i.labels and i.hard_negative}
    return keys


def main(data_dir: Path, out: Path) -> None:
    if "weight_of" not in inspect.signature(training.train).parameters:
        raise SystemExit("d_training.diff is not applied: see the docstring")
    keys = pooled_negatives()

    def weight_of(topic: str, item: Item) -> float:
        base = item.key.removesuffix("#title")
        return W_POOLED_NEGATIVE if topic == FLIGHTS and base in keys else 1.0

    train: Callable[..., dict[str, Any]] = training.train  # with d_training.diff's weight_of
    data = train(data_dir, out, background=BACKGROUND, weight_of=weight_of)
    card = data["card"]
    print(
        json.dumps(
            {
                "pooled_hard_negatives": len(keys),
                "c": card["c"],
                "background_negatives": card["background_negatives"],
                "stack": data["stack"],
            }
        )
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
