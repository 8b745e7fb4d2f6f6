"""Stop 43 report: aggregates of one topic model (with the topic files it was fitted on) on
the test split (1,189 items), the vigil43 check half (44 items, a judge: never read item by
item), the vigil43 dev half (46, read to write rules: reported, not a judge) and the whole
lumen set (80, held back whole since stop 41, never fitted by any shipped model).

    .venv/bin/python bench/classify_round43/round43_report.py MODEL.json [--topics-dir DIR]

Prints, per set, F1 per topic and language, TP/FP/FN, the F1 one more error would cost
("one item's worth", the bar of RULE.md), negatives tagged and Brier, as JSON; never an item.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from wirewatch_classify.dataset import load_split
from wirewatch_classify.engine import Classifier
from wirewatch_classify.model import TopicModel
from wirewatch_classify.topicdef import load_topics

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "classify_round44"))
from round44_report import aggregates

DATA = Path("tests/data")
HALVES = Path(__file__).with_name("classify_vigil43_halves.json")


def rows_of(stem: str) -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for lang in ("en", "es")
        for line in (DATA / f"{stem}_{lang}.jsonl").read_text("utf-8").splitlines()
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", type=Path)
    parser.add_argument("--topics-dir", type=Path, default=None)
    args = parser.parse_args()
    clf = Classifier(load_topics(args.topics_dir), model=TopicModel.load(args.model))
    halves = json.loads(HALVES.read_text(encoding="utf-8"))
    vigil = rows_of("classify_pool_vigil43")
    result = {
        "test": aggregates(clf, [i.row for i in load_split(DATA)["test"]]),
        "vigil43_check": aggregates(clf, [r for r in vigil if r["id"] in set(halves["check"])]),
        "vigil43_dev": aggregates(clf, [r for r in vigil if r["id"] in set(halves["dev"])]),
        "lumen_all": aggregates(clf, rows_of("classify_pool_lumen")),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
